"use client";
// One form control per FieldSpec: label, the value at its path, its default and help, and the error the
// validator reports at that path, tied together for screen readers. Lists and maps: list-field.tsx, map-field.tsx.
import type { ReactNode } from "react";
import type { Path } from "../model/paths";
import { fieldId } from "../model/validate";
import { hintOf, inputClass, optionLabel } from "./field-presentation";
import { JsonField } from "./json-field";
import type { FieldSpec, ResourceOption } from "./spec";
import { TargetField } from "./target-field";
import { pickedBy } from "./targets";
import { useDraftText } from "./use-draft-text";
import { switchVariant } from "./variant";

export type { ResourceOption } from "./spec";

export interface FieldControlProps {
  spec: FieldSpec;
  path: Path;
  value: unknown;
  error?: string;
  resources: readonly ResourceOption[];
  readOnly?: boolean;
  onChange: (path: Path, value: unknown) => void;
}

// Not a resource name (those are letters and digits), so it cannot clash with one.
const BY_HAND = "(set by hand)";

/** The id of the control: a variant's select edits the object's `type`, so errors there land on it. */
export const controlPath = (spec: FieldSpec, path: Path): Path => (spec.kind === "variant" ? [...path, "type"] : path);

export function FieldControl({ spec, path, value, error, resources, readOnly, onChange }: FieldControlProps) {
  const id = fieldId(controlPath(spec, path));
  const hint = hintOf(spec);
  // Options shown as words: the YAML value of the one chosen is said under it, so the YAML stays recognisable.
  const chosen = spec.kind === "variant" ? (value as { type?: unknown } | undefined)?.type : value;
  const yamlValue = spec.optionLabels && chosen !== undefined && optionLabel(spec, String(chosen)) !== String(chosen) ? String(chosen) : undefined;
  const describedBy = [error ? `${id}-error` : undefined, yamlValue ? `${id}-yaml` : undefined, hint ? `${id}-hint` : undefined].filter(Boolean).join(" ") || undefined;
  const common = { id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy };
  const set = (v: unknown) => onChange(path, v);
  const emptied = (fallback: unknown) => (spec.required ? fallback : undefined);
  // A list holding more than strings (an event pattern's {"prefix": ...} filter) is edited as JSON, so nothing is flattened.
  const json = spec.kind === "json" || (spec.kind === "lines" && Array.isArray(value) && value.some((v) => typeof v !== "string"));

  let control: ReactNode;
  switch (json ? "json" : spec.kind) {
    case "json":
      control = <JsonField id={id} labelId={`${id}-label`} label={spec.label} describedBy={describedBy} error={error} value={value} readOnly={readOnly} onValue={set} />;
      break;
    case "lines":
      control = <LinesField id={id} describedBy={describedBy} error={error} value={value} required={spec.required} onValue={set} />;
      break;
    case "text":
      control = (
        <input {...common} type="text" className={inputClass(error)} value={typeof value === "string" ? value : value === undefined ? "" : String(value)}
          placeholder={spec.defaultValue !== undefined ? String(spec.defaultValue) : undefined}
          onChange={(e) => set(e.target.value === "" ? emptied("") : e.target.value)} />
      );
      break;
    case "multiline":
      control = (
        <textarea {...common} rows={3} spellCheck={false} className={`${inputClass(error)} font-mono`} value={typeof value === "string" ? value : value === undefined ? "" : String(value)}
          onChange={(e) => set(e.target.value === "" ? emptied("") : e.target.value)} />
      );
      break;
    case "number":
      control = (
        <input {...common} type="number" className={inputClass(error)} value={typeof value === "number" || typeof value === "string" ? String(value) : ""}
          placeholder={spec.defaultValue !== undefined ? String(spec.defaultValue) : undefined}
          onChange={(e) => set(e.target.value === "" ? undefined : Number(e.target.value))} />
      );
      break;
    case "boolean":
      control = (
        <select {...common} className={inputClass(error)} value={value === true ? "true" : value === false ? "false" : ""}
          onChange={(e) => set(e.target.value === "" ? undefined : e.target.value === "true")}>
          <option value="">{spec.defaultValue !== undefined ? `Default (${spec.defaultValue ? "yes" : "no"})` : "Not set"}</option>
          <option value="true">Yes</option>
          <option value="false">No</option>
        </select>
      );
      break;
    case "select":
    case "variant": {
      const options = spec.options ?? [];
      const current = chosen === undefined ? "" : String(chosen);
      const numeric = options.length > 0 && options.every((o) => /^\d+$/.test(o));
      const choose = (v: string) => {
        if (spec.kind === "variant") return set(v === "" ? undefined : switchVariant(spec.create!(v), value));
        set(v === "" ? undefined : numeric ? Number(v) : v);
      };
      control = (
        <select {...common} className={inputClass(error)} value={current} onChange={(e) => choose(e.target.value)}>
          <option value="">{spec.defaultValue !== undefined ? `Default (${String(spec.defaultValue)})` : spec.required ? "Choose…" : "Not set"}</option>
          {current !== "" && !options.includes(current) ? <option value={current}>{current}</option> : null}
          {options.map((o) => (
            <option key={o} value={o}>{optionLabel(spec, o)}</option>
          ))}
        </select>
      );
      break;
    }
    case "target":
      // Keyed by the field, so choosing "outside the stack" for one resource does not carry over to the next one selected.
      control = <TargetField key={id} id={id} describedBy={describedBy} error={error} spec={spec} value={value} resources={resources} onValue={set} />;
      break;
    case "resource":
    case "pick": {
      const offered = resources.filter((r) => spec.resourceKinds?.includes(r.kind));
      // Each offered resource: the option's value in the select, and what choosing it stores.
      const entries = offered.flatMap((r) => {
        const stores = spec.kind === "resource" ? r.name : spec.fill?.(r);
        if (stores === undefined) return [];
        return [{ option: r.name, stores, label: `${r.name} (${r.kind})` }];
      });
      // A picker stores an object: it shows the resource whose object is there, or that the parts below were set by hand.
      const current =
        spec.kind === "pick" ? (pickedBy(offered, (r) => spec.fill?.(r), value)?.name ?? (value === undefined ? "" : BY_HAND)) : typeof value === "string" ? value : "";
      control = (
        <select {...common} className={inputClass(error)} value={current}
          onChange={(e) => {
            const entry = entries.find((x) => x.option === e.target.value);
            set(entry ? entry.stores : spec.kind === "pick" ? undefined : emptied(""));
          }}>
          <option value="">{offered.length ? "Not set" : `No ${spec.resourceKinds?.join(" or ")} in this stack`}</option>
          {current !== "" && !entries.some((x) => x.option === current) ? <option value={current}>{current === BY_HAND ? "Set by hand (below)" : current}</option> : null}
          {entries.map((x) => (
            <option key={x.option} value={x.option}>{x.label}</option>
          ))}
        </select>
      );
      break;
    }
  }

  return (
    <div className="flex flex-col gap-1">
      {json ? (
        <span id={`${id}-label`} className="text-xs font-medium text-slate-700">
          {spec.label}
        </span>
      ) : (
        <label htmlFor={id} className="text-xs font-medium text-slate-700">
          {spec.label}
        </label>
      )}
      {control}
      {error ? (
        <p id={`${id}-error`} className="text-xs text-red-700">
          {error}
        </p>
      ) : null}
      {yamlValue ? (
        <p id={`${id}-yaml`} className="text-xs text-slate-500">
          In the YAML: <code className="font-mono">{yamlValue}</code>
        </p>
      ) : null}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** A list of strings, one per line; a required list emptied stays an empty list, reported by the validator. */
function LinesField({ id, describedBy, error, value, required, onValue }: { id: string; describedBy?: string; error?: string; value: unknown; required?: boolean; onValue: (v: unknown) => void }) {
  const { text, onText } = useDraftText("lines", value, onValue, required);
  return (
    <textarea id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} rows={2} spellCheck={false}
      className={`${inputClass(error)} font-mono`} value={text} onChange={(e) => onText(e.target.value)} />
  );
}
