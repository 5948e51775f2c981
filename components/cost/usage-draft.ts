// The usage editor's form state: the text of every field (so a half-typed or invalid number is kept and
// explained, never silently dropped) and the usage it amounts to. Pure.
import type { z } from "zod";
import { FunctionUsageSchema, TriggerUsageSchema, type FunctionUsage, type ResourceUsage, type StackUsage, type TriggerUsage } from "@/lib/cost";

export type FunctionField = "invocationsPerMonth" | "averageDurationMs" | "logBytesPerInvocation";
export type TriggerField = "eventsPerMonth" | "payloadKb";

/** `fn.field` or `fn.events.<index>.field`. */
export type FieldKey = string;
export type DraftTexts = Readonly<Record<FieldKey, string>>;

export const functionKey = (fn: string, field: FunctionField): FieldKey => `${fn}.${field}`;
export const triggerKey = (fn: string, index: number, field: TriggerField): FieldKey => `${fn}.events.${index}.${field}`;

/** The form's label of each field; its messages name the field by it. */
export const FIELD_LABELS: Readonly<Record<FunctionField | TriggerField, string>> = {
  invocationsPerMonth: "Invocations a month",
  averageDurationMs: "Average duration (ms)",
  logBytesPerInvocation: "Log bytes per invocation",
  eventsPerMonth: "Events a month",
  payloadKb: "Payload size (KB)",
};

const FUNCTION_FIELDS: FunctionField[] = ["invocationsPerMonth", "averageDurationMs", "logBytesPerInvocation"];
const TRIGGER_FIELDS: TriggerField[] = ["eventsPerMonth", "payloadKb"];

/** The texts of the fields for the functions' saved usage. */
export function textsOf(usage: StackUsage, functionNames: readonly string[]): DraftTexts {
  const texts: Record<FieldKey, string> = {};
  for (const fn of functionNames) {
    const u = usage[fn];
    if (!u) continue;
    for (const field of FUNCTION_FIELDS) if (u[field] !== undefined) texts[functionKey(fn, field)] = String(u[field]);
    u.events?.forEach((event, i) => {
      for (const field of TRIGGER_FIELDS) if (event[field] !== undefined) texts[triggerKey(fn, i, field)] = String(event[field]);
    });
  }
  return texts;
}

const COUNT = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

/** The field a key is for, and the usage schema's own check of it (the one the server and the CLI apply). */
function fieldOf(key: FieldKey): { field: FunctionField | TriggerField; schema: z.ZodType } {
  const field = key.slice(key.lastIndexOf(".") + 1) as FunctionField | TriggerField;
  const shape: Record<string, z.ZodType> = key.includes(".events.") ? TriggerUsageSchema.shape : FunctionUsageSchema.shape;
  return { field, schema: shape[field] };
}

/** Why a field's text is not a usable figure; undefined when it is (or empty: the assumption applies). */
export function fieldProblem(key: FieldKey, text: string): string | undefined {
  if (text.trim() === "") return undefined;
  const n = Number(text);
  if (!Number.isFinite(n)) return "Enter a number.";
  const { field, schema } = fieldOf(key);
  const issue = schema.safeParse(n).error?.issues[0];
  if (!issue) return undefined;
  if (issue.code === "too_big") return `${FIELD_LABELS[field]}: at most ${COUNT.format(Number(issue.maximum))}.`;
  return field === "averageDurationMs" ? "Must be more than 0 ms." : "Must be 0 or more.";
}

/**
 * The usage the texts amount to: the functions' entries rebuilt from the fields, everything else
 * (tables, queues, fields this form does not show) kept as saved.
 */
export function usageOf(saved: StackUsage, texts: DraftTexts, triggerCounts: ReadonlyMap<string, number>): StackUsage {
  const usage: Record<string, ResourceUsage> = { ...saved };
  for (const [fn, triggers] of triggerCounts) {
    const entry: FunctionUsage = { ...(saved[fn] as FunctionUsage | undefined) };
    for (const field of FUNCTION_FIELDS) apply(entry, field, texts[functionKey(fn, field)], functionKey(fn, field));
    const events: TriggerUsage[] = [];
    for (let i = 0; i < triggers; i++) {
      const event: TriggerUsage = { ...entry.events?.[i] };
      for (const field of TRIGGER_FIELDS) apply(event, field, texts[triggerKey(fn, i, field)], triggerKey(fn, i, field));
      events.push(event);
    }
    if (events.some((e) => Object.keys(e).length > 0)) entry.events = events;
    else delete entry.events;
    if (Object.keys(entry).length > 0) usage[fn] = entry;
    else delete usage[fn];
  }
  return usage;
}

/** An empty field removes the figure (the assumption applies); an invalid one keeps what was saved until it is fixed. */
function apply<K extends string>(target: Partial<Record<K, number>>, field: K, text: string | undefined, key: FieldKey): void {
  const value = text ?? "";
  if (value.trim() === "") delete target[field];
  else if (!fieldProblem(key, value)) target[field] = Number(value);
}
