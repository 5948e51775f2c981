"use client";
import { ALLOW_ACCESS_TO_TYPES, type StackDefinition } from "@/lib/stack";
import { fieldError, fieldId } from "../model/validate";
import type { FormContext } from "./field-list";

/** accessControl.allowAccessTo (seed 000, "Using allowAccessTo"): basic IAM permissions to other resources. */
export function AccessEditor({ fn, granted, definition, ctx }: { fn: string; granted: readonly string[]; definition: StackDefinition; ctx: FormContext }) {
  const path = ["resources", fn, "properties", "accessControl", "allowAccessTo"];
  const candidates = Object.entries(definition.resources).filter(([name, r]) => name !== fn && (ALLOW_ACCESS_TO_TYPES as readonly string[]).includes(r.type));
  const unknown = granted.filter((g) => !candidates.some(([name]) => name === g));
  const error = fieldError(ctx.diagnostics, path);
  const toggle = (name: string, on: boolean) => {
    const next = on ? [...granted, name] : granted.filter((g) => g !== name);
    ctx.onChange(path, next.length ? next : undefined);
  };
  return (
    <fieldset id={fieldId(path)} className="flex flex-col gap-1">
      <legend className="text-sm font-semibold">Access to other resources</legend>
      <p className="text-xs text-slate-500">Grants basic IAM permissions (bucket objects, table items, publishing events, invoking functions).</p>
      {candidates.length === 0 ? <p className="text-xs text-slate-500">No bucket, table, event bus or other function in this stack.</p> : null}
      {[...candidates.map(([name, r]) => [name, r.type] as const), ...unknown.map((n) => [n, "missing"] as const)].map(([name, type]) => (
        <label key={name} className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={granted.includes(name)} onChange={(e) => toggle(name, e.target.checked)} />
          {name} <span className="text-xs text-slate-500">({type})</span>
        </label>
      ))}
      {error ? <p className="text-xs text-red-700">{error}</p> : null}
    </fieldset>
  );
}
