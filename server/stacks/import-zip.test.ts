import { describe, expect, it } from "vitest";
import { strToU8, zipSync } from "fflate";
import { createZip } from "@/server/package/zip";
import { readCodeZip, stripWrapperFolder, ZIP_LIMITS } from "./import-zip";

const zip = (files: Record<string, string | Uint8Array>) =>
  zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, typeof v === "string" ? strToU8(v) : v])));

describe("readCodeZip", () => {
  it("reads text files keyed by their path, skipping folders and archiver litter", () => {
    const r = readCodeZip(zip({ "src/": new Uint8Array(), "src/a.ts": "export {}", "__MACOSX/src/._a.ts": "x", "src/.DS_Store": "x" }), "code.zip");
    expect(r).toEqual({ code: { "src/a.ts": "export {}" }, problems: [] });
  });

  it("reads the deterministic archives the export writes", () => {
    const bytes = createZip([{ path: "b.py", data: Buffer.from("def h(e, c): pass\n") }, { path: "a/x.ts", data: Buffer.from("a".repeat(5000)) }]);
    expect(readCodeZip(bytes, "code.zip").code).toEqual({ "a/x.ts": "a".repeat(5000), "b.py": "def h(e, c): pass\n" });
  });

  it.each([
    ["../evil.ts", "leaves the archive's folder"],
    ["src/../../evil.ts", "leaves the archive's folder"],
    ["/etc/passwd", "is an absolute path"],
    ["C:/x.ts", "is an absolute path"],
    ["src\\a.ts", "uses backslashes"],
  ])("refuses the path %s, naming the entry", (name, reason) => {
    const r = readCodeZip(zip({ "ok.ts": "1", [name]: "2" }), "code.zip");
    expect(r.code).toEqual({});
    expect(r.problems).toEqual([{ severity: "error", file: `code.zip: ${name}`, message: expect.stringContaining(reason) }]);
  });

  it("refuses a zip bomb from the declared sizes, before inflating it", () => {
    const bomb = zip({ "a.ts": new Uint8Array(ZIP_LIMITS.fileBytes + 1) });
    expect(bomb.length).toBeLessThan(10_000);
    expect(readCodeZip(bomb, "bomb.zip").problems[0]).toMatchObject({ file: "bomb.zip: a.ts", message: expect.stringMatching(/unzipped; a handler file is limited to/) });

    const many = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`f${i}.ts`, new Uint8Array(ZIP_LIMITS.fileBytes - 1)]));
    expect(readCodeZip(zip(many), "bomb.zip").problems[0].message).toMatch(/unzip to more than 10\.0 MB; refused/);
  });

  it("refuses an entry whose header under-declares its size (it would inflate cut short)", () => {
    const bytes = createZip([{ path: "a.ts", data: Buffer.from("x".repeat(1000)) }]);
    // Patch the declared uncompressed size in the local header (offset 22) and the central directory (offset 24).
    bytes.writeUInt32LE(10, 22);
    const central = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bytes.writeUInt32LE(10, central + 24);
    expect(readCodeZip(bytes, "code.zip").problems).toEqual([{ severity: "error", file: "code.zip: a.ts", message: expect.stringMatching(/corrupt/) }]);
  });

  it("refuses too many files, binary files and non-zips", () => {
    const files = Object.fromEntries(Array.from({ length: ZIP_LIMITS.files + 1 }, (_, i) => [`f${i}.ts`, "1"]));
    expect(readCodeZip(zip(files), "code.zip").problems[0].message).toBe(`the zip has more than ${ZIP_LIMITS.files} files`);
    expect(readCodeZip(zip({ "logo.png": new Uint8Array([0x89, 0xff, 0xfe]) }), "code.zip").problems[0]).toMatchObject({ file: "code.zip: logo.png", message: expect.stringMatching(/not UTF-8 text/) });
    expect(readCodeZip(strToU8("resources: {}"), "code.zip").problems[0]).toMatchObject({ file: "code.zip", message: expect.stringMatching(/^not a readable zip archive/) });
  });
});

describe("stripWrapperFolder", () => {
  it("drops the one folder a zipped project folder adds when the entry files are only below it", () => {
    expect(stripWrapperFolder({ "app/src/a.ts": "1", "app/lib.ts": "2" }, ["src/a.ts"])).toEqual({ "src/a.ts": "1", "lib.ts": "2" });
  });
  it("keeps paths that already match, or that have several top-level entries", () => {
    expect(stripWrapperFolder({ "src/a.ts": "1" }, ["src/a.ts"])).toEqual({ "src/a.ts": "1" });
    expect(stripWrapperFolder({ "app/a.ts": "1", "b.ts": "2" }, ["a.ts"])).toEqual({ "app/a.ts": "1", "b.ts": "2" });
  });
});
