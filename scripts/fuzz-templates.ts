// Writes the templates `render` accepts from a fixed sample of the fuzz corpus's coherent definitions
// (server/render/fuzz-corpus.ts) to a folder, one JSON file each, for cfn-lint
// (scripts/cfn-lint-fixtures.sh): every stack render accepts should have 0 cfn-lint errors.
// Usage: npx tsx scripts/fuzz-templates.ts <out-dir> [count]
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { stringify } from "yaml";
import { analyzeStack, hasErrors } from "@/lib/stack";
import { renderStack, serializeTemplate } from "@/server/render";
import { coherentDefinition, fuzzRenderOptions } from "@/server/render/fuzz-corpus";
import { specAttributes } from "@/server/validate/cfn-attributes";

// Fixed, so a failure names a template anyone can regenerate.
const SEED = 20261206;

const [outDir, countArg = "60"] = process.argv.slice(2);
const count = Number(countArg);
if (!outDir || !Number.isInteger(count) || count < 1) {
  process.stderr.write("usage: npx tsx scripts/fuzz-templates.ts <out-dir> [count: a positive integer, default 60]\n");
  process.exit(1);
}
mkdirSync(outDir, { recursive: true });

let accepted = 0;
fc.sample(coherentDefinition(), { seed: SEED, numRuns: count }).forEach((definition, i) => {
  // The pipeline every render path runs: parse and validate the YAML, then render (which checks the template).
  const analyzed = analyzeStack(stringify(definition), { file: `fuzz-${i}.yml`, cfnAttributes: specAttributes });
  if (!analyzed.definition || hasErrors(analyzed.diagnostics)) return;
  const rendered = renderStack(analyzed.definition, fuzzRenderOptions(analyzed.definition));
  if (hasErrors(rendered.diagnostics)) return;
  writeFileSync(path.join(outDir, `fuzz-${String(i).padStart(3, "0")}.json`), serializeTemplate(rendered.template));
  accepted++;
});
process.stdout.write(`fuzz-templates: ${accepted} of ${count} sampled definitions rendered (seed ${SEED})\n`);
