// Stack definition source (YAML or JSON; JSON is read as YAML 1.2) -> typed definition + diagnostics.
import type { LineCounter, YAMLError } from "yaml";
import { capDiagnostics, type Diagnostic } from "./diagnostics";
import { createLocator, type SourceLocator } from "./locate";
import { readYaml, type YamlProblem } from "./read-yaml";
import { StackDefinitionSchema, type StackDefinition } from "./schema";
import { schemaProblems } from "./schema-issues";

export interface ParseStackOptions {
  /** Copied into every diagnostic so the CLI and editor can name the file. */
  file?: string;
}

export interface ParseStackResult {
  /** Present only when there are no errors. Exactly the source's data: nothing added, keys in source order. */
  definition?: StackDefinition;
  /** Sorted by position and capped (STACK_INPUT_LIMITS.diagnostics, then one "and N more"). */
  diagnostics: Diagnostic[];
  /**
   * The source's data when it was read as YAML within the bounds, even when the schema refused it (the
   * editor checks what it can of a half-typed definition); absent for YAML errors and crossed limits.
   */
  data?: unknown;
  /** Maps definition paths to source positions (for diagnostics found later, e.g. by validateStack). */
  locator: SourceLocator;
}

// The yaml package's own guard while building values; readYaml has already bounded the expanded size.
const MAX_ALIAS_COUNT = 1000;

/**
 * Where to show a YAML error. The yaml package places an error found at the end of the input (an
 * unclosed bracket or quote) after the last character, which is the empty line past the end: show it
 * on the last line with content instead, where the problem is.
 */
function errorOffset(err: YAMLError, contentEnd: number): number {
  return contentEnd > 0 && err.pos[0] >= contentEnd ? contentEnd - 1 : err.pos[0];
}

function yamlDiagnostic(err: YAMLError, lineCounter: LineCounter, contentEnd: number, file: string | undefined, severity: Diagnostic["severity"]): Diagnostic {
  const { line, col } = lineCounter.linePos(errorOffset(err, contentEnd));
  const message =
    err.code === "TAG_RESOLVE_FAILED"
      ? `${err.message}; YAML tags (such as CloudFormation's !Ref or !GetAtt) are not supported, use the long form ({ Ref: ... }, { "Fn::GetAtt": [...] })`
      : err.message;
  return { severity, code: "yaml", message, path: [], file, line, column: col };
}

function problemDiagnostic(p: YamlProblem, lineCounter: LineCounter, file: string | undefined): Diagnostic {
  const { line, col } = lineCounter.linePos(p.offset);
  return { severity: "error", code: p.code, message: p.message, path: [], file, line, column: col };
}

function sortBySource(diagnostics: Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

export function parseStack(source: string, opts: ParseStackOptions = {}): ParseStackResult {
  const { file } = opts;
  const { doc, lineCounter, problems } = readYaml(source);
  const locator = createLocator(doc, lineCounter);
  // A crossed limit stops everything: nothing after it was parsed, and nothing reaches the schema.
  if (!doc) return { diagnostics: problems.map((p) => problemDiagnostic(p, lineCounter, file)), locator };

  // An unresolved tag would silently turn into a plain string and change the meaning, so it is an error too.
  const contentEnd = source.trimEnd().length;
  const yamlProblems = sortBySource([
    ...doc.errors.map((e) => yamlDiagnostic(e, lineCounter, contentEnd, file, "error")),
    ...problems.map((p) => problemDiagnostic(p, lineCounter, file)),
    ...doc.warnings.map((w) => yamlDiagnostic(w, lineCounter, contentEnd, file, w.code === "TAG_RESOLVE_FAILED" ? "error" : "warning")),
  ]);
  if (yamlProblems.some((d) => d.severity === "error")) return { diagnostics: capDiagnostics(yamlProblems), locator };

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { diagnostics: [...yamlProblems, { severity: "error", code: "yaml", message, path: [], file, line: 1, column: 1 }], locator };
  }
  if (data === null || data === undefined) {
    const empty: Diagnostic = { severity: "error", code: "schema", message: "the stack definition is empty; expected a mapping with 'resources'", path: [], file, line: 1, column: 1 };
    return { diagnostics: [...yamlProblems, empty], locator };
  }

  const result = StackDefinitionSchema.safeParse(data);
  if (!result.success) {
    const schemaDiagnostics = schemaProblems(StackDefinitionSchema, data, result.error.issues).map(({ diagnostic, target }) => ({
      ...diagnostic,
      file,
      ...locator.locate(diagnostic.path, target),
    }));
    return { diagnostics: capDiagnostics([...yamlProblems, ...sortBySource(schemaDiagnostics)]), data, locator };
  }
  // The schema has no defaults or transforms, so the raw data is the parsed value with the user's key order kept.
  return { definition: data as StackDefinition, diagnostics: yamlProblems, data, locator };
}
