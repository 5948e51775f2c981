// Benchmark: what a form or canvas edit costs in YAML, in the 100-function benchmark stack: reprinting
// the whole definition (printStack, the editor before issue 15) against patching the YAML document in
// place (applyDefinition, lib/stack/edit-yaml.ts), for a one-field edit and for a resource rename
// (which rebuilds every resource object, so the patch walks the whole definition). The first edit
// after the YAML was loaded or typed parses it; the edits after it start from the document the
// previous one produced.
// Run: NODE_ENV=production npx tsx bench/yaml-edit.bench.ts (production skips the result check
// applyDefinition runs in development and tests; its cost is timed on its own below).
import os from "node:os";
import { parse } from "yaml";
import { renameResource } from "@/components/stack-editor/model/rename";
import { setIn } from "@/components/stack-editor/model/paths";
import { printStack, readYaml, type StackDefinition } from "@/lib/stack";
import { applyDefinition, sameData } from "@/lib/stack/edit-yaml";
import { measure, measureInterleaved } from "./measure";
import { benchDefinition, definitionYaml, functionName } from "./stacks";

const FUNCTIONS = 100;
const EDITED = functionName(50);

/** The benchmark YAML with a comment above every function and after every retention. */
function commented(yaml: string): string {
  return yaml.replace(/^ {2}(fn\d+):$/gm, "  # the $1 handler\n  $1:").replace(/retentionDays: 14$/gm, "retentionDays: 14 # two weeks");
}

const ms = (t: number) => `${t.toFixed(t < 10 ? 3 : 1)} ms`;

function main(): void {
  if (process.env.NODE_ENV !== "production") throw new Error("run with NODE_ENV=production (see the header)");
  const before = benchDefinition(FUNCTIONS);
  const source = commented(definitionYaml(FUNCTIONS));
  const memory = setIn(before, ["resources", EDITED, "properties", "memory"], 1024) as StackDefinition;
  const renamed = renameResource(before, EDITED, "renamed");
  for (const [edit, after] of [["memory", memory], ["rename", renamed]] as const) {
    const out = applyDefinition(source, before, after);
    if (!sameData(parse(out), after) || out.split("# the").length !== FUNCTIONS + 1) throw new Error(`${edit}: the patched YAML is wrong`);
  }

  // Consecutive edits, each on the text the previous one produced: memory 1024 <-> 2048, fn50 <-> renamed.
  const memoryChain = { yaml: applyDefinition(source, before, memory), definition: memory };
  const nextMemory = () => {
    const { yaml, definition } = memoryChain;
    const to = (definition.resources[EDITED].properties as { memory?: number }).memory === 1024 ? 2048 : 1024;
    memoryChain.definition = setIn(definition, ["resources", EDITED, "properties", "memory"], to) as StackDefinition;
    memoryChain.yaml = applyDefinition(yaml, definition, memoryChain.definition);
  };
  const renameChain = { yaml: source, definition: before };
  const nextRename = () => {
    const { yaml, definition } = renameChain;
    renameChain.definition = Object.hasOwn(definition.resources, EDITED) ? renameResource(definition, EDITED, "renamed") : renameResource(definition, "renamed", EDITED);
    renameChain.yaml = applyDefinition(yaml, definition, renameChain.definition);
  };

  const runs = { warmup: 20, runs: 200 };
  const [printMemory, firstMemory, printRename, firstRename, check] = measureInterleaved(
    [
      () => printStack(memory),
      () => applyDefinition(source, before, memory),
      () => printStack(renamed),
      () => applyDefinition(source, before, renamed),
      () => sameData(readYaml(source).doc!.toJS(), before),
    ],
    runs,
  );
  // Each chain on its own: an edit of another text in between would make the next one parse again.
  const chainMemory = measure(nextMemory, runs);
  const chainRename = measure(nextRename, runs);

  const load = os.loadavg().map((l) => l.toFixed(1)).join(" ");
  console.log(`node ${process.version}, ${os.cpus().length} x ${os.cpus()[0]?.model ?? "unknown CPU"}, ${new Date().toISOString().slice(0, 10)}, load average ${load}`);
  console.log(`stack: ${FUNCTIONS} functions, ${source.split("\n").length} lines, ${source.length} bytes; medians of ${runs.runs} runs (after ${runs.warmup} warm-up runs):`);
  const row = (edit: string, print: number, first: number, next: number) =>
    console.log(`  ${edit}: printStack ${ms(print)}; applyDefinition first edit ${ms(first)} (${(first / print).toFixed(2)}x), next edits ${ms(next)} (${(next / print).toFixed(2)}x)`);
  row(`memory of ${EDITED}`, printMemory.median, firstMemory.median, chainMemory.median);
  row(`rename ${EDITED}   `, printRename.median, firstRename.median, chainRename.median);
  console.log(`  development-only result check (parse + compare): ${ms(check.median)}`);
}

main();
