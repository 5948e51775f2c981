import "server-only";
import { analyzeStack, capDiagnostics, hasErrors, type Diagnostic } from "@/lib/stack";
import { packageStack } from "@/server/package/package-stack";
import { artifactKey } from "@/server/package/upload";
import { renderStack, type ArtifactLocation, type CfTemplate } from "@/server/render";
import { specAttributes } from "@/server/validate/cfn-attributes";

// Rendering for the REST API: the revision's code is packaged as a deploy would (so the code keys
// are the real content hashes); the bucket is the connection's, which only a deploy looks up, so
// the template names a placeholder bucket.

export const placeholderBucket = (region: string) => `lambdaplane-artifacts-${region}`;

export interface ApiRenderResult {
  template: CfTemplate | null;
  diagnostics: Diagnostic[];
}

export async function renderRevision(revision: { yaml: string; code: unknown }, options: { stackName: string; stage: string; region: string }): Promise<ApiRenderResult> {
  const analyzed = analyzeStack(revision.yaml, { file: "stack.yml", cfnAttributes: specAttributes });
  if (!analyzed.definition || hasErrors(analyzed.diagnostics)) return { template: null, diagnostics: analyzed.diagnostics };
  const { packages, diagnostics: packaging } = await packageStack(analyzed.definition, revision.code);
  if (hasErrors(packaging)) return { template: null, diagnostics: capDiagnostics([...analyzed.diagnostics, ...packaging]) };
  const artifacts: Record<string, ArtifactLocation> = Object.fromEntries(
    packages.map((p) => [p.name, { bucket: placeholderBucket(options.region), key: artifactKey(p.sha256) }]),
  );
  const rendered = renderStack(analyzed.definition, { ...options, artifacts });
  const diagnostics = [...analyzed.diagnostics, ...packaging, ...rendered.diagnostics];
  return { template: hasErrors(diagnostics) ? null : rendered.template, diagnostics: capDiagnostics(diagnostics) };
}
