"use client";
// A list of objects (IAM statements, tags, listeners): each item is a group of its own fields, labelled
// "Statement 1" etc., with buttons to move it up or down and remove it; focus follows a moved item.
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import type { Path } from "../model/paths";
import { fieldId } from "../model/validate";
import { hintOf } from "./field-presentation";
import { moveItem } from "./entries";
import type { FieldSpec } from "./spec";

export interface ListFieldProps {
  spec: FieldSpec;
  path: Path;
  items: readonly unknown[];
  error?: string;
  /** An error about one item as a whole (an unknown key written in the YAML). */
  errorAt: (path: Path) => string | undefined;
  onChange: (path: Path, value: unknown) => void;
  /** The fields of the item at this path. */
  renderItem: (itemPath: Path) => ReactNode;
}

export function ListField({ spec, path, items, error, errorAt, onChange, renderItem }: ListFieldProps) {
  const id = fieldId(path);
  const noun = spec.itemLabel ?? "Item";
  const hint = hintOf(spec);
  const buttonId = (index: number, action: string) => `${fieldId([...path, index])}-${action}`;
  const update = (next: unknown[]) => onChange(path, next.length ? next : undefined);
  const move = (from: number, to: number, action: string) => {
    update(moveItem(items, from, to));
    // The item now sits at `to`: keep the focus on the same button of the same item, or on its other one at an end.
    requestAnimationFrame(() => {
      const same = document.getElementById(buttonId(to, action)) as HTMLButtonElement | null;
      (same && !same.disabled ? same : document.getElementById(buttonId(to, action === "up" ? "down" : "up")))?.focus();
    });
  };
  return (
    <fieldset id={id} tabIndex={-1} aria-describedby={[error ? `${id}-error` : undefined, hint ? `${id}-hint` : undefined].filter(Boolean).join(" ") || undefined}
      className="flex min-w-0 flex-col gap-2 rounded-md border border-slate-200 p-2">
      <legend className="px-1 text-xs font-semibold text-slate-700">{spec.label}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-xs text-red-700">
          {error}
        </p>
      ) : null}
      {items.length === 0 ? <p className="text-xs text-slate-500">None.</p> : null}
      {items.map((_, index) => {
        const label = `${noun} ${index + 1}`;
        const itemError = errorAt([...path, index]);
        const itemId = fieldId([...path, index]);
        // An error about the item as a whole (an HTTPS listener without a certificate): a diagnostic focuses the item, which names it.
        return (
          <fieldset key={index} id={itemId} tabIndex={-1} aria-describedby={itemError ? `${itemId}-error` : undefined} className="min-w-0 rounded-md border border-slate-200 p-2">
            <legend className="px-1 text-xs font-semibold">{label}</legend>
            {itemError ? (
              <p id={`${itemId}-error`} className="mb-2 text-xs text-red-700">
                {itemError}
              </p>
            ) : null}
            {renderItem([...path, index])}
            <div className="mt-2 flex flex-wrap gap-1">
              <Button variant="ghost" id={buttonId(index, "up")} aria-label={`Move ${label.toLowerCase()} up`} disabled={index === 0} onClick={() => move(index, index - 1, "up")}>
                Move up
              </Button>
              <Button variant="ghost" id={buttonId(index, "down")} aria-label={`Move ${label.toLowerCase()} down`} disabled={index === items.length - 1} onClick={() => move(index, index + 1, "down")}>
                Move down
              </Button>
              <Button variant="ghost" aria-label={`Remove ${label.toLowerCase()}`} onClick={() => update(items.filter((__, i) => i !== index))}>
                Remove
              </Button>
            </div>
          </fieldset>
        );
      })}
      <Button variant="secondary" className="self-start" onClick={() => update([...items, spec.create ? spec.create("") : {}])}>
        Add {noun.toLowerCase()}
      </Button>
    </fieldset>
  );
}
