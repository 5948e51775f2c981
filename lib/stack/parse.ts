// Stack definition source (YAML or JSON; JSON is read as YAML 1.2) -> typed definition + diagnostics.
import { LineCounter, parseDocument, type YAMLError } from "yaml";
import type { Diagnostic } from "./diagnostics";
import { createLocator, type SourceLocator } from "./locate";
import { StackDefinitionSchema, type StackDefinition } from "./schema";
import { schemaProblems } from "./schema-issues";

export interface ParseStackOptions {
  /** Copied into every diagnostic so the CLI and editor can name the file. */
  file?: string;
}

export interface ParseStackResult {
  /** Present only when there are no errors. Exactly the source's data: nothing added, keys in source order. */
  definition?: StackDefinition;
  diagnostics: Diagnostic[];
  /** Maps definition paths to source positions (for diagnostics found later, e.g. by validateStack). */
  locator: SourceLocator;
}

// Alias expansion beyond this is refused: a few nested anchors can otherwise expand to gigabytes.
const MAX_ALIAS_COUNT = 1000;

function yamlDiagnostic(err: YAMLError, lineCounter: LineCounter, file: string | undefined, severity: Diagnostic["severity"]): Diagnostic {
  const { line, col } = lineCounter.linePos(err.pos[0]);
  const message =
    err.code === "TAG_RESOLVE_FAILED"
      ? `${err.message}; YAML tags (such as CloudFormation's !Ref or !GetAtt) are not supported, use the long form ({ Ref: ... }, { "Fn::GetAtt": [...] })`
      : err.message;
  return { severity, code: "yaml", message, path: [], file, line, column: col };
}

function sortBySource(diagnostics: Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

export function parseStack(source: string, opts: ParseStackOptions = {}): ParseStackResult {
  const { file } = opts;
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const locator = createLocator(doc, lineCounter);

  // An unresolved tag would silently turn into a plain string and change the meaning, so it is an error too.
  const yamlProblems = [
    ...doc.errors.map((e) => yamlDiagnostic(e, lineCounter, file, "error")),
    ...doc.warnings.map((w) => yamlDiagnostic(w, lineCounter, file, w.code === "TAG_RESOLVE_FAILED" ? "error" : "warning")),
  ];
  if (yamlProblems.some((d) => d.severity === "error")) return { diagnostics: yamlProblems, locator };

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
    return { diagnostics: [...yamlProblems, ...sortBySource(schemaDiagnostics)], locator };
  }
  // The schema has no defaults or transforms, so the raw data is the parsed value with the user's key order kept.
  return { definition: data as StackDefinition, diagnostics: yamlProblems, locator };
}
