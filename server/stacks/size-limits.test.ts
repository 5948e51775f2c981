import { describe, expect, it } from "vitest";
import { z } from "zod";
import { STACK_INPUT_LIMITS } from "@/lib/stack/limits";
import { codeFiles, definitionYaml, DEFINITION_TOO_BIG, CODE_FILE_TOO_BIG, CODE_TOO_BIG, utf8Bytes } from "./size-limits";

const DEFINITION_MAX_BYTES = STACK_INPUT_LIMITS.bytes;

const errorOf = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value);
  return r.success ? null : r.error.issues[0].message;
};

describe("size limits count UTF-8 bytes, not characters", () => {
  it("counts two bytes for é and four for an emoji", () => {
    expect(utf8Bytes("aé😀")).toBe(1 + 2 + 4);
  });

  it("accepts a definition of exactly 1 MB of multi-byte text and refuses one byte more", () => {
    const twoByte = "é".repeat(DEFINITION_MAX_BYTES / 2);
    expect(errorOf(definitionYaml(), twoByte)).toBeNull();
    expect(errorOf(definitionYaml(), `${twoByte}a`)).toBe(DEFINITION_TOO_BIG);
  });

  it("refuses 400,000 three-byte characters (1.2 MB), which a character count let through", () => {
    const text = "€".repeat(400_000);
    expect(text.length).toBeLessThan(DEFINITION_MAX_BYTES);
    expect(errorOf(definitionYaml(), text)).toBe(DEFINITION_TOO_BIG);
  });

  it("keeps the caller's own checks and messages", () => {
    expect(errorOf(definitionYaml(z.string().min(1, "the definition is empty")), "")).toBe("the definition is empty");
  });

  it("bounds each handler file by its bytes", () => {
    expect(errorOf(codeFiles(), { "src/a.ts": "😀".repeat(250_000) })).toBeNull();
    expect(errorOf(codeFiles(), { "src/a.ts": "😀".repeat(250_001) })).toBe(CODE_FILE_TOO_BIG);
  });

  it("bounds the handler files' total size", () => {
    const file = "a".repeat(1_000_000);
    const ten = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`src/${i}.ts`, file]));
    expect(errorOf(codeFiles(), ten)).toBeNull();
    expect(errorOf(codeFiles(), { ...ten, "src/more.ts": "a".repeat(500_000) })).toBe(CODE_TOO_BIG);
  });
});
