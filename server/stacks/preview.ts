import "server-only";
import { createHash } from "node:crypto";
import { analyzeStack, capDiagnostics, locateDiagnostics, type Diagnostic, type StackDefinition } from "@/lib/stack";
import { renderStack, type ArtifactLocation, type CfTemplate } from "@/server/render";
import { specAttributes } from "@/server/validate/cfn-attributes";
import { CLOUDFORMATION_LIMITS, measureTemplate } from "@/server/validate/limits";
import type { RevisionCode } from "./revisions";

// The editor's preview: the template the definition renders to (for a preview stage and region) and every
// diagnostic, definition diagnostics located at their YAML line.
export const PREVIEW_STAGE = "dev";
export const PREVIEW_REGION = "us-east-1";
const PREVIEW_BUCKET = `lambdaplane-artifacts-${PREVIEW_REGION}`;

export interface StackPreview {
  /** Null when the definition does not parse or has schema errors (nothing to render). */
  template: CfTemplate | null;
  diagnostics: Diagnostic[];
  resourceCount: number;
  resourceLimit: number;
}

/**
 * Code locations keyed by the sha256 of the handler source stored with the edit, as the deploy pipeline
 * addresses them, so a code change shows in the template. A missing handler is a warning: the template
 * still renders, but deploying needs the code.
 */
export function previewArtifacts(definition: StackDefinition, code: RevisionCode, stackName: string) {
  const artifacts: Record<string, ArtifactLocation> = {};
  const diagnostics: Diagnostic[] = [];
  for (const [name, resource] of Object.entries(definition.resources)) {
    if (resource.type !== "function" && resource.type !== "edge-lambda-function") continue;
    const packaging = resource.properties.packaging;
    if (packaging.type !== "stacktape-lambda-buildpack") continue;
    const entry = packaging.properties.entryfilePath;
    const source = Object.hasOwn(code, entry) ? code[entry] : undefined;
    if (source === undefined) {
      diagnostics.push({
        severity: "warning",
        code: "code",
        message: `no handler code for '${entry}' in this edit; add it in the function's Code tab before deploying`,
        path: ["resources", name, "properties", "packaging", "properties", "entryfilePath"],
      });
    }
    const hash = createHash("sha256").update(source ?? "").digest("hex");
    artifacts[name] = { bucket: PREVIEW_BUCKET, key: `${stackName}/${name}/${hash}.zip` };
  }
  return { artifacts, diagnostics };
}

export function previewStack(yaml: string, code: RevisionCode, stackName: string): StackPreview {
  const resourceLimit = CLOUDFORMATION_LIMITS.resources.value;
  const analyzed = analyzeStack(yaml, { cfnAttributes: specAttributes });
  if (!analyzed.definition) return { template: null, diagnostics: analyzed.diagnostics, resourceCount: 0, resourceLimit };
  const { artifacts, diagnostics: codeProblems } = previewArtifacts(analyzed.definition, code, stackName);
  const rendered = renderStack(analyzed.definition, { stackName, stage: PREVIEW_STAGE, region: PREVIEW_REGION, artifacts });
  const located = locateDiagnostics(yaml, [...codeProblems, ...rendered.diagnostics]);
  const diagnostics = [...analyzed.diagnostics, ...located];
  const resourceCount = measureTemplate(rendered.template as unknown as Record<string, unknown>).resources;
  return { template: rendered.template, diagnostics: capDiagnostics(diagnostics), resourceCount, resourceLimit };
}
