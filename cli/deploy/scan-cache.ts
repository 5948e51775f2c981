// What the last esbuild scan of a stack's handler imports found, kept on disk so a render whose
// handler files have not changed reads them without starting esbuild (its service costs more than
// the rest of packaging on a warm cache). A manifest is reused only when everything the scan's
// answer depends on is as it was: the content of every file it found, the names in every folder
// holding one (a new file can change what an import resolves to), and the configuration esbuild
// reads while resolving (package.json, tsconfig.json, jsconfig.json in those folders and above).
// Anything unreadable or different means scanning again.
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { esbuildVersion } from "../esbuild-version";

// Bumped when the scan or what a manifest records changes.
const FORMAT = 1;
const CONFIG_FILES = ["package.json", "tsconfig.json", "jsconfig.json"];

const sha256 = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");

interface Manifest {
  /** Path relative to the base folder -> sha256 of its bytes, in the scan's order. */
  files: Record<string, string>;
  /** Folder relative to the base folder -> sha256 of its sorted entry names. */
  folders: Record<string, string>;
  /** Absolute path of a configuration file -> sha256 of its bytes, or null when it did not exist. */
  configs: Record<string, string | null>;
}

async function folderDigest(folder: string): Promise<string> {
  return sha256((await readdir(folder)).sort().join("\0"));
}

async function configDigest(file: string): Promise<string | null> {
  try {
    return sha256(await readFile(file));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT" || (e as NodeJS.ErrnoException).code === "ENOTDIR") return null;
    throw e;
  }
}

/** Every configuration file esbuild may read resolving imports from these folders: in each of them and above. */
function configPaths(folders: readonly string[]): string[] {
  const paths = new Set<string>();
  for (let folder of folders) {
    for (;;) {
      for (const name of CONFIG_FILES) paths.add(path.join(folder, name));
      const parent = path.dirname(folder);
      if (parent === folder) break;
      folder = parent;
    }
  }
  return [...paths].sort();
}

export interface ScanCache {
  /** The files of the last scan with their contents, when none of its inputs changed. */
  reuse(): Promise<Record<string, string> | undefined>;
  /** Records a scan's files as read (`bytes` keyed like `code`). */
  store(bytes: ReadonlyMap<string, Buffer>): Promise<void>;
}

/** The scan of `entries` (relative to `baseDir`) cached in `cacheDir`. */
export function scanCache(cacheDir: string, baseDir: string, entries: readonly string[]): ScanCache {
  const key = sha256(JSON.stringify([FORMAT, esbuildVersion(), baseDir, [...entries].sort()]));
  const file = path.join(cacheDir, "scans", `${key}.json`);
  const absolute = (folder: string) => path.join(baseDir, folder);
  return {
    async reuse() {
      try {
        const manifest = JSON.parse(await readFile(file, "utf8")) as Manifest;
        const code: Record<string, string> = {};
        for (const [name, hash] of Object.entries(manifest.files)) {
          const bytes = await readFile(path.join(baseDir, name));
          if (sha256(bytes) !== hash) return undefined;
          code[name] = bytes.toString("utf8");
        }
        for (const [folder, hash] of Object.entries(manifest.folders)) if ((await folderDigest(absolute(folder))) !== hash) return undefined;
        for (const [config, hash] of Object.entries(manifest.configs)) if ((await configDigest(config)) !== hash) return undefined;
        return code;
      } catch {
        return undefined;
      }
    },
    async store(bytes) {
      try {
        const folders = [...new Set([...bytes.keys()].map((name) => path.dirname(name)))].sort();
        const manifest: Manifest = { files: {}, folders: {}, configs: {} };
        for (const [name, data] of bytes) manifest.files[name] = sha256(data);
        for (const folder of folders) manifest.folders[folder] = await folderDigest(absolute(folder));
        for (const config of configPaths(folders.map(absolute))) manifest.configs[config] = await configDigest(config);
        await mkdir(path.dirname(file), { recursive: true });
        const temporary = `${file}.${process.pid}.tmp`;
        await writeFile(temporary, JSON.stringify(manifest));
        await rename(temporary, file);
      } catch {
        // A read-only or full disk: the next run scans again.
      }
    },
  };
}
