// File -> parsed and validated definition -> artifacts -> template, with every diagnostic located
// in the source file. Shared by `render` and `validate`.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Diagnostic } from "@/server/stack/diagnostics";
import { hasErrors } from "@/server/stack/diagnostics";
import { analyzeStack, locatePath } from "@/server/stack";
import { renderStack, type CfTemplate } from "@/server/render";
import { collectArtifacts } from "./artifacts";

export interface PipelineOptions {
  stage: string;
  region: string;
  stackName: string;
}

export interface PipelineResult {
  /** Present when rendering ran (even if it reported errors). */
  template?: CfTemplate;
  diagnostics: Diagnostic[];
}

function located(source: string, file: string, diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.map((d) => ({ ...d, file, ...(d.line === undefined ? locatePath(source, d.path) : {}) }));
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

  const analyzed = analyzeStack(source, { file: shownFile });
  if (!analyzed.definition || hasErrors(analyzed.diagnostics)) return { diagnostics: analyzed.diagnostics };

  const { artifacts, diagnostics: artifactProblems } = await collectArtifacts(
    analyzed.definition,
    file,
    options.stackName,
    options.region,
  );
  if (hasErrors(artifactProblems)) {
    return { diagnostics: [...analyzed.diagnostics, ...located(source, shownFile, artifactProblems)] };
  }

  const rendered = renderStack(analyzed.definition, { ...options, artifacts });
  return {
    template: rendered.template,
    diagnostics: [...analyzed.diagnostics, ...located(source, shownFile, rendered.diagnostics)],
  };
}
