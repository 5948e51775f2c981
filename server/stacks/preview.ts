import "server-only";
import { analyzeStack, capDiagnostics, locateDiagnostics, type Diagnostic, type StackDefinition } from "@/lib/stack";
import { normalizeCodePath } from "@/server/package/code-files";
import { locateCode } from "@/server/package/code-locations";
import { renderStack, type CfTemplate } from "@/server/render";
import { specAttributes } from "@/server/validate/cfn-attributes";
import { CLOUDFORMATION_LIMITS, measureTemplate } from "@/server/validate/limits";
import { entryFiles } from "./entry-files";
import type { RevisionCode } from "./revision-code";

// The editor's preview: the template the definition renders to (for a preview stage and region) and every
// diagnostic, definition diagnostics located at their YAML line. The code is packaged as a deploy
// packages it (code-locations.ts), so the preview shows the code keys the deploy will use; code that
// cannot be packaged yet (a handler not written) is a warning, and the rest of the template still shows.
export const PREVIEW_STAGE = "dev";
export const PREVIEW_REGION = "us-east-1";

export interface StackPreview {
  /** Null when the definition does not parse or has schema errors (nothing to render). */
  template: CfTemplate | null;
  diagnostics: Diagnostic[];
  resourceCount: number;
  resourceLimit: number;
}

/** A handler not written yet is the usual state of an edit: said in the editor's words, at the entry file's line. */
function missingHandlers(definition: StackDefinition, code: RevisionCode): Diagnostic[] {
  return entryFiles(definition)
    .filter((entry) => {
      const normalized = normalizeCodePath(entry.entryfilePath);
      return normalized === null || !Object.hasOwn(code, normalized);
    })
    .map((entry) => ({
      severity: "warning",
      code: "code",
      message: `no handler code for '${entry.entryfilePath}' in this edit; add it in the function's Code tab before deploying`,
      path: entry.path,
    }));
}

export async function previewStack(yaml: string, code: RevisionCode, stackName: string): Promise<StackPreview> {
  const resourceLimit = CLOUDFORMATION_LIMITS.resources.value;
  const analyzed = analyzeStack(yaml, { cfnAttributes: specAttributes });
  if (!analyzed.definition) return { template: null, diagnostics: analyzed.diagnostics, resourceCount: 0, resourceLimit };
  const missing = missingHandlers(analyzed.definition, code);
  const packaged = await locateCode(analyzed.definition, code, { region: PREVIEW_REGION, tolerateUnpackaged: true });
  const artifacts = packaged.artifacts;
  // A missing handler also fails packaging; the warning above says it better.
  const reported = new Set(missing.map((d) => d.path[1]));
  const codeProblems = [...missing, ...packaged.diagnostics.filter((d) => !reported.has(d.path[1]))];
  const rendered = renderStack(analyzed.definition, { stackName, stage: PREVIEW_STAGE, region: PREVIEW_REGION, artifacts });
  // The renderer checks again what validation already reported (a dangling reference, a bad ARN):
  // one problem is one diagnostic, in validation's words, so the counts people see agree.
  const reportedPaths = new Set(analyzed.diagnostics.filter((d) => d.severity === "error").map((d) => d.path.join("\0")));
  const renderProblems = rendered.diagnostics.filter((d) => !reportedPaths.has(d.path.join("\0")));
  const located = locateDiagnostics(yaml, [...codeProblems, ...renderProblems]);
  const diagnostics = [...analyzed.diagnostics, ...located];
  const resourceCount = measureTemplate(rendered.template as unknown as Record<string, unknown>).resources;
  return { template: rendered.template, diagnostics: capDiagnostics(diagnostics), resourceCount, resourceLimit };
}
