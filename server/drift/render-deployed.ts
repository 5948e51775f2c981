// The template a past deployment handed CloudFormation, rendered again from its revision and the
// code locations it recorded (rendering is deterministic: same input, same bytes). A compute task.
import { analyzeStack, hasErrors } from "@/lib/stack";
import { renderStack, type ArtifactLocation, type CfTemplate } from "@/server/render";
import { specAttributes } from "@/server/validate/cfn-attributes";

export interface DeployedRenderInput {
  stackName: string;
  stage: string;
  region: string;
  artifacts: Record<string, ArtifactLocation>;
  reconcileToken?: string;
}

/** The template, or null when the revision no longer renders (the check cannot compare then). */
export function renderDeployed(yaml: string, options: DeployedRenderInput): CfTemplate | null {
  const analyzed = analyzeStack(yaml, { file: "stack.yml", cfnAttributes: specAttributes });
  if (!analyzed.definition || hasErrors(analyzed.diagnostics)) return null;
  const rendered = renderStack(analyzed.definition, options);
  return hasErrors(rendered.diagnostics) ? null : rendered.template;
}
