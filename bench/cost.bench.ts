// Benchmark: time from an edit (one function's memory, 512 -> 1024 MB, in a 100-function stack) to the
// updated cost estimate and its diff against the previous one, and to the CostPanel rendered with it.
// Run: NODE_ENV=production npx tsx bench/cost.bench.ts (React's production build, as `next start` serves it).
//
// No external peer runs here (Infracost, the closest tool, prices Terraform plans through a hosted price
// API and is not installed), so the ratio is against a naive baseline in the same run: a stateless
// recompute that re-parses and re-validates both revisions and estimates both before diffing.
import os from "node:os";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { CostPanel } from "@/components/cost/cost-panel";
import { diffCosts, estimateStackCost, formatMonthlyDelta, type CostEstimate } from "@/lib/cost";
import { analyzeStack, hasErrors, parseStack, printStack, type LambdaFunction, type StackDefinition } from "@/lib/stack";
import { measureInterleaved } from "./measure";
import { benchDefinition, functionName } from "./stacks";

const FUNCTIONS = 100;
const EDITED = functionName(50);
const TARGET_MS = 200;
const REGION = "us-east-1";

function withMemory(definition: StackDefinition, name: string, memory: number): StackDefinition {
  const fn = definition.resources[name] as LambdaFunction;
  // An immutable update, as an editor makes: only the edited path is copied.
  return { ...definition, resources: { ...definition.resources, [name]: { ...fn, properties: { ...fn.properties, memory } } } };
}

function setAllMemory(definition: StackDefinition, memory: number): StackDefinition {
  return Object.keys(definition.resources).reduce((d, name) => (d.resources[name].type === "function" ? withMemory(d, name, memory) : d), definition);
}

function analyzed(source: string): StackDefinition {
  const { definition, diagnostics } = analyzeStack(source, { file: "bench.yml" });
  if (!definition || hasErrors(diagnostics)) throw new Error("benchmark source does not validate");
  return definition;
}

const ms = (t: number) => `${t.toFixed(t < 10 ? 3 : 1)} ms`;

function main(): void {
  const before = setAllMemory(benchDefinition(FUNCTIONS), 512);
  const after = withMemory(before, EDITED, 1024);
  const beforeSource = printStack(before);
  const afterSource = printStack(after);
  const previous: CostEstimate = estimateStackCost(before, { region: REGION });

  const check = diffCosts(previous, estimateStackCost(analyzed(afterSource), { region: REGION }));
  const changed = check.resources.filter((r) => r.change !== "unchanged");
  if (changed.length !== 1 || changed[0].resource !== EDITED || !(check.delta > 0)) throw new Error("the edit did not produce the expected diff");

  const runs = { warmup: 20, runs: 200 };
  const [edit, panel, parsedEdit, validatedEdit, naive] = measureInterleaved(
    [
      () => diffCosts(previous, estimateStackCost(withMemory(before, EDITED, 1024), { region: REGION })),
      // What the editor's preview does on an edit: the CostPanel estimates and renders (total, two charts, the table).
      () => renderToString(createElement(CostPanel, { definition: withMemory(before, EDITED, 1024), region: REGION })),
      () => diffCosts(previous, estimateStackCost(parseStack(afterSource).definition!, { region: REGION })),
      () => diffCosts(previous, estimateStackCost(analyzed(afterSource), { region: REGION })),
      () => diffCosts(estimateStackCost(analyzed(beforeSource), { region: REGION }), estimateStackCost(analyzed(afterSource), { region: REGION })),
    ],
    runs,
  );

  const resources = Object.keys(before.resources).length + Object.keys(before.cloudformationResources ?? {}).length;
  // The load average says how much other work shared the machine during the run.
  const load = os.loadavg().map((l) => l.toFixed(1)).join(" ");
  console.log(`node ${process.version}, ${os.cpus().length} x ${os.cpus()[0]?.model ?? "unknown CPU"}, ${new Date().toISOString().slice(0, 10)}, load average ${load}`);
  console.log(`React build: ${process.env.NODE_ENV === "production" ? "production" : "development (slower; set NODE_ENV=production)"}`);
  console.log(`stack: ${FUNCTIONS} functions, ${resources} resources; edit: ${EDITED} memory 512 -> 1024 MB; diff ${formatMonthlyDelta(check.delta)}`);
  console.log(`medians of ${runs.runs} runs (after ${runs.warmup} warm-up runs):`);
  console.log(`  edit (definition) -> estimate + diff                          ${ms(edit.median)}  (min ${ms(edit.min)}, max ${ms(edit.max)})`);
  console.log(`  edit (definition) -> CostPanel estimate + render to HTML      ${ms(panel.median)}`);
  console.log(`  edit (YAML) -> parse -> estimate + diff                       ${ms(parsedEdit.median)}`);
  console.log(`  edit (YAML) -> parse + validate -> estimate + diff            ${ms(validatedEdit.median)}`);
  console.log(`  naive baseline: parse + validate + estimate both, then diff   ${ms(naive.median)}`);
  console.log(`baseline / ours (YAML edit with validation): ${(naive.median / validatedEdit.median).toFixed(1)}x; baseline / ours (definition edit): ${(naive.median / edit.median).toFixed(0)}x`);
  const met = validatedEdit.median < TARGET_MS;
  console.log(`target (edit to updated estimate under ${TARGET_MS} ms, with parse and validation): ${met ? "met" : "NOT met"} (${ms(validatedEdit.median)})`);
}

main();
