// The CPU-heavy work on user input that runs in the compute workers (pool.ts): each task is a
// pure function of plain data, so its arguments and result cross the thread boundary by
// structured clone. worker-entry.mjs dispatches a job by the task's name.
import { analyzeStack, type StackDefinition } from "@/lib/stack";
import { costDifference, deletionCostDifference } from "@/lib/deploy/cost-difference";
import { renderRevision } from "@/server/api/render";
import { adoptIntoYaml } from "@/server/drift/adopt";
import { renderDeployed } from "@/server/drift/render-deployed";
import { packageStack } from "@/server/package/package-stack";
import { renderStack } from "@/server/render";
import { codeArchive } from "@/server/stacks/code-archive";
import { prepareImport } from "@/server/stacks/prepare-import";
import { previewStack } from "@/server/stacks/preview";
import { diffRevisions } from "@/server/stacks/revision-diff";
import { specAttributes } from "@/server/validate/cfn-attributes";
import { validateTemplateAgainstSpec } from "@/server/validate/spec";

/** Parse and validate a definition; with `spec`, attribute references are checked against the CloudFormation spec. */
function analyze(yaml: string, options: { file?: string; spec?: boolean } = {}) {
  const { definition, diagnostics } = analyzeStack(yaml, { file: options.file, ...(options.spec ? { cfnAttributes: specAttributes } : {}) });
  return { definition, diagnostics };
}

/** A stack's packages as a deploy uploads them (their zips cross as Uint8Array), for a plan and a deploy. */
async function packageCode(definition: StackDefinition, code: unknown) {
  const { packages, diagnostics } = await packageStack(definition, code);
  return { packages, diagnostics };
}

/** Indexes the CloudFormation spec (server/validate/cfn-spec.json) and the validators before the worker takes jobs, so no job's time limit pays for it. */
export function warmWorker(): void {
  specAttributes("AWS::Lambda::Function");
  validateTemplateAgainstSpec({ Resources: { Warm: { Type: "AWS::SQS::Queue", Properties: {} } } });
}

export const tasks = {
  analyze,
  previewStack,
  prepareImport,
  renderRevision,
  renderDeployed,
  diffRevisions,
  costDifference,
  deletionCostDifference,
  packageCode,
  renderStack,
  adoptIntoYaml,
  codeArchive,
};

export type ComputeTasks = typeof tasks;
