// File -> parsed and validated definition -> code packaged as a deploy packages it -> template, with every diagnostic located
// in the source file. Shared by `render` and `validate`.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Diagnostic } from "@/lib/stack/diagnostics";
import { hasErrors } from "@/lib/stack/diagnostics";
import { analyzeStack, type SourceLocator } from "@/lib/stack";
import type { CfTemplate } from "@/server/render";
import type { NestedTemplateUpload } from "@/server/render/nested-stacks";
import { specAttributes } from "@/server/validate/cfn-attributes";
import { nestedTemplatePrefix, placeholderBucket } from "@/server/package/code-locations";
import { cloudFormationStackName } from "@/server/deploy/names";

export interface PipelineOptions {
  stage: string;
  region: string;
  stackName: string;
  /** The package cache's folder (package-cache.ts); the user's cache folder when not given. */
  cacheDir?: string;
}

export interface PipelineResult {
  /** Present when rendering ran (even if it reported errors); the parent when the stack was split. */
  template?: CfTemplate;
  /** Nested stack templates to upload, by S3 key, when the stack is past one template's limits. */
  nestedUploads?: NestedTemplateUpload[];
  diagnostics: Diagnostic[];
}

/** Positions from the parse analyzeStack made: a 200-function definition is not parsed twice. */
function located(locator: SourceLocator, file: string, diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.map((d) => ({ ...d, ...(d.line === undefined ? locator.locate(d.path) : {}), file }));
}

export async function renderFile(file: string, options: PipelineOptions): Promise<PipelineResult> {
  const shownFile = path.relative(process.cwd(), file) || file;
  let source: string;
  try {
    source = await readFile(file, "utf8");
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (e as Error).message;
    return { diagnostics: [{ severity: "error", code: "file", message: `cannot read the file: ${reason}`, path: [], file: shownFile }] };
  }

  const analyzed = analyzeStack(source, { file: shownFile, cfnAttributes: specAttributes });
  if (!analyzed.definition || !analyzed.locator || hasErrors(analyzed.diagnostics)) return { diagnostics: analyzed.diagnostics };
  const { locator } = analyzed;

  // Loaded only for a definition that validated: a refused file (the usual CI failure) exits sooner.
  const [{ renderStack }, { needsSplitting, splitIntoNestedStacks }, { locateFileCode }] = await Promise.all([
    import("@/server/render"),
    import("@/server/render/nested-stacks"),
    import("./code"),
  ]);

  const { artifacts, diagnostics: codeProblems } = await locateFileCode(analyzed.definition, file, options);
  if (hasErrors(codeProblems)) {
    return { diagnostics: [...analyzed.diagnostics, ...located(locator, shownFile, codeProblems)] };
  }

  const { stackName, stage, region } = options;
  const rendered = renderStack(analyzed.definition, { stackName, stage, region, artifacts });
  const diagnostics = [...analyzed.diagnostics, ...located(locator, shownFile, rendered.diagnostics)];
  if (hasErrors(diagnostics) || !needsSplitting(rendered.template)) return { template: rendered.template, diagnostics };

  // Past 500 resources or the template size limit: split into nested stacks, or say why not.
  const split = splitIntoNestedStacks(rendered.template, {
    artifactsBucket: placeholderBucket(options.region),
    region: options.region,
    keyPrefix: nestedTemplatePrefix(cloudFormationStackName(options.stackName, options.stage)),
    graph: rendered.graph,
  });
  if (!split.ok) {
    const message = `the stack cannot be split into nested stacks: ${split.reason}`;
    return { template: rendered.template, diagnostics: [...diagnostics, { severity: "error", code: "limit", message, path: split.path, file: shownFile }] };
  }
  return { template: split.parent, nestedUploads: Object.values(split.uploads), diagnostics };
}
