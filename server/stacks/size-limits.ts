import { z } from "zod";
import { CODE_LIMITS, STACK_INPUT_LIMITS } from "@/lib/stack/limits";

// Request schemas for a definition and its handler files, with the bounds of lib/stack/limits.ts.
// In UTF-8 bytes, as stored and as the messages say: zod's .max counts UTF-16 code units, which let
// 1 MB of "é" through as 2 MB.

export const DEFINITION_TOO_BIG = "the definition is limited to 1 MB";
export const CODE_FILE_TOO_BIG = "a handler file is limited to 1 MB";
export const CODE_TOO_BIG = "the handler files are limited to 10 MB together";

export const utf8Bytes = (text: string) => Buffer.byteLength(text, "utf8");

/** `base` (a string schema) refusing text over `maxBytes` UTF-8 bytes with `message`. */
export function withinBytes<S extends z.ZodString>(base: S, maxBytes: number, message: string): S {
  return base.refine((text) => utf8Bytes(text) <= maxBytes, message);
}

/** A stack definition's YAML: `base` carries the caller's own checks and messages (e.g. for empty). */
export const definitionYaml = (base: z.ZodString = z.string()) => withinBytes(base, STACK_INPUT_LIMITS.bytes, DEFINITION_TOO_BIG);

/** A revision's handler files, path to text (saveRevision also checks each path with the import's rules). */
export const codeFiles = (path: z.ZodString = z.string().min(1).max(CODE_LIMITS.pathLength)) =>
  z
    .record(path, withinBytes(z.string(), CODE_LIMITS.fileBytes, CODE_FILE_TOO_BIG))
    .refine((files) => Object.keys(files).length <= CODE_LIMITS.files, `at most ${CODE_LIMITS.files} handler files`)
    .refine((files) => Object.values(files).reduce((sum, text) => sum + utf8Bytes(text), 0) <= CODE_LIMITS.totalBytes, CODE_TOO_BIG);
