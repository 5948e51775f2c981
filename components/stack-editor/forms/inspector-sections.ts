// How the inspector groups a resource's settings into sections that collapse, as data: the inspector
// draws them and fields-schema.test.ts checks that together they edit every property of the schema.
import {
  DEPLOYMENT_FIELDS,
  DESTINATION_FIELDS,
  EDGE_ACCESS_FIELDS,
  EDGE_CODE_FIELDS,
  EDGE_SCALING_FIELDS,
  FUNCTION_ACCESS_FIELDS,
  FUNCTION_CODE_FIELDS,
  FUNCTION_SCALING_FIELDS,
  LOGGING_FIELDS,
  TAG_FIELDS,
} from "./function-fields";
import { OVERRIDES_FIELDS, RAW_ATTRIBUTE_FIELDS, RAW_RESOURCE_FIELDS, RESOURCE_FIELDS } from "./resource-fields";
import type { FieldSpec } from "./spec";

/** The editors that are not a list of fields: the handler-code button, triggers, environment and allowAccessTo. */
export type SectionEditor = "handler-code" | "triggers" | "environment" | "access";

/** The keys below the resource's properties each editor edits (and everything below them). */
export const EDITOR_KEYS: Record<SectionEditor, readonly (readonly string[])[]> = {
  "handler-code": [],
  triggers: [["events"]],
  environment: [["environment"]],
  access: [["accessControl", "allowAccessTo"]],
};

export interface InspectorSection {
  title: string;
  /** "properties": the fields' keys are below the resource's properties; "resource": below the resource itself. */
  base: "properties" | "resource";
  fields: readonly FieldSpec[];
  /** Drawn after the fields. */
  editors?: readonly SectionEditor[];
}

const overrides: InspectorSection = { title: "Overrides", base: "resource", fields: OVERRIDES_FIELDS };

const FUNCTION_SECTIONS: readonly InspectorSection[] = [
  { title: "Code and runtime", base: "properties", fields: FUNCTION_CODE_FIELDS, editors: ["handler-code"] },
  { title: "Memory, time and concurrency", base: "properties", fields: FUNCTION_SCALING_FIELDS },
  { title: "Triggers", base: "properties", fields: [], editors: ["triggers"] },
  { title: "Destinations", base: "properties", fields: DESTINATION_FIELDS },
  { title: "Environment", base: "properties", fields: [], editors: ["environment"] },
  { title: "Access and network", base: "properties", fields: FUNCTION_ACCESS_FIELDS, editors: ["access"] },
  { title: "Logging", base: "properties", fields: LOGGING_FIELDS },
  { title: "Versions and traffic shifting", base: "properties", fields: DEPLOYMENT_FIELDS },
  { title: "Tags", base: "properties", fields: TAG_FIELDS },
  overrides,
];

const EDGE_FUNCTION_SECTIONS: readonly InspectorSection[] = [
  { title: "Code and runtime", base: "properties", fields: EDGE_CODE_FIELDS, editors: ["handler-code"] },
  { title: "Memory and time", base: "properties", fields: EDGE_SCALING_FIELDS },
  { title: "Access", base: "properties", fields: EDGE_ACCESS_FIELDS },
  { title: "Logging", base: "properties", fields: LOGGING_FIELDS },
  overrides,
];

/** The sections of a cloudformationResources entry. */
export const RAW_SECTIONS: readonly InspectorSection[] = [
  { title: "CloudFormation resource", base: "resource", fields: RAW_RESOURCE_FIELDS },
  { title: "Dependencies and policies", base: "resource", fields: RAW_ATTRIBUTE_FIELDS },
];

/** The sections of a stack resource of this type. */
export function sectionsOf(type: string): readonly InspectorSection[] {
  if (type === "function") return FUNCTION_SECTIONS;
  if (type === "edge-lambda-function") return EDGE_FUNCTION_SECTIONS;
  return [{ title: "Settings", base: "properties", fields: RESOURCE_FIELDS[type] ?? [] }, overrides];
}
