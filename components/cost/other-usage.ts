// Usage of the resources other than functions (APIs, load balancers, tables, queues, topics, buses,
// streams, NAT gateways, secrets), edited as YAML in the usage file's format (lib/cost/usage.ts). Pure.
import { stringify } from "yaml";
import { parseUsage, usageFields, type ResourceUsage, type StackUsage } from "@/lib/cost";
import { formatDiagnostic } from "@/lib/stack/diagnostics";
import type { StackDefinition } from "@/lib/stack/schema";

const isFunction = (definition: StackDefinition, key: string) => definition.resources[key]?.type === "function";

/** The saved entries of everything but functions, as YAML ("" when there are none). */
export function otherUsageYaml(usage: StackUsage, definition: StackDefinition): string {
  const others = Object.fromEntries(Object.entries(usage).filter(([key]) => !isFunction(definition, key)));
  return Object.keys(others).length ? stringify(others) : "";
}

export type OtherUsage = { ok: true; usage: Record<string, ResourceUsage> } | { ok: false; problems: string[] };

/** The YAML's entries, or its problems with line and column; functions belong to the fields, not here. */
export function parseOtherUsage(source: string, definition: StackDefinition): OtherUsage {
  const { usage, diagnostics } = parseUsage(source, definition);
  if (!usage) return { ok: false, problems: diagnostics.map((d) => formatDiagnostic(d)) };
  const functions = Object.keys(usage).filter((key) => isFunction(definition, key));
  if (functions.length) return { ok: false, problems: functions.map((key) => `${key}: a function; set its usage in its fields above`) };
  return { ok: true, usage: { ...usage } };
}

/** "name: field, field" for each priced resource other than functions, for the editor's hint. */
export function otherUsageKeys(definition: StackDefinition): string[] {
  return [...usageFields(definition)].filter(([key]) => !isFunction(definition, key)).map(([key, fields]) => `${key}: ${fields.join(", ")}`);
}
