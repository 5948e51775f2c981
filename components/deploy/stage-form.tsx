"use client";
import { useId, useState, type FormEvent } from "react";
import { createStage } from "@/server/actions/stages/create-stage";
import { updateStage } from "@/server/actions/stages/update-stage";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ErrorText } from "@/components/ui/alert";
import { failureOf, useServerAction } from "@/components/ui/use-server-action";

export interface ConnectionOption {
  id: string;
  name: string;
  defaultRegion: string;
}

export interface StageValues {
  id: string;
  name: string;
  awsConnectionId: string | null;
  region: string;
  protected: boolean;
}

/** Creates a stage (no `stage`) or edits one: name, AWS connection, region and the protected flag. */
export function StageForm({
  orgSlug,
  stackId,
  connections,
  stage,
  onDone,
}: {
  orgSlug: string;
  stackId: string;
  connections: ConnectionOption[];
  stage?: StageValues;
  onDone?: () => void;
}) {
  const first = connections[0];
  const [name, setName] = useState(stage?.name ?? "");
  const [connectionId, setConnectionId] = useState(stage?.awsConnectionId ?? first?.id ?? "");
  const [region, setRegion] = useState(stage?.region ?? first?.defaultRegion ?? "");
  const [isProtected, setProtected] = useState(stage?.protected ?? false);
  const create = useServerAction(createStage);
  const update = useServerAction(updateStage);
  const mutation = stage ? update : create;
  const failure = failureOf(mutation.data);
  const fe = failure?.fieldErrors ?? {};
  const connectionSelect = useId();
  const connectionError = useId();

  function chooseConnection(id: string) {
    setConnectionId(id);
    const c = connections.find((x) => x.id === id);
    if (c && !stage) setRegion(c.defaultRegion);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const fields = { orgSlug, name, awsConnectionId: connectionId, region: region.trim() || undefined, protected: isProtected };
    const r = stage ? await update.mutateAsync({ ...fields, stageId: stage.id }) : await create.mutateAsync({ ...fields, stackId });
    if (!r.ok) return;
    if (!stage) {
      setName("");
      setProtected(false);
    }
    onDone?.();
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-3" aria-label={stage ? `Edit stage ${stage.name}` : "New stage"}>
      <div className="flex flex-wrap gap-3">
        <Field label="Stage name" name="name" value={name} onChange={(e) => setName(e.target.value)} error={fe.name} className="w-48" placeholder="dev" />
        <div className="flex flex-col gap-1">
          <label htmlFor={connectionSelect} className="text-sm font-medium text-slate-700">
            AWS connection
          </label>
          <select
            id={connectionSelect}
            className={`w-56 rounded-md border bg-white px-2 py-1.5 text-sm ${fe.awsConnectionId ? "border-red-500" : "border-slate-300"}`}
            value={connectionId}
            onChange={(e) => chooseConnection(e.target.value)}
            aria-invalid={fe.awsConnectionId ? true : undefined}
            aria-describedby={fe.awsConnectionId ? connectionError : undefined}
          >
            {connections.length === 0 ? <option value="">No connections: add one in Settings → AWS</option> : null}
            {connections.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} ({c.defaultRegion})
              </option>
            ))}
          </select>
          {fe.awsConnectionId ? (
            <p id={connectionError} role="alert" className="text-sm text-red-600">
              {fe.awsConnectionId}
            </p>
          ) : null}
        </div>
        <Field label="Region" name="region" value={region} onChange={(e) => setRegion(e.target.value)} error={fe.region} className="w-40" />
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={isProtected} onChange={(e) => setProtected(e.target.checked)} />
        Protected: deploys wait for an admin or owner to approve the change set
      </label>
      {failure && !Object.keys(fe).length ? <ErrorText message={failure.error} /> : null}
      <div className="flex gap-2">
        <Button type="submit" disabled={mutation.isPending}>
          {stage ? "Save stage" : "Add stage"}
        </Button>
        {onDone && stage ? (
          <Button type="button" variant="secondary" onClick={onDone}>
            Cancel
          </Button>
        ) : null}
      </div>
    </form>
  );
}
