"use client";
import { useEffect, useMemo, useState } from "react";
import type { ChangeSetSummary } from "@/server/deploy/change-set";
import type { DeploymentOutputs } from "@/server/deploy/queries";
import type { LocatedCostDifference } from "@/lib/deploy/change-set-costs";
import { isTerminal, type DeploymentOperation, type DeploymentStatus } from "@/lib/deploy/status";
import { DetailsToggle } from "@/components/ui/alert";
import { detailsOf, failingResource, formatDuration, isRollingBack, mergeEvents, progress, resourceRows, rowDuration, type StreamedEvent } from "@/lib/deploy/timeline";
import { ChangeSetTable } from "./change-set-panel";
import { DeploymentCostTable } from "./deployment-cost";
import { DeploymentControls } from "./deployment-controls";
import { StatusBadge, statusLabel } from "./status-badge";
import { ScrollX } from "@/components/ui/scroll-x";

/** The deployment row as the stream's "deployment" messages carry it (dates as ISO strings). */
export interface LiveState {
  status: DeploymentStatus;
  operation: DeploymentOperation;
  error: string | null;
  changeSet: ChangeSetSummary | null;
  outputs: DeploymentOutputs | null;
  createdAt: string;
  finishedAt: string | null;
}

type Connection = "connecting" | "live" | "reconnecting" | "ended";

/** Follows the deployment over SSE from the last event the page was rendered with; reconnects resume after Last-Event-ID. */
function useDeploymentStream(streamUrl: string, initialEvents: StreamedEvent[], initialState: LiveState) {
  const [events, setEvents] = useState(initialEvents);
  const [state, setState] = useState(initialState);
  const [connection, setConnection] = useState<Connection>(isTerminal(initialState.status) ? "ended" : "connecting");
  const [streamError, setStreamError] = useState<string | null>(null);
  // Fixed at the first render: a refresh of the page (after Approve or Cancel) brings new props, and
  // reopening the stream after their last event would skip what arrived in between. The open
  // stream already delivers everything; the browser resumes it after Last-Event-ID on its own.
  const [startAfter] = useState(() => initialEvents.at(-1)?.id ?? "0");
  const [follow] = useState(() => !isTerminal(initialState.status));

  useEffect(() => {
    if (!follow) return;
    const source = new EventSource(`${streamUrl}?after=${startAfter}`);
    source.onopen = () => setConnection("live");
    source.onmessage = (m) => setEvents((known) => mergeEvents(known, [JSON.parse(m.data) as StreamedEvent]));
    source.addEventListener("deployment", (m) => {
      const next = JSON.parse((m as MessageEvent).data) as LiveState | null;
      if (next) setState(next);
    });
    source.addEventListener("end", () => {
      source.close();
      setConnection("ended");
    });
    source.addEventListener("error", (m) => {
      // The server's own "error" message (it closes after it) or the browser losing the connection.
      if (m instanceof MessageEvent && typeof m.data === "string") setStreamError((JSON.parse(m.data) as { message: string }).message);
      setConnection(source.readyState === EventSource.CLOSED ? "ended" : "reconnecting");
    });
    return () => source.close();
  }, [streamUrl, startAfter, follow]);

  return { events, state, connection, streamError };
}

function useNow(running: boolean, renderedAt: number): number {
  const [now, setNow] = useState(renderedAt);
  useEffect(() => {
    if (!running) return;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [running]);
  return now;
}

const CONNECTION_LABEL: Record<Connection, string> = { connecting: "connecting…", live: "live", reconnecting: "reconnecting…", ended: "" };

export function DeploymentLive({
  orgSlug,
  deploymentId,
  initialEvents,
  initialState,
  renderedAt,
  canApprove,
  canCancel,
  cancelRequested,
  cost,
}: {
  orgSlug: string;
  deploymentId: string;
  initialEvents: StreamedEvent[];
  initialState: LiveState;
  renderedAt: number;
  canApprove: boolean;
  canCancel: boolean;
  cancelRequested: boolean;
  /** The deployment's monthly cost difference: on the change-set rows, or on its own while there is no change set. */
  cost: LocatedCostDifference;
}) {
  const { events, state, connection, streamError } = useDeploymentStream(`/api/orgs/${orgSlug}/deployments/${deploymentId}/events`, initialEvents, initialState);
  const ended = isTerminal(state.status);
  const now = useNow(!ended, renderedAt);
  const rows = useMemo(() => resourceRows(events), [events]);
  const failure = useMemo(() => failingResource(events), [events]);
  const rollingBack = useMemo(() => isRollingBack(events), [events]);
  const pipeline = events.filter((e) => e.kind !== "resource");
  const changed = state.changeSet ? state.changeSet.counts.add + state.changeSet.counts.modify + state.changeSet.counts.remove : null;
  const share = progress({ status: state.status, operation: state.operation, changedResources: changed }, rows);
  const elapsed = (state.finishedAt ? Date.parse(state.finishedAt) : now) - Date.parse(state.createdAt);
  const outputs = Object.entries(state.outputs ?? {});

  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby="progress-heading" className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4">
        <div className="flex flex-wrap items-center gap-3">
          <h2 id="progress-heading" className="text-lg font-semibold">
            Progress
          </h2>
          <span role="status" aria-label="Deployment status">
            <StatusBadge status={state.status} />
          </span>
          <span className="text-sm text-slate-600">
            Elapsed <span className="tabular-nums">{formatDuration(Math.max(0, elapsed))}</span>
          </span>
          {connection !== "ended" ? <span className="text-xs text-slate-500">Stream {CONNECTION_LABEL[connection]}</span> : null}
        </div>
        <div
          role="progressbar"
          aria-label="Deployment progress"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(share * 100)}
          aria-valuetext={`${Math.round(share * 100)}%, ${statusLabel(state.status)}`}
          className="h-2 w-full overflow-hidden rounded bg-slate-100"
        >
          <div
            className={`h-full transition-all ${state.status === "failed" || state.status === "rolled_back" ? "bg-red-500" : "bg-indigo-600"}`}
            style={{ width: `${Math.round(share * 100)}%` }}
          />
        </div>
        {failure ? (
          <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
            <p>
              <strong className="font-mono">{failure.logicalId}</strong> ({failure.resourceType}) failed: {failure.reason || failure.status}
            </p>
            {rollingBack ? <p>{ended ? "CloudFormation rolled the stack back." : "CloudFormation is rolling the stack back…"}</p> : null}
          </div>
        ) : state.error ? (
          <>
            <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm whitespace-pre-wrap text-red-800">
              {state.error}
            </p>
            <DetailsToggle details={detailsOf(pipeline.find((e) => e.kind === "status" && e.status === "failed")?.data)} />
          </>
        ) : null}
        {streamError ? <p className="text-sm text-amber-800">The live stream stopped: {streamError} Reload the page to follow again.</p> : null}
        {state.status === "awaiting_approval" ? (
          <p className="text-sm text-amber-900">The stage is protected: the change set below runs once an admin or owner approves it.</p>
        ) : null}
        {!ended ? (
          <DeploymentControls
            orgSlug={orgSlug}
            deploymentId={deploymentId}
            awaitingApproval={state.status === "awaiting_approval"}
            canApprove={canApprove}
            canCancel={canCancel}
            cancelRequested={cancelRequested}
          />
        ) : null}
      </section>

      {state.changeSet ? (
        <section aria-labelledby="change-set-heading" className="flex flex-col gap-2">
          <h2 id="change-set-heading" className="text-lg font-semibold">
            Change set
          </h2>
          <ChangeSetTable changeSet={state.changeSet} cost={cost} />
        </section>
      ) : (
        <section aria-labelledby="cost-difference-heading" className="flex flex-col gap-2">
          <h2 id="cost-difference-heading" className="text-lg font-semibold">
            Cost difference
          </h2>
          <DeploymentCostTable cost={cost} />
        </section>
      )}

      <section aria-labelledby="resources-heading" className="flex flex-col gap-2">
        <h2 id="resources-heading" className="text-lg font-semibold">
          Resources
        </h2>
        {rows.length === 0 ? (
          <p className="text-sm text-slate-600">CloudFormation has not reported on any resource yet.</p>
        ) : (
          <ScrollX>
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Resources of the stack as CloudFormation reports them</caption>
              <thead className="text-xs text-slate-500">
                <tr>
                  <th scope="col" className="py-1 font-medium">Resource</th>
                  <th scope="col" className="py-1 font-medium">Type</th>
                  <th scope="col" className="py-1 font-medium">Status</th>
                  <th scope="col" className="py-1 font-medium">Duration</th>
                  <th scope="col" className="py-1 font-medium">Reason</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rows.map((r) => (
                  <tr key={r.key} className={/FAILED/.test(r.status) ? "bg-red-50" : undefined}>
                    <th scope="row" className="py-1 font-mono text-xs font-normal">
                      {r.logicalId}
                      {r.nestedStack ? <span className="block font-sans text-slate-500">in nested stack {r.nestedStack}</span> : null}
                    </th>
                    <td className="py-1 font-mono text-xs">{r.resourceType}</td>
                    <td className="py-1 font-mono text-xs">{r.status}</td>
                    <td className="py-1 tabular-nums">{formatDuration(rowDuration(r, now))}</td>
                    <td className="py-1 text-xs">{r.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollX>
        )}
      </section>

      {outputs.length > 0 ? (
        <section aria-labelledby="outputs-heading" className="flex flex-col gap-2">
          <h2 id="outputs-heading" className="text-lg font-semibold">
            Outputs
          </h2>
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
            {outputs.map(([key, o]) => (
              <div key={key} className="contents">
                <dt className="text-slate-600">
                  {key}
                  {o.resource ? <span className="text-xs text-slate-500"> ({o.resource})</span> : null}
                </dt>
                <dd className="font-mono text-xs break-all">{o.value}</dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}

      <section aria-labelledby="pipeline-heading" className="flex flex-col gap-2">
        <h2 id="pipeline-heading" className="text-lg font-semibold">
          Pipeline
        </h2>
        <ol aria-label="Pipeline events" className="flex flex-col gap-1 text-sm">
          {pipeline.map((e) => (
            <li key={e.id} className="flex gap-3">
              <time className="shrink-0 text-xs text-slate-500 tabular-nums" dateTime={e.at}>
                {e.at.slice(11, 19)}
              </time>
              <span className="font-medium">{e.kind === "status" ? statusLabel(e.status as DeploymentStatus) : e.kind.replace(/_/g, " ")}</span>
              {e.logicalId ? <span className="font-mono text-xs">{e.logicalId}</span> : null}
              {e.kind !== "status" && e.status ? <span className="font-mono text-xs text-slate-600">{e.status}</span> : null}
              {e.reason ? <span className="whitespace-pre-wrap text-slate-700">{e.reason}</span> : null}
              <DetailsToggle details={detailsOf(e.data)} />
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
