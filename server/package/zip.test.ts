import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createZip } from "./zip";

const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");

const files = [
  { path: "lib/util.js", data: Buffer.from("module.exports = 1;\n".repeat(50)) },
  { path: "index.js", data: Buffer.from("exports.handler = async () => 'ok';\n") },
  { path: "bootstrap", data: Buffer.from("#!/bin/sh\necho hi\n"), mode: 0o755 },
];

/** Extracts with Info-ZIP's unzip (an independent reader); returns the archive's path and the output folder. */
function unzipTo(zip: Buffer): { archive: string; out: string } {
  const dir = mkdtempSync(path.join(tmpdir(), "lp-zip-"));
  const archive = path.join(dir, "a.zip");
  writeFileSync(archive, zip);
  execFileSync("unzip", ["-q", "a.zip", "-d", "out"], { cwd: dir });
  return { archive, out: path.join(dir, "out") };
}

describe("createZip", () => {
  it("gives the same bytes for the same files in any order", () => {
    const a = createZip(files);
    const b = createZip([...files].reverse().map((f) => ({ ...f, data: Buffer.from(f.data) })));
    expect(sha256(a)).toBe(sha256(b));
  });

  it("changes its bytes when one byte of content changes", () => {
    const changed = files.map((f) => (f.path === "index.js" ? { ...f, data: Buffer.from("exports.handler = async () => 'OK';\n") } : f));
    expect(sha256(createZip(changed))).not.toBe(sha256(createZip(files)));
  });

  it("is a valid archive that unzip extracts with the contents, fixed dates and permissions", () => {
    const { archive, out } = unzipTo(createZip(files));
    for (const f of files) expect(readFileSync(path.join(out, f.path))).toEqual(f.data);
    expect(statSync(path.join(out, "bootstrap")).mode & 0o777).toBe(0o755);
    expect(statSync(path.join(out, "index.js")).mode & 0o777).toBe(0o644);
    expect(execFileSync("zipinfo", ["-T", archive]).toString()).toMatch(/19800101\.000000 bootstrap/);
    expect(execFileSync("zipinfo", ["-1", archive]).toString().trim().split("\n")).toEqual(["bootstrap", "index.js", "lib/util.js"]);
  });

  it("deflates compressible files and stores incompressible ones", () => {
    const noise = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 2654435761) >>> 24));
    const zip = createZip([{ path: "noise.bin", data: noise }, { path: "text.txt", data: Buffer.alloc(10_000, "a") }]);
    expect(zip.length).toBeLessThan(noise.length + 10_000);
    const { out } = unzipTo(zip);
    expect(readFileSync(path.join(out, "noise.bin"))).toEqual(noise);
    expect(readFileSync(path.join(out, "text.txt")).length).toBe(10_000);
  });

  it("refuses duplicate paths", () => {
    expect(() => createZip([files[0], { ...files[0] }])).toThrow(/duplicate entry lib\/util.js/);
  });
});
