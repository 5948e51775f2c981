// Adopt: take chosen live values of drifted functions into the stack definition, so the next
// revision renders what runs. Only what the definition can say is adoptable: memory, timeout,
// runtime, architecture, reserved concurrency and literal environment variables. Pure.
import { analyzeStack, printStack, type StackDefinition } from "@/lib/stack";
import { logicalIds } from "@/server/render/naming";
import { ENVIRONMENT_PREFIX as ENV, isAdoptable } from "@/lib/drift/adoptable";
import type { DriftItem } from "./types";

export type AdoptResult = { ok: true; definition: StackDefinition; adopted: string[] } | { ok: false; problem: string };

/** The function of the definition a logical id names, if any. */
function functionNamed(definition: StackDefinition, logicalId: string): string | undefined {
  return Object.entries(definition.resources).find(([name, r]) => r.type === "function" && logicalIds.function(name) === logicalId)?.[0];
}

export function adoptLiveValues(definition: StackDefinition, drifts: readonly DriftItem[]): AdoptResult {
  const next = structuredClone(definition);
  const adopted: string[] = [];
  for (const d of drifts) {
    const label = `${d.resource} ${d.property}`;
    if (!isAdoptable(d)) return { ok: false, problem: `${label} cannot be adopted: only memory, timeout, runtime, architecture, reserved concurrency and environment variables can.` };
    const name = functionNamed(next, d.resource);
    const resource = name ? next.resources[name] : undefined;
    if (!name || resource?.type !== "function") return { ok: false, problem: `${label}: the stack's latest revision has no function ${d.resource}.` };
    const props = resource.properties as Record<string, unknown>;
    const live = d.live;
    if (d.property === "MemorySize" && typeof live === "number") props.memory = live;
    else if (d.property === "Timeout" && typeof live === "number") props.timeout = live;
    else if (d.property === "Runtime" && typeof live === "string") props.runtime = live;
    else if (d.property === "Architectures" && Array.isArray(live) && typeof live[0] === "string") props.architecture = live[0];
    else if (d.property === "ReservedConcurrentExecutions" && (typeof live === "number" || live === null)) {
      if (live === null) delete props.reservedConcurrency;
      else props.reservedConcurrency = live;
    } else if (d.property.startsWith(ENV) && (typeof live === "string" || live === null)) {
      const key = d.property.slice(ENV.length);
      const variables = ((props.environment as { name: string; value: unknown }[] | undefined) ?? []).filter((v) => v.name !== key);
      if (live !== null) variables.push({ name: key, value: live });
      if (variables.length > 0) props.environment = variables;
      else delete props.environment;
    } else {
      return { ok: false, problem: `${label}: the live value ${JSON.stringify(live)} cannot be written into the definition.` };
    }
    adopted.push(label);
  }
  return { ok: true, definition: next, adopted };
}

/**
 * A revision's YAML with the live values written in and printed again (a compute task: parsing and
 * printing a whole stack is not work for the web server's event loop); null when the YAML does not parse.
 */
export function adoptIntoYaml(yaml: string, drifts: readonly DriftItem[]): { ok: true; yaml: string; adopted: string[] } | { ok: false; problem: string } | null {
  const { definition } = analyzeStack(yaml, { file: "stack.yml" });
  if (!definition) return null;
  const result = adoptLiveValues(definition, drifts);
  return result.ok ? { ok: true, yaml: printStack(result.definition), adopted: result.adopted } : result;
}
