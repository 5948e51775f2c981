"use client";
import { useId } from "react";
import type { CostEstimate } from "@/lib/cost";
import type { FunctionEvent, LambdaFunction, StackDefinition } from "@/lib/stack";
import { FIELD_LABELS, fieldProblem, functionKey, triggerKey, type DraftTexts, type FieldKey } from "./usage-draft";

export interface UsageEditorProps {
  definition: StackDefinition;
  texts: DraftTexts;
  onChange: (key: FieldKey, text: string) => void;
  /** The estimate of the current draft: its assumptions are shown as each empty field's placeholder. */
  estimate: CostEstimate | null;
  disabled?: boolean;
}

// Made once: toLocaleString builds a formatter per call (~40 µs), and a 100-function form shows 500 placeholders.
const COUNT = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

/** One short line naming a trigger, e.g. "http-api-gateway GET /hello". */
function describeTrigger(event: FunctionEvent): string {
  const p = event.properties as Record<string, unknown>;
  if (event.type === "http-api-gateway") return `http-api-gateway ${String(p.method)} ${String(p.path)}`;
  if (event.type === "schedule") return `schedule ${String(p.scheduleRate)}`;
  return event.type;
}

/** Usage assumptions per function and trigger; an empty field uses the assumption shown as its placeholder. */
export function UsageEditor({ definition, texts, onChange, estimate, disabled }: UsageEditorProps) {
  const functions = Object.entries(definition.resources).filter((e): e is [string, LambdaFunction] => e[1].type === "function");
  if (functions.length === 0) return <p className="text-sm text-slate-600">The stack has no functions, so there is no usage to assume.</p>;
  const assumed = (fn: string, field: string) => {
    const a = estimate?.resources.find((r) => r.kind === "resource" && r.resource === fn)?.assumptions.find((x) => x.field === field);
    return a ? `${COUNT.format(a.value)} (${a.basis === "derived" ? "from the definition" : "assumed"})` : "";
  };
  return (
    <div className="flex flex-col gap-3">
      {functions.map(([name, fn]) => (
        <fieldset key={name} className="rounded-md border border-slate-200 p-3">
          <legend className="px-1 font-mono text-sm">{name}</legend>
          <div className="grid gap-3 sm:grid-cols-3">
            <NumberField label={FIELD_LABELS.invocationsPerMonth} hint="Replaces the triggers' total" fieldKey={functionKey(name, "invocationsPerMonth")} placeholder={assumed(name, "invocationsPerMonth")} texts={texts} onChange={onChange} disabled={disabled} />
            <NumberField label={FIELD_LABELS.averageDurationMs} fieldKey={functionKey(name, "averageDurationMs")} placeholder={assumed(name, "averageDurationMs")} texts={texts} onChange={onChange} disabled={disabled} />
            <NumberField label={FIELD_LABELS.logBytesPerInvocation} fieldKey={functionKey(name, "logBytesPerInvocation")} placeholder={assumed(name, "logBytesPerInvocation")} texts={texts} onChange={onChange} disabled={disabled} />
          </div>
          {(fn.properties.events ?? []).map((event, i) => (
            <fieldset key={i} className="mt-3 border-t border-slate-100 pt-2">
              <legend className="text-xs text-slate-600">
                Trigger {i + 1}: {describeTrigger(event)}
              </legend>
              <div className="grid gap-3 sm:grid-cols-3">
                <NumberField label={FIELD_LABELS.eventsPerMonth} fieldKey={triggerKey(name, i, "eventsPerMonth")} placeholder={assumed(name, `events[${i}].eventsPerMonth`)} texts={texts} onChange={onChange} disabled={disabled} />
                <NumberField label={FIELD_LABELS.payloadKb} fieldKey={triggerKey(name, i, "payloadKb")} placeholder={assumed(name, `events[${i}].payloadKb`)} texts={texts} onChange={onChange} disabled={disabled} />
              </div>
            </fieldset>
          ))}
        </fieldset>
      ))}
    </div>
  );
}

function NumberField(props: {
  label: string;
  hint?: string;
  fieldKey: FieldKey;
  placeholder: string;
  texts: DraftTexts;
  onChange: (key: FieldKey, text: string) => void;
  disabled?: boolean;
}) {
  const id = useId();
  const text = props.texts[props.fieldKey] ?? "";
  const problem = fieldProblem(props.fieldKey, text);
  const describedBy = problem ? `${id}-error` : props.hint ? `${id}-hint` : undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-slate-700">
        {props.label}
      </label>
      <input
        id={id}
        inputMode="decimal"
        value={text}
        placeholder={props.placeholder}
        onChange={(e) => props.onChange(props.fieldKey, e.target.value)}
        disabled={props.disabled}
        aria-invalid={problem ? true : undefined}
        aria-describedby={describedBy}
        className={`rounded-md border px-2 py-1 text-sm tabular-nums shadow-sm placeholder:text-slate-500 ${problem ? "border-red-500" : "border-slate-300"}`}
      />
      {problem ? (
        <p id={`${id}-error`} role="alert" className="text-xs text-red-600">
          {problem}
        </p>
      ) : props.hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {props.hint}
        </p>
      ) : null}
    </div>
  );
}
