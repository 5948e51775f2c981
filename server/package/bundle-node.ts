import { builtinModules } from "node:module";
import path from "node:path";
import type { Loader, Message, Plugin } from "esbuild";
import { resolveCodeFile, type CodeFiles } from "./code-files";

// Bundles a Node.js handler from the revision's code (held in the database, not on disk) with
// esbuild into one CommonJS file, `index.js`, so Lambda's handler is `index.<export>`.

const NAMESPACE = "stack-code";

const LOADERS: Record<string, Loader> = {
  ".ts": "ts",
  ".mts": "ts",
  ".cts": "ts",
  ".tsx": "tsx",
  ".js": "js",
  ".mjs": "js",
  ".cjs": "js",
  ".jsx": "jsx",
  ".json": "json",
};

const BUILTINS = new Set(builtinModules);
const isBuiltin = (specifier: string) => specifier.startsWith("node:") || BUILTINS.has(specifier.split("/")[0]);

/** The Node.js major version of a Lambda runtime ("nodejs22.x" -> 22). */
export function nodeMajor(runtime: string): number {
  const match = /^nodejs(\d+)\.x$/.exec(runtime);
  if (!match) throw new Error(`not a Node.js runtime: ${runtime}`);
  return Number(match[1]);
}

function codePlugin(files: CodeFiles): Plugin {
  return {
    name: "stack-code",
    setup(b) {
      b.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === "entry-point") return { path: args.path, namespace: NAMESPACE };
        const spec = args.path;
        if (spec.startsWith(".") || spec.startsWith("/")) {
          const from = args.namespace === NAMESPACE ? path.posix.dirname(args.importer) : "";
          const target = resolveCodeFile(files, spec.startsWith("/") ? spec.slice(1) : path.posix.join(from, spec));
          if (target === undefined) return { errors: [{ text: `cannot find '${spec}' in the stack's code` }] };
          return { path: target, namespace: NAMESPACE };
        }
        if (isBuiltin(spec)) return { path: spec, external: true };
        // Lambda's Node.js runtimes ship the AWS SDK v3.
        if (spec.startsWith("@aws-sdk/")) return { path: spec, external: true };
        return {
          errors: [
            {
              text: `'${spec}' is a package: only the stack's own files, Node.js built-ins and the AWS SDK (provided by Lambda) can be imported`,
            },
          ],
        };
      });
      b.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => ({
        contents: files.get(args.path) ?? "",
        loader: LOADERS[path.posix.extname(args.path)] ?? "js",
      }));
    },
  };
}

function describe(message: Message): string {
  const file = message.location?.file.replace(`${NAMESPACE}:`, "");
  const at = message.location ? `${file}:${message.location.line}:${message.location.column + 1}: ` : "";
  return `${at}${message.text}`;
}

export type BundleResult = { ok: true; code: Buffer } | { ok: false; errors: string[] };

/** `entry` must be a normalized key of `files`. */
export async function bundleNodeHandler(files: CodeFiles, entry: string, runtime: string): Promise<BundleResult> {
  if (!files.has(entry)) return { ok: false, errors: [`the entry file ${entry} is not in the stack's code`] };
  // Loaded on first use: the CLI's renders from its package cache never bundle.
  const { build } = await import("esbuild");
  try {
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      write: false,
      outfile: "index.js",
      platform: "node",
      format: "cjs",
      target: `node${nodeMajor(runtime)}`,
      plugins: [codePlugin(files)],
      tsconfigRaw: "{}",
      sourcemap: false,
      legalComments: "none",
      charset: "utf8",
      logLevel: "silent",
    });
    const output = result.outputFiles.find((f) => f.path.endsWith("index.js"));
    if (!output) return { ok: false, errors: ["esbuild produced no index.js"] };
    return { ok: true, code: Buffer.from(output.contents) };
  } catch (error) {
    const errors = (error as { errors?: Message[] }).errors;
    if (Array.isArray(errors) && errors.length > 0) return { ok: false, errors: errors.map(describe) };
    throw error;
  }
}
