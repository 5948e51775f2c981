// What every form control shares, kept apart from the controls so they need not import each other.
import type { FieldSpec } from "./spec";

export const inputClass = (error?: string) => `w-full rounded-md border px-2 py-1 text-sm shadow-sm ${error ? "border-red-500" : "border-slate-300"}`;

/** The hint under a field: whether it is required, its default and its help text. */
export function hintOf(spec: FieldSpec): string | undefined {
  const parts = [spec.required ? "Required." : undefined, spec.defaultValue !== undefined ? `Default: ${String(spec.defaultValue)}.` : undefined, spec.help];
  const text = parts.filter(Boolean).join(" ");
  return text || undefined;
}

/** The words shown for an option of a select or variant, or the YAML value itself when it has none. */
export const optionLabel = (spec: FieldSpec, value: string): string => (spec.optionLabels && Object.hasOwn(spec.optionLabels, value) ? spec.optionLabels[value] : value);
