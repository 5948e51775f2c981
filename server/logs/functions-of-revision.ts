// Which functions a deployed revision created, and the names AWS knows them by: the same names the
// renderer gave them (`<stack>-<stage>-<function>`, log group `/aws/lambda/<that>`). Pure.
import type { StackDefinition } from "@/lib/stack";
import type { LogTarget } from "@/lib/logs/types";
import { functionLogGroupName } from "@/server/render/log-group";
import { physicalNames } from "@/server/render/naming";

/** The Lambdaplane stack name a deployment rendered under: its CloudFormation stack name without `-<stage>`. */
export function renderNameOf(cfnStackName: string | null, stageName: string, stackName: string): string {
  const suffix = `-${stageName}`;
  return cfnStackName?.endsWith(suffix) ? cfnStackName.slice(0, -suffix.length) : stackName;
}

/** `definition` is the deployed revision's (server/stacks/revision-reads.ts); null when it no longer parses. */
export function functionsOfRevision(definition: StackDefinition | null, renderName: string, stageName: string): LogTarget[] {
  if (!definition) return [];
  return Object.entries(definition.resources)
    .filter(([, resource]) => resource.type === "function")
    .map(([name]) => {
      const physicalName = physicalNames.function(renderName, stageName, name);
      return { name, physicalName, logGroupName: functionLogGroupName(physicalName) };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}
