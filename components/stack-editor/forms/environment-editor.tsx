"use client";
import { useState } from "react";
import { REFERENCEABLE_PARAMS, type EnvironmentVar, type StackDefinition } from "@/lib/stack";
import { Button } from "@/components/ui/button";
import { fieldError, fieldId } from "../model/validate";
import type { FormContext } from "./field-list";

/** Every `$ResourceParam` other resources offer, with what it holds (seed 000, "Referenceable parameters"). */
export function referenceableParams(definition: StackDefinition, except: string) {
  return Object.entries(definition.resources).flatMap(([name, r]) =>
    name === except
      ? []
      : Object.entries(REFERENCEABLE_PARAMS[r.type] as Record<string, string>).map(([param, description]) => ({
          directive: `$ResourceParam('${name}', '${param}')`,
          label: `${name}.${param}: ${description}`,
        })),
  );
}

/** Environment variables, with a picker that inserts the directive of another resource's parameter. */
export function EnvironmentEditor({ fn, vars, definition, ctx }: { fn: string; vars: readonly EnvironmentVar[]; definition: StackDefinition; ctx: FormContext }) {
  const base = ["resources", fn, "properties", "environment"];
  const params = referenceableParams(definition, fn);
  const [picked, setPicked] = useState<Record<number, string>>({});
  const update = (next: EnvironmentVar[]) => ctx.onChange(base, next.length ? next : undefined);
  return (
    <section aria-labelledby={`${fieldId(base)}-title`} className="flex flex-col gap-2">
      <h3 id={`${fieldId(base)}-title`} className="text-sm font-semibold">
        Environment variables
      </h3>
      {vars.map((v, i) => {
        const nameId = fieldId([...base, i, "name"]);
        const valueId = fieldId([...base, i, "value"]);
        const pickId = `${valueId}-pick`;
        const nameError = fieldError(ctx.diagnostics, [...base, i, "name"]);
        const valueError = fieldError(ctx.diagnostics, [...base, i, "value"]) ?? fieldError(ctx.diagnostics, [...base, i]);
        return (
          <div key={i} className="grid grid-cols-2 gap-2 rounded-md border border-slate-200 p-2">
            <div className="flex flex-col gap-1">
              <label htmlFor={nameId} className="text-xs font-medium">Name of variable {i + 1}</label>
              <input id={nameId} className="rounded-md border border-slate-300 px-2 py-1 font-mono text-sm" value={v.name} aria-invalid={nameError ? true : undefined}
                aria-describedby={nameError ? `${nameId}-error` : undefined}
                onChange={(e) => update(vars.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)))} />
              {nameError ? <p id={`${nameId}-error`} className="text-xs text-red-700">{nameError}</p> : null}
            </div>
            <div className="flex flex-col gap-1">
              <label htmlFor={valueId} className="text-xs font-medium">Value of variable {i + 1}</label>
              <input id={valueId} className="rounded-md border border-slate-300 px-2 py-1 font-mono text-sm" value={String(v.value)} aria-invalid={valueError ? true : undefined}
                aria-describedby={valueError ? `${valueId}-error` : undefined}
                onChange={(e) => update(vars.map((x, j) => (j === i ? { ...x, value: e.target.value } : x)))} />
              {valueError ? <p id={`${valueId}-error`} className="text-xs text-red-700">{valueError}</p> : null}
            </div>
            <div className="col-span-2 flex items-end gap-2">
              <div className="flex flex-1 flex-col gap-1">
                <label htmlFor={pickId} className="text-xs font-medium">Reference for variable {i + 1}</label>
                <select id={pickId} className="rounded-md border border-slate-300 px-2 py-1 text-xs" value={picked[i] ?? ""} onChange={(e) => setPicked({ ...picked, [i]: e.target.value })}>
                  <option value="">{params.length ? "Choose a parameter of another resource…" : "No other resources to reference"}</option>
                  {params.map((p) => (
                    <option key={p.directive} value={p.directive}>{p.label}</option>
                  ))}
                </select>
              </div>
              <Button variant="secondary" disabled={!picked[i]} onClick={() => update(vars.map((x, j) => (j === i ? { ...x, value: picked[i] } : x)))}>
                Insert
              </Button>
              <Button variant="ghost" aria-label={`Remove variable ${v.name || i + 1}`} onClick={() => update(vars.filter((_, j) => j !== i))}>
                Remove
              </Button>
            </div>
          </div>
        );
      })}
      <Button variant="secondary" className="self-start" onClick={() => update([...vars, { name: `VAR_${vars.length + 1}`, value: "" }])}>
        Add variable
      </Button>
    </section>
  );
}
