"use client";
// An ARN-valued destination: a resource of the stack (stored as its directive) or an ARN typed by hand
// for one outside the stack (a queue, topic or function of another stack or account).
import { useState } from "react";
import { inputClass } from "./field-presentation";
import type { FieldSpec, ResourceOption } from "./spec";
import { targetDirective } from "./targets";

// Not a directive (those start with "$"), so it cannot clash with a resource's option.
const OUTSIDE = "(outside the stack)";

export interface TargetFieldProps {
  id: string;
  describedBy?: string;
  error?: string;
  spec: FieldSpec;
  value: unknown;
  resources: readonly ResourceOption[];
  onValue: (v: unknown) => void;
}

export function TargetField({ id, describedBy, error, spec, value, resources, onValue }: TargetFieldProps) {
  const entries = resources
    .filter((r) => spec.resourceKinds?.includes(r.kind))
    .flatMap((r) => {
      const directive = targetDirective(r);
      return directive ? [{ directive, label: `${r.name} (${r.kind})` }] : [];
    });
  const text = typeof value === "string" ? value : "";
  const typed = text !== "" && !entries.some((e) => e.directive === text);
  // Chosen before anything is typed: the ARN box shows while the value is still empty.
  const [chosenOutside, setChosenOutside] = useState(false);
  const outside = typed || chosenOutside;
  const cleared = spec.required ? "" : undefined;
  const arnId = `${id}-arn`;
  return (
    <>
      <select id={id} aria-invalid={error && !outside ? true : undefined} aria-describedby={describedBy} className={inputClass(outside ? undefined : error)} value={outside ? OUTSIDE : text}
        onChange={(e) => {
          const choice = e.target.value;
          setChosenOutside(choice === OUTSIDE);
          if (choice === OUTSIDE) return onValue(typed ? text : cleared);
          onValue(choice === "" ? cleared : choice);
        }}>
        <option value="">{entries.length ? "Not set" : `None (no ${spec.resourceKinds?.join(" or ")} in this stack)`}</option>
        {entries.map((e) => (
          <option key={e.directive} value={e.directive}>{e.label}</option>
        ))}
        <option value={OUTSIDE}>An ARN outside this stack…</option>
      </select>
      {outside ? (
        <div className="flex flex-col gap-1 pl-3">
          <label htmlFor={arnId} className="text-xs font-medium text-slate-700">
            {spec.label}: ARN outside this stack
          </label>
          <input id={arnId} type="text" aria-invalid={error ? true : undefined} aria-describedby={describedBy} className={inputClass(error)} value={text}
            placeholder="arn:aws:…" spellCheck={false} onChange={(e) => onValue(e.target.value === "" ? cleared : e.target.value)} />
        </div>
      ) : null}
    </>
  );
}
