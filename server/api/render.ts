import "server-only";
import { analyzeStack, capDiagnostics, hasErrors, type Diagnostic } from "@/lib/stack";
import { locateCode } from "@/server/package/code-locations";
import { renderStack, type CfTemplate } from "@/server/render";
import { specAttributes } from "@/server/validate/cfn-attributes";

// Rendering for the REST API: the revision's code is packaged as a deploy would (code-locations.ts);
// the bucket is the connection's, which only a deploy looks up, so the template names a placeholder.

export interface ApiRenderResult {
  template: CfTemplate | null;
  diagnostics: Diagnostic[];
}

export async function renderRevision(revision: { yaml: string; code: unknown }, options: { stackName: string; stage: string; region: string }): Promise<ApiRenderResult> {
  const analyzed = analyzeStack(revision.yaml, { file: "stack.yml", cfnAttributes: specAttributes });
  if (!analyzed.definition || hasErrors(analyzed.diagnostics)) return { template: null, diagnostics: analyzed.diagnostics };
  const { artifacts, diagnostics: packaging } = await locateCode(analyzed.definition, revision.code, { region: options.region });
  if (hasErrors(packaging)) return { template: null, diagnostics: capDiagnostics([...analyzed.diagnostics, ...packaging]) };
  const rendered = renderStack(analyzed.definition, { ...options, artifacts });
  const diagnostics = [...analyzed.diagnostics, ...packaging, ...rendered.diagnostics];
  return { template: hasErrors(diagnostics) ? null : rendered.template, diagnostics: capDiagnostics(diagnostics) };
}
