// Public API of the stack model: schema and types, defaults and limits, directives, parse/print, validation.
export * from "./schema";
export * from "./defaults";
export * from "./limits";
export * from "./directives";
export * from "./diagnostics";
export { detectRuntime } from "./runtime";
export { checkScheduleExpression } from "./schedule-expression";
export { parseStack, type ParseStackOptions, type ParseStackResult } from "./parse";
export { printStack } from "./print";
export { pascal, derivedLogicalIdSuffix, LOGICAL_ID_SUFFIXES } from "./logical-ids";
export { validateStack, analyzeStack, type ValidateStackOptions, type AnalyzeStackResult } from "./validate";
export { noAttributeLookup, type CfnAttributeLookup } from "./cfn-attributes";
export { locatePath, locateDiagnostics, sourceLocator, createLocator, type DefinitionPath, type SourceLocator, type SourcePosition, type LocateTarget } from "./locate";
export { readYaml, utf8Length, type ReadYaml, type YamlProblem } from "./read-yaml";
