// What an inspector section's header says beside its title: what is set inside (so a collapsed column
// shows where the settings are) and how many errors it holds. Pure.
import type { Diagnostic } from "@/lib/stack";
import { getIn, type Path } from "../model/paths";
import { optionLabel } from "./field-presentation";
import { EDITOR_KEYS, type InspectorSection, type SectionEditor } from "./inspector-sections";
import type { FieldSpec } from "./spec";

const isSet = (value: unknown) =>
  value !== undefined && value !== null && value !== "" && !(Array.isArray(value) && value.length === 0) && !(typeof value === "object" && Object.keys(value).length === 0);

export const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
/** "Connect to (one resource per line)" -> "Connect to". */
const plainLabel = (label: string) => label.replace(/\s*\(.*\)$/, "");
const clip = (text: string) => (text.length > 24 ? `${text.slice(0, 23)}…` : text);

function fieldSummary(spec: FieldSpec, value: unknown): string {
  if (spec.summary) return spec.summary(value);
  const label = plainLabel(spec.label);
  switch (spec.kind) {
    case "variant":
      return optionLabel(spec, String((value as { type?: unknown }).type));
    case "select":
      return optionLabel(spec, String(value));
    case "boolean":
      return value === false ? `${label}: no` : label;
    case "list":
      return Array.isArray(value) ? count(value.length, (spec.itemLabel ?? "item").toLowerCase()) : label;
    case "lines":
      return `${label}: ${clip(Array.isArray(value) ? value.map(String).join(", ") : String(value))}`;
    case "number":
    case "text":
    case "multiline":
    case "resource":
      return `${label}: ${clip(String(value))}`;
    default:
      // JSON, a mapping, a destination: what they hold does not fit a header.
      return label;
  }
}

function editorSummary(editor: SectionEditor, properties: unknown): string | undefined {
  const n = (key: readonly string[]) => {
    const value = getIn(properties, key);
    return Array.isArray(value) ? value.length : 0;
  };
  const [key] = EDITOR_KEYS[editor];
  if (!key || n(key) === 0) return undefined;
  if (editor === "triggers") return String(n(key));
  if (editor === "environment") return count(n(key), "variable");
  return `access to ${count(n(key), "resource")}`;
}

/** What is set in the section, e.g. "1024 MB, 30 s"; "" when nothing is. `value`: the object the section's keys are below. */
export function sectionSummary(section: InspectorSection, value: unknown): string {
  const shown = section.fields.filter((spec) => !spec.showWhen || spec.showWhen.values.includes(getIn(value, spec.showWhen.key)));
  const fields = shown.flatMap((spec) => {
    const v = getIn(value, spec.key);
    return isSet(v) ? [fieldSummary(spec, v)] : [];
  });
  const editors = (section.editors ?? []).flatMap((editor) => editorSummary(editor, value) ?? []);
  return [...fields, ...editors].join(", ");
}

const startsWith = (path: readonly (string | number)[], prefix: Path) => prefix.every((k, i) => path[i] === k);

/** The errors at or below what the section edits; `base`: the path its keys are below (editors' keys are below the properties). */
export function sectionErrors(section: InspectorSection, base: Path, diagnostics: readonly Diagnostic[]): number {
  const keys = [...section.fields.map((spec) => spec.key), ...(section.editors ?? []).flatMap((editor) => EDITOR_KEYS[editor])];
  return diagnostics.filter((d) => d.severity === "error" && keys.some((key) => startsWith(d.path, [...base, ...key]))).length;
}
