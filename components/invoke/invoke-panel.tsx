"use client";
import { useEffect, useId, useRef, useState } from "react";
import { INVOKE_ANCHOR } from "@/lib/functions/links";
import { useMutation } from "@tanstack/react-query";
import { payloadProblem } from "@/lib/invoke/payload";
import type { InvokeResult } from "@/lib/logs/invoke";
import type { SavedPayloadView } from "@/server/invoke/saved-payloads";
import { savePayload } from "@/server/actions/invoke/save-payload";
import { deletePayload } from "@/server/actions/invoke/delete-payload";
import { failureOf, useServerAction } from "@/components/ui/use-server-action";
import { Button } from "@/components/ui/button";
import { ErrorText } from "@/components/ui/alert";
import { RequestError, requestJson } from "@/lib/http/request-json";
import { InvokeResultPanel } from "./invoke-result";

export interface TemplateOption {
  id: string;
  label: string;
  payload: string;
}

const TYPES = [
  { value: "RequestResponse", label: "RequestResponse (wait for the result)" },
  { value: "Event", label: "Event (asynchronous)" },
  { value: "DryRun", label: "DryRun (check permissions only)" },
] as const;
type InvocationType = (typeof TYPES)[number]["value"];

const invoke = (url: string, body: { function: string; type: InvocationType; payload: string }) => requestJson<InvokeResult>(url, { method: "POST", body: JSON.stringify(body) });

/** Test invoke of one deployed function: payload editor, templates, saved payloads, invocation type, result. */
export function InvokePanel({
  orgSlug,
  stackId,
  stageId,
  functionName,
  templates,
  saved,
  canInvoke,
  initialPayload,
}: {
  orgSlug: string;
  stackId: string;
  stageId: string;
  functionName: string;
  templates: TemplateOption[];
  saved: SavedPayloadView[];
  canInvoke: boolean;
  /** A payload to start with ("Invoke with this event" from a log line): the panel then scrolls into view with it. */
  initialPayload?: string;
}) {
  const id = useId();
  const [payload, setPayload] = useState(initialPayload ?? "{}");
  const editor = useRef<HTMLTextAreaElement>(null);
  const seeded = initialPayload !== undefined;
  useEffect(() => {
    if (!seeded) return;
    editor.current?.scrollIntoView({ block: "center" });
    editor.current?.focus({ preventScroll: true });
  }, [seeded]);
  const [type, setType] = useState<InvocationType>("RequestResponse");
  const [name, setName] = useState("");
  const run = useMutation({ mutationFn: (body: Parameters<typeof invoke>[1]) => invoke(`/api/orgs/${orgSlug}/stages/${stageId}/invoke`, body) });
  const save = useServerAction(savePayload);
  const remove = useServerAction(deletePayload);
  const problem = payloadProblem(payload, type);
  const mine = saved.filter((p) => p.functionName === functionName);

  if (!canInvoke) {
    return (
      <section id={INVOKE_ANCHOR} aria-labelledby={`${id}-h`} className="rounded-lg border border-slate-200 bg-white p-4">
        <h3 id={`${id}-h`} className="text-base font-semibold">
          Test invoke
        </h3>
        <p className="text-sm text-slate-600">Your role cannot invoke functions; owners, admins and deployers can.</p>
      </section>
    );
  }

  const saveFailure = failureOf(save.data);
  const runFailure = run.error instanceof RequestError ? run.error : null;
  return (
    <section id={INVOKE_ANCHOR} aria-labelledby={`${id}-h`} className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4">
      <h3 id={`${id}-h`} className="text-base font-semibold">
        Test invoke {functionName}
      </h3>
      <div className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col text-sm font-medium text-slate-700" htmlFor={`${id}-tpl`}>
          Event template
          <select
            id={`${id}-tpl`}
            className="rounded-md border border-slate-300 px-2 py-1.5 text-sm font-normal"
            value=""
            onChange={(e) => {
              const t = templates.find((x) => x.id === e.target.value);
              if (t) setPayload(t.payload);
            }}
          >
            <option value="">Choose a template…</option>
            {templates.map((t) => (
              <option key={t.id} value={t.id}>
                {t.label}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-sm font-medium text-slate-700" htmlFor={`${id}-saved`}>
          Saved payloads
          <select
            id={`${id}-saved`}
            className="rounded-md border border-slate-300 px-2 py-1.5 text-sm font-normal"
            value=""
            disabled={mine.length === 0}
            onChange={(e) => {
              const p = mine.find((x) => x.id === e.target.value);
              if (p) {
                setPayload(p.payload);
                setName(p.name);
              }
            }}
          >
            <option value="">{mine.length === 0 ? "None saved yet" : "Load a saved payload…"}</option>
            {mine.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label className="flex flex-col text-sm font-medium text-slate-700" htmlFor={`${id}-payload`}>
        Payload (JSON)
        <textarea
          id={`${id}-payload`}
          ref={editor}
          className={`h-48 rounded-md border px-3 py-2 font-mono text-xs font-normal ${problem ? "border-red-500" : "border-slate-300"}`}
          spellCheck={false}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-payload-error` : undefined}
          value={payload}
          onChange={(e) => setPayload(e.target.value)}
        />
      </label>
      {problem ? (
        <p id={`${id}-payload-error`} role="alert" className="text-sm text-red-600">
          {problem}
        </p>
      ) : null}
      <fieldset className="flex flex-wrap gap-4 text-sm">
        <legend className="font-medium text-slate-700">Invocation type</legend>
        {TYPES.map((t) => (
          <label key={t.value} className="flex items-center gap-1">
            <input type="radio" name={`${id}-type`} value={t.value} checked={type === t.value} onChange={() => setType(t.value)} />
            {t.label}
          </label>
        ))}
      </fieldset>
      <div className="flex flex-wrap items-end gap-2">
        <Button disabled={problem !== null || run.isPending} onClick={() => run.mutate({ function: functionName, type, payload })}>
          {run.isPending ? "Invoking…" : "Invoke"}
        </Button>
        <label className="ml-4 flex flex-col text-sm font-medium text-slate-700" htmlFor={`${id}-name`}>
          Save as
          <input id={`${id}-name`} className="rounded-md border border-slate-300 px-2 py-1.5 text-sm font-normal" value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <Button variant="secondary" disabled={problem !== null || save.isPending} onClick={() => save.mutate({ orgSlug, stackId, functionName, name, payload })}>
          Save payload
        </Button>
        {mine.some((p) => p.name === name.trim()) ? (
          <Button variant="ghost" disabled={remove.isPending} onClick={() => remove.mutate({ orgSlug, payloadId: mine.find((p) => p.name === name.trim())!.id })}>
            Delete saved payload
          </Button>
        ) : null}
      </div>
      <ErrorText message={saveFailure ? (saveFailure.fieldErrors?.name ?? saveFailure.fieldErrors?.payload ?? saveFailure.error) : null} />
      {save.data?.ok ? <p role="status" className="text-sm text-slate-700">Saved &quot;{save.data.data.name}&quot;.</p> : null}
      <ErrorText message={runFailure ? (runFailure.fieldErrors.payload ?? runFailure.message) : run.error ? String(run.error) : null} details={runFailure?.details} />
      {run.data ? <InvokeResultPanel result={run.data} /> : null}
    </section>
  );
}
