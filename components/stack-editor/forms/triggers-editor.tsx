"use client";
import { useState } from "react";
import type { FunctionEvent, FunctionEventType } from "@/lib/stack";
import { Button } from "@/components/ui/button";
import { describeEvent } from "../model/graph";
import { fieldError, fieldId } from "../model/validate";
import { AuthorizerEditor } from "./authorizer-editor";
import { FieldList, type FormContext } from "./field-list";
import { TRIGGERS } from "./triggers";

/** A function's triggers: one form per event with its own fields, help and defaults, plus add and remove. */
export function TriggersEditor({ fn, events, ctx }: { fn: string; events: readonly FunctionEvent[]; ctx: FormContext }) {
  const [type, setType] = useState<FunctionEventType>("http-api-gateway");
  const base = ["resources", fn, "properties", "events"];
  const addId = `${fieldId(base)}-add`;
  return (
    <div className="flex flex-col gap-3">
      {events.length === 0 ? <p className="text-xs text-slate-500">No triggers: the function runs only when invoked directly.</p> : null}
      {events.map((event, index) => {
        const spec = TRIGGERS[event.type];
        const path = [...base, index];
        // An emptied event pattern has no field of its own left to carry the error.
        const problem = fieldError(ctx.diagnostics, [...path, "properties"]) ?? fieldError(ctx.diagnostics, path) ?? fieldError(ctx.diagnostics, [...path, "properties", "eventPattern"]);
        return (
          <fieldset key={index} className="rounded-md border border-slate-200 p-3">
            <legend className="px-1 text-xs font-semibold">
              {spec.label}: {describeEvent(event)}
            </legend>
            <p className="mb-2 text-xs text-slate-500">{spec.help}</p>
            {problem ? <p className="mb-2 text-xs text-red-700">{problem}</p> : null}
            <FieldList specs={spec.fields} base={[...path, "properties"]} ctx={ctx} />
            {event.type === "http-api-gateway" ? <AuthorizerEditor path={[...path, "properties", "authorizer"]} authorizer={event.properties.authorizer} ctx={ctx} /> : null}
            <Button
              variant="ghost"
              className="mt-2"
              aria-label={`Remove trigger ${index + 1} (${spec.label}) of ${fn}`}
              onClick={() => ctx.onChange(base, events.length === 1 ? undefined : events.filter((_, i) => i !== index))}
            >
              Remove trigger
            </Button>
          </fieldset>
        );
      })}
      <div className="flex items-end gap-2">
        <div className="flex flex-col gap-1">
          <label htmlFor={addId} className="text-xs font-medium text-slate-700">
            New trigger type
          </label>
          <select id={addId} className="rounded-md border border-slate-300 px-2 py-1 text-sm" value={type} onChange={(e) => setType(e.target.value as FunctionEventType)}>
            {Object.values(TRIGGERS).map((t) => (
              <option key={t.type} value={t.type}>
                {t.label}
              </option>
            ))}
          </select>
        </div>
        <Button variant="secondary" onClick={() => ctx.onChange(base, [...events, TRIGGERS[type].create()])}>
          Add trigger
        </Button>
      </div>
    </div>
  );
}
