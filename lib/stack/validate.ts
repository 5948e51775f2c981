// Semantic validation of a schema-valid definition: cross-references, directive targets, AWS limits and syntax.
import { noAttributeLookup, type CfnAttributeLookup } from "./cfn-attributes";
import { capDiagnostics, type Diagnostic } from "./diagnostics";
import type { SourceLocator } from "./locate";
import { parseStack, type ParseStackOptions } from "./parse";
import { createContext } from "./rules/context";
import { checkDirectives } from "./rules/directives";
import { checkEdge } from "./rules/edge";
import { checkEventSources } from "./rules/event-sources";
import { checkEvents } from "./rules/events";
import { checkFunctions } from "./rules/functions";
import { checkResources } from "./rules/resources";
import type { StackDefinition } from "./schema";

export interface ValidateStackOptions {
  /** GetAtt attribute names per CloudFormation type (server: specAttributes); without it attribute names are not checked. */
  cfnAttributes?: CfnAttributeLookup;
}

/** Diagnostics (with paths, without source positions) for a definition that already passed the schema. */
export function validateStack(definition: StackDefinition, opts: ValidateStackOptions = {}): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const ctx = createContext(definition, opts.cfnAttributes ?? noAttributeLookup, diagnostics);
  checkDirectives(ctx);
  checkFunctions(ctx);
  checkEdge(ctx);
  checkEvents(ctx);
  checkEventSources(ctx);
  checkResources(ctx);
  return diagnostics;
}

export interface AnalyzeStackResult {
  /** Present when parsing succeeded, even if validation found errors. */
  definition?: StackDefinition;
  /** Parse, schema and validation diagnostics, each with file, line and column; sorted and capped like parseStack's. */
  diagnostics: Diagnostic[];
  /** Positions in the parsed source, for locating later diagnostics (rendering's) without parsing it again. */
  locator?: SourceLocator;
}

/** Parse, then validate, with every diagnostic carrying the file, line and column it points at. */
export function analyzeStack(source: string, opts: ParseStackOptions & ValidateStackOptions = {}): AnalyzeStackResult {
  const parsed = parseStack(source, opts);
  if (!parsed.definition) return { diagnostics: parsed.diagnostics };
  const located = validateStack(parsed.definition, opts).map((d) => ({ ...d, file: opts.file, ...parsed.locator.locate(d.path) }));
  located.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  return { definition: parsed.definition, diagnostics: capDiagnostics([...parsed.diagnostics, ...located]), locator: parsed.locator };
}
