import "server-only";
import { normalizeCodePath } from "@/server/package/code-files";
import { analyzeStack, sourceLocator, type Diagnostic, type StackDefinition } from "@/lib/stack";
import { specAttributes } from "@/server/validate/cfn-attributes";
import { readCodeZip, stripWrapperFolder, type ImportProblem } from "./import-zip";
import type { RevisionCode } from "./revision-code";
import { entryFiles } from "./entry-files";

// Import, first half: a Stacktape-style YAML (pasted or uploaded) and a zip of its handler files are
// read and checked, the code keyed by path relative to the YAML file. A compute task (server/compute/tasks.ts),
// so nothing here touches the database; import.ts creates the stack from the result.

export interface ImportSource {
  yaml: string;
  /** Shown in problems: the uploaded file's name, or "stack.yml" when pasted. */
  yamlName: string;
  zip?: { bytes: Uint8Array; name: string };
}

export interface PreparedImport {
  /** Present only when nothing is an error. */
  definition?: StackDefinition;
  yaml: string;
  code: RevisionCode;
  problems: ImportProblem[];
}

const fromDiagnostic = (d: Diagnostic, file: string): ImportProblem => ({
  severity: d.severity,
  file: d.file ?? file,
  message: d.message,
  ...(d.line !== undefined ? { line: d.line, column: d.column } : {}),
  ...(d.path.length ? { path: d.path.join(".") } : {}),
});

/** Every entry file must be stored with the revision; each one that is not is named with its line. */
function entryFileProblems(source: ImportSource, definition: StackDefinition, code: RevisionCode): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const locator = sourceLocator(source.yaml);
  for (const entry of entryFiles(definition)) {
    const at = { file: source.yamlName, path: entry.path.join("."), ...locator.locate(entry.path, "value") };
    const normalized = normalizeCodePath(entry.entryfilePath);
    if (normalized === null) {
      problems.push({ ...at, severity: "error", message: `entryfilePath '${entry.entryfilePath}' of ${entry.resource} is outside the definition's folder; handler files are stored relative to it` });
    } else if (!Object.hasOwn(code, normalized)) {
      const where = source.zip ? `the zip ${source.zip.name}` : "no zip was uploaded";
      problems.push({ ...at, severity: "warning", message: `handler ${normalized} of ${entry.resource} is missing (${where}); add it before deploying` });
    }
  }
  return problems;
}

/** Reads and checks an import without writing anything. Pure. */
export function prepareImport(source: ImportSource): PreparedImport {
  const analyzed = analyzeStack(source.yaml, { file: source.yamlName, cfnAttributes: specAttributes });
  const problems = analyzed.diagnostics.map((d) => fromDiagnostic(d, source.yamlName));
  const zip = source.zip ? readCodeZip(source.zip.bytes, source.zip.name) : { code: {}, problems: [] };
  problems.push(...zip.problems);
  let code = zip.code;
  if (analyzed.definition) {
    const entries = entryFiles(analyzed.definition).map((e) => normalizeCodePath(e.entryfilePath)).filter((p): p is string => p !== null);
    code = stripWrapperFolder(code, entries);
    problems.push(...entryFileProblems(source, analyzed.definition, code));
  }
  const ok = analyzed.definition && !problems.some((p) => p.severity === "error");
  return { ...(ok ? { definition: analyzed.definition } : {}), yaml: source.yaml, code, problems };
}

/** "stack.yml:3:7: error: resources.api: message", the form every import problem is listed in. */
export function formatImportProblem(p: ImportProblem): string {
  const where = [p.file, p.line, p.column].filter((x) => x !== undefined).join(":");
  return `${where}: ${p.severity}: ${p.path ? `${p.path}: ` : ""}${p.message}`;
}
