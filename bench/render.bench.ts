// Benchmark: Lambdaplane's renderStack, plus nested-stack splitting where the template is past
// CloudFormation's limits, against AWS CDK synthesis of the same stacks, in-process.
// Run: npx tsx bench/render.bench.ts
import os from "node:os";
import { renderStack, type RenderResult } from "@/server/render";
import { needsSplitting, splitIntoNestedStacks, type NestedStackSplit } from "@/server/render/nested-stacks";
import { hasErrors } from "@/lib/stack";
import { synthesizeWithCdk } from "./cdk";
import { measure, type Timing } from "./measure";
import { ARTIFACTS_BUCKET, REGION, benchDefinition, benchRenderOptions } from "./stacks";

const SIZES = (process.env.SIZES ?? "10,50,200").split(",").map(Number);
const TARGET_MS = 30;
const TARGET_RATIO = 50;

function split({ template, graph }: RenderResult, stackName: string): NestedStackSplit {
  return splitIntoNestedStacks(template, {
    artifactsBucket: ARTIFACTS_BUCKET,
    region: REGION,
    keyPrefix: `${stackName}/dev/templates/`,
    graph,
  });
}

const ms = (t: number) => `${t.toFixed(t < 10 ? 2 : 1)} ms`;
/** Median, with the fastest run after it: on a busy machine the gap between them shows the noise. */
const timing = (t: Timing) => `${ms(t.median)} (min ${ms(t.min)})`;
const count = (section: object | undefined) => Object.keys(section ?? {}).length;

interface Row {
  functions: number;
  render: Timing;
  /** Render and, when the template needs it, split: what a deploy needs. */
  deployable: Timing;
  /** Why the template cannot be deployed as rendered (the split was refused). */
  refused?: string;
  cdk: Timing;
}

function benchmark(functions: number): Row {
  const definition = benchDefinition(functions);
  const options = benchRenderOptions(functions);
  const rendered = renderStack(definition, options);
  if (hasErrors(rendered.diagnostics)) throw new Error(`renderStack reported errors for ${functions} functions`);
  const { template } = rendered;
  const splitting = needsSplitting(template);
  const result = splitting ? split(rendered, options.stackName) : undefined;

  const render = measure(() => renderStack(definition, options), { warmup: 5, runs: 30 });
  // A refused split is not a deployable result, so it is not timed as one.
  const splits = result?.ok === true;
  const deployable = splits
    ? measure(() => split(renderStack(definition, options), options.stackName), { warmup: 5, runs: 30 })
    : render;
  const cdk = measure(() => synthesizeWithCdk(functions), { warmup: 1, runs: functions >= 200 ? 5 : 9 });

  const stacks = !result
    ? "1"
    : result.ok
      ? `${1 + count(result.nested)} (parent ${count(result.parent.Resources)} resources)`
      : `refused: ${result.reason}`;
  console.log(
    [
      functions,
      count(template.Resources),
      count(template.Outputs),
      stacks,
      timing(render),
      splits ? timing(deployable) : "-",
      timing(cdk),
      `${(cdk.median / deployable.median).toFixed(0)}x`,
    ].join(" | "),
  );
  return { functions, render, deployable, cdk, refused: result && !result.ok ? result.reason : undefined };
}

function main(): void {
  const cpus = os.cpus();
  console.log(
    `node ${process.version}, ${cpus.length} x ${cpus[0]?.model ?? "unknown CPU"}, load average ${os.loadavg()[0].toFixed(2)}, ` +
      new Date().toISOString().slice(0, 10),
  );
  console.log("functions | resources | outputs | stacks | renderStack | render + split | CDK synth | CDK / Lambdaplane (medians)");
  const rows = SIZES.map(benchmark);
  const largest = rows[rows.length - 1];
  // Issue 3 asked for both the time and the ratio to an in-process CDK; issue 18 for the time of render + split alone.
  const verdict = (issue: number, label: string, t: Timing, refused: string | undefined, ratioTarget?: number) => {
    const ratio = largest.cdk.median / t.median;
    const met = !refused && t.median < TARGET_MS && (ratioTarget === undefined || ratio >= ratioTarget);
    const asked = `${largest.functions} functions under ${TARGET_MS} ms median${ratioTarget === undefined ? "" : `, at least ${ratioTarget}x faster than CDK`}`;
    console.log(
      `target of issue ${issue}, ${label} (${asked}): ` +
        `${met ? "met" : "NOT met"} (${ms(t.median)}, ${ratio.toFixed(0)}x${refused ? "; not deployable: the split was refused" : ""})`,
    );
  };
  verdict(3, "renderStack", largest.render, undefined, TARGET_RATIO);
  if (largest.deployable !== largest.render || largest.refused) {
    verdict(3, "render + split", largest.deployable, largest.refused, TARGET_RATIO);
    verdict(18, "render + split", largest.deployable, largest.refused);
  }
}

main();
