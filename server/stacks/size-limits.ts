import { z } from "zod";

// Bounds that keep one save well inside a request body and a JSON column; far above real stacks.
// In UTF-8 bytes, as stored and as the messages say: zod's .max counts UTF-16 code units, which let
// 1 MB of "é" through as 2 MB.
export const DEFINITION_MAX_BYTES = 1_000_000;
export const CODE_FILE_MAX_BYTES = 1_000_000;
export const CODE_FILES_MAX = 500;

export const DEFINITION_TOO_BIG = "the definition is limited to 1 MB";
export const CODE_FILE_TOO_BIG = "a handler file is limited to 1 MB";

export const utf8Bytes = (text: string) => Buffer.byteLength(text, "utf8");

/** `base` (a string schema) refusing text over `maxBytes` UTF-8 bytes with `message`. */
export function withinBytes<S extends z.ZodString>(base: S, maxBytes: number, message: string): S {
  return base.refine((text) => utf8Bytes(text) <= maxBytes, message);
}

/** A stack definition's YAML: `base` carries the caller's own checks and messages (e.g. for empty). */
export const definitionYaml = (base: z.ZodString = z.string()) => withinBytes(base, DEFINITION_MAX_BYTES, DEFINITION_TOO_BIG);

/** A revision's handler files, path to text. */
export const codeFiles = (path: z.ZodString = z.string().min(1).max(512)) =>
  z
    .record(path, withinBytes(z.string(), CODE_FILE_MAX_BYTES, CODE_FILE_TOO_BIG))
    .refine((files) => Object.keys(files).length <= CODE_FILES_MAX, `at most ${CODE_FILES_MAX} handler files`);
