// Builds the `lambdaplane` command (package.json "bin"): cli/index.ts and everything it imports,
// bundled by esbuild into dist/cli/ as plain JavaScript, so it starts without compiling TypeScript
// at run time. Runs from `npm run build:cli` and from npm's `prepare` (npm install, npm ci, npm pack);
// it takes about a second and needs nothing but esbuild.
//
// dist/cli/ is also an installable package of its own (`npm pack dist/cli`): its package.json names
// no dependency to download. esbuild, which packages handler code and runs a native binary, cannot
// be bundled into JavaScript, so it is shipped inside the package (bundleDependencies) for the
// platform this build ran on.
import { chmodSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { build } from "esbuild";

const root = path.resolve(import.meta.dirname, "..");
const out = path.join(root, "dist", "cli");
const require = createRequire(import.meta.url);
const rootPackage = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
const esbuildPackage = JSON.parse(readFileSync(require.resolve("esbuild/package.json"), "utf8"));

// zod re-exports its forty-odd message locales as a namespace, which a bundler keeps whole (about
// 370 kB of the bundle's 1.3 MB, compiled at every start); the CLI only ever uses English, the
// default zod configures itself, so the namespace becomes English alone.
const zodEnglishOnly = {
  name: "zod-english-only",
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${path.sep}node_modules${path.sep}zod${path.sep}`) ? { path: path.join(path.dirname(args.importer), "..", "locales", "en.js"), namespace: "zod-locales" } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "zod-locales" }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(args.path)};`,
      resolveDir: path.dirname(args.path),
    }));
  },
};

rmSync(out, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { lambdaplane: "cli/index.ts" },
  outdir: out,
  outExtension: { ".js": ".mjs" },
  bundle: true,
  // Commands load what they need on demand (dynamic imports become chunks): `validate` of a refused file never loads the renderer.
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  tsconfig: path.join(root, "tsconfig.json"),
  external: ["esbuild"],
  // Server modules the CLI reuses mark themselves server-only for Next; outside Next that import is empty.
  alias: { "server-only": path.join(root, "node_modules", "server-only", "empty.js") },
  banner: { js: "#!/usr/bin/env node\nimport { createRequire as __lpCreateRequire } from 'node:module';\nconst require = __lpCreateRequire(import.meta.url);" },
  plugins: [zodEnglishOnly],
  legalComments: "none",
  logLevel: "warning",
});

// The bin runs as a program in the repository (npx lambdaplane), where npm does not set its mode.
chmodSync(path.join(out, "lambdaplane.mjs"), 0o755);

// spec-db.ts reads the CloudFormation spec next to the module that reads it: here, the bundle.
cpSync(path.join(root, "server", "validate", "cfn-spec.json"), path.join(out, "cfn-spec.json"));

const esbuildDir = path.dirname(require.resolve("esbuild/package.json"));
const binary = `@esbuild/${process.platform}-${process.arch}`;
const binaryDir = path.dirname(require.resolve(`${binary}/package.json`));
mkdirSync(path.join(out, "node_modules", "@esbuild"), { recursive: true });
cpSync(esbuildDir, path.join(out, "node_modules", "esbuild"), { recursive: true });
cpSync(binaryDir, path.join(out, "node_modules", binary), { recursive: true });

writeFileSync(
  path.join(out, "package.json"),
  `${JSON.stringify(
    {
      name: "lambdaplane",
      version: rootPackage.version,
      description: "Lambdaplane command line: render, validate, cost and deploy stack definitions",
      type: "module",
      engines: rootPackage.engines,
      bin: { lambdaplane: "lambdaplane.mjs" },
      dependencies: { esbuild: esbuildPackage.version, [binary]: esbuildPackage.version },
      bundleDependencies: ["esbuild", binary],
    },
    null,
    2,
  )}\n`,
);
