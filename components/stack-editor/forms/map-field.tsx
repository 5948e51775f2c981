"use client";
// A string-to-string mapping (an input transformer's paths map) as rows of name and value. Rows that are
// not yet a mapping (an empty or repeated name) are kept as typed and not applied, with the reason shown.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { Path } from "../model/paths";
import { fieldId } from "../model/validate";
import { hintOf, inputClass } from "./field-presentation";
import { freshName, mapOf, rowsOf, type MapRow } from "./entries";
import type { FieldSpec } from "./spec";

export interface MapFieldProps {
  spec: FieldSpec;
  path: Path;
  value: unknown;
  error?: string;
  errorAt: (path: Path) => string | undefined;
  onChange: (path: Path, value: unknown) => void;
}

export function MapField({ spec, path, value, error, errorAt, onChange }: MapFieldProps) {
  const id = fieldId(path);
  const noun = spec.itemLabel ?? "Entry";
  const hint = hintOf(spec);
  const [rows, setRows] = useState<MapRow[]>(() => rowsOf(value));
  const [shown, setShown] = useState(value);
  const [problem, setProblem] = useState<string | undefined>();
  // Undo, redo or a YAML edit changed the mapping underneath: show it, unless the rows already say the same.
  if (value !== shown) {
    setShown(value);
    const current = mapOf(rows, noun);
    if (!current.ok || JSON.stringify(current.value) !== JSON.stringify(value)) {
      setRows(rowsOf(value));
      setProblem(undefined);
    }
  }
  const update = (next: MapRow[]) => {
    setRows(next);
    const parsed = mapOf(next, noun);
    setProblem(parsed.ok ? undefined : parsed.message);
    if (parsed.ok) {
      setShown(parsed.value);
      onChange(path, parsed.value);
    }
  };
  const message = problem ?? error;
  return (
    <fieldset id={id} tabIndex={-1} aria-describedby={[message ? `${id}-error` : undefined, hint ? `${id}-hint` : undefined].filter(Boolean).join(" ") || undefined}
      className="flex min-w-0 flex-col gap-2 rounded-md border border-slate-200 p-2">
      <legend className="px-1 text-xs font-semibold text-slate-700">{spec.label}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {message ? (
        <p id={`${id}-error`} className="text-xs text-red-700">
          {message}
        </p>
      ) : null}
      {rows.map((row, index) => {
        const label = `${noun} ${index + 1}`;
        // The name's control carries the id of the mapping entry: the validator's errors there are about the name.
        const entry = row.name !== "" && rows.findIndex((r) => r.name === row.name) === index;
        const nameId = entry ? fieldId([...path, row.name]) : `${id}-name-${index}`;
        const valueId = `${id}-value-${index}`;
        const rowError = entry ? errorAt([...path, row.name]) : undefined;
        const set = (patch: Partial<MapRow>) => update(rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));
        return (
          <div key={index} className="grid grid-cols-[1fr_2fr_auto] items-end gap-2">
            <div className="flex flex-col gap-1">
              <label htmlFor={nameId} className="text-xs font-medium">Name of {label.toLowerCase()}</label>
              <input id={nameId} className={`${inputClass(rowError)} font-mono`} value={row.name} aria-invalid={rowError ? true : undefined}
                aria-describedby={rowError ? `${nameId}-error` : undefined} onChange={(e) => set({ name: e.target.value })} />
            </div>
            <div className="flex flex-col gap-1">
              <label htmlFor={valueId} className="text-xs font-medium">Value of {label.toLowerCase()}</label>
              <input id={valueId} className={`${inputClass()} font-mono`} value={row.value} onChange={(e) => set({ value: e.target.value })} />
            </div>
            <Button variant="ghost" aria-label={`Remove ${label.toLowerCase()}`} onClick={() => update(rows.filter((_, i) => i !== index))}>
              Remove
            </Button>
            {rowError ? (
              <p id={`${nameId}-error`} className="col-span-3 text-xs text-red-700">
                {rowError}
              </p>
            ) : null}
          </div>
        );
      })}
      <Button variant="secondary" className="self-start" onClick={() => update([...rows, { name: freshName(rows, noun.toLowerCase()), value: "" }])}>
        Add {noun.toLowerCase()}
      </Button>
    </fieldset>
  );
}
