// esbuild's version, for the cache keys of packages and import scans, read from its package.json:
// loading esbuild itself costs a render whose packages all come from the cache tens of milliseconds.
import { createRequire } from "node:module";

let version: string | undefined;

export function esbuildVersion(): string {
  version ??= (createRequire(import.meta.url)("esbuild/package.json") as { version: string }).version;
  return version;
}
