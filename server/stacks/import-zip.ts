import { crc32 } from "node:zlib";
import { unzipSync, type UnzipFileInfo } from "fflate";
import { codePathProblem, normalizeCodePath } from "@/server/package/code-files";
import { CODE_LIMITS } from "@/lib/stack/limits";
import type { RevisionCode } from "./revision-code";

// Reads the handler files of an import from an uploaded zip into a revision's code map. The limits
// are checked against the sizes the zip declares BEFORE anything is inflated (fflate then inflates
// into a buffer of exactly that size), so a zip bomb costs no more memory than the limits allow.

export interface ImportProblem {
  severity: "error" | "warning";
  /** The uploaded file (and the entry inside a zip) the problem is in. */
  file: string;
  message: string;
  line?: number;
  column?: number;
  /** Path in the stack definition, for definition problems. */
  path?: string;
}

export const ZIP_LIMITS = {
  /** The upload itself. */
  zipBytes: 5 * 1024 * 1024,
  /** Unzipped, the same bounds as every save of a revision. */
  files: CODE_LIMITS.files,
  fileBytes: CODE_LIMITS.fileBytes,
  totalBytes: CODE_LIMITS.totalBytes,
} as const;

// Archivers add these; they are never handler code.
const IGNORED = [/^__MACOSX\//, /(^|\/)\.DS_Store$/];

export interface ZipReadResult {
  code: RevisionCode;
  problems: ImportProblem[];
}

const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

const utf8 = new TextDecoder("utf-8", { fatal: true });

const CENTRAL_SIGNATURE = 0x02014b50;

/**
 * The CRC-32 of every central-directory entry, in directory order (the order fflate's filter sees
 * them). fflate does not check CRCs, and an entry that under-declares its size inflates cut short
 * without an error: comparing CRCs catches that.
 */
function centralCrcs(zip: Uint8Array): number[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = zip.length - 22;
  while (end > 0 && view.getUint32(end, true) !== 0x06054b50) end--;
  const crcs: number[] = [];
  let offset = view.getUint32(end + 16, true);
  const count = view.getUint16(end + 10, true);
  for (let i = 0; i < count && offset + 46 <= zip.length && view.getUint32(offset, true) === CENTRAL_SIGNATURE; i++) {
    crcs.push(view.getUint32(offset + 16, true));
    offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return crcs;
}

export function readCodeZip(zip: Uint8Array, zipName: string): ZipReadResult {
  const problems: ImportProblem[] = [];
  const fail = (message: string, entry?: string): ZipReadResult => ({
    code: {},
    problems: [...problems, { severity: "error", file: entry ? `${zipName}: ${entry}` : zipName, message }],
  });
  if (zip.length > ZIP_LIMITS.zipBytes) return fail(`the zip is ${mb(zip.length)}; at most ${mb(ZIP_LIMITS.zipBytes)} can be imported`);

  let count = 0;
  let declaredTotal = 0;
  type Refusal = { entry: string; message: string };
  let refusal: Refusal | null = null;
  const accepted: { info: UnzipFileInfo; index: number }[] = [];
  let index = -1;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(zip, {
      filter(info) {
        index += 1;
        if (refusal || info.name.endsWith("/") || IGNORED.some((re) => re.test(info.name))) return false;
        const reason = codePathProblem(info.name, "the archive's folder");
        if (reason) return ((refusal = { entry: info.name, message: `refused: the entry ${reason}` }), false);
        count += 1;
        declaredTotal += info.originalSize;
        if (count > ZIP_LIMITS.files) refusal = { entry: info.name, message: `the zip has more than ${ZIP_LIMITS.files} files` };
        else if (info.originalSize > ZIP_LIMITS.fileBytes) {
          refusal = { entry: info.name, message: `the file is ${mb(info.originalSize)} unzipped; a handler file is limited to ${mb(ZIP_LIMITS.fileBytes)}` };
        } else if (declaredTotal > ZIP_LIMITS.totalBytes) {
          refusal = { entry: info.name, message: `the files unzip to more than ${mb(ZIP_LIMITS.totalBytes)}; refused (a zip bomb, or too much code)` };
        }
        if (refusal) return false;
        accepted.push({ info, index });
        return true;
      },
    });
  } catch (e) {
    return fail(`not a readable zip archive (${e instanceof Error ? e.message : String(e)})`);
  }
  // Assigned inside the filter callback, which TypeScript's narrowing cannot see.
  const refused = refusal as Refusal | null;
  if (refused) return fail(refused.message, refused.entry);

  const crcs = centralCrcs(zip);
  const code: RevisionCode = {};
  for (const { info, index } of accepted) {
    const data = entries[info.name];
    // Never store a file that inflated cut short or corrupted.
    if (data.length !== info.originalSize || crcs[index] !== crc32(data)) return fail("the entry is corrupt (its checksum or size does not match its data)", info.name);
    const path = normalizeCodePath(info.name)!;
    if (Object.hasOwn(code, path)) return fail(`the archive holds ${path} twice`, info.name);
    try {
      code[path] = utf8.decode(data);
    } catch {
      return fail("is not UTF-8 text; only source files can be stored with a revision", info.name);
    }
  }
  return { code, problems };
}

/**
 * Zips made by compressing a folder put everything under that folder's name. When every file sits
 * under one top-level folder and the definition's entry files are found only below it, that folder
 * is the definition's folder: strip it so paths are relative to the definition file.
 */
export function stripWrapperFolder(code: RevisionCode, entryFiles: readonly string[]): RevisionCode {
  const paths = Object.keys(code);
  const tops = new Set(paths.map((p) => (p.includes("/") ? p.slice(0, p.indexOf("/")) : "")));
  if (tops.size !== 1 || tops.has("") || entryFiles.length === 0) return code;
  const [top] = tops;
  if (entryFiles.some((f) => Object.hasOwn(code, f)) || !entryFiles.every((f) => Object.hasOwn(code, `${top}/${f}`))) return code;
  return Object.fromEntries(paths.map((p) => [p.slice(top.length + 1), code[p]]));
}
