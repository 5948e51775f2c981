"use client";
import { missingLogTailReason, type InvokeResult } from "@/lib/logs/invoke";

function pretty(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

const ms = (v: number | undefined) => (v === undefined ? "not reported" : `${v} ms`);

/** What the invocation returned; duration and memory come from the tail log's REPORT line. */
export function InvokeResultPanel({ result }: { result: InvokeResult }) {
  const r = result.report;
  return (
    <section aria-label="Invocation result" className="flex flex-col gap-2 rounded-md border border-slate-200 bg-slate-50 p-3 text-sm">
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        <dt className="text-slate-600">Status code</dt>
        <dd>{result.statusCode ?? "none"}</dd>
        <dt className="text-slate-600">Function error</dt>
        <dd className={result.functionError ? "font-medium text-red-700" : ""}>{result.functionError ?? "none"}</dd>
        <dt className="text-slate-600">Executed version</dt>
        <dd>{result.executedVersion ?? "not reported"}</dd>
        <dt className="text-slate-600">Duration</dt>
        <dd>{ms(r?.durationMs)}</dd>
        <dt className="text-slate-600">Billed duration</dt>
        <dd>{ms(r?.billedDurationMs)}</dd>
        <dt className="text-slate-600">Memory used</dt>
        <dd>{r ? `${r.maxMemoryUsedMb} of ${r.memorySizeMb} MB` : "not reported"}</dd>
        <dt className="text-slate-600">Init duration</dt>
        <dd>{r ? ms(r.initDurationMs) : "not reported"}</dd>
        <dt className="text-slate-600">Round trip</dt>
        <dd>{result.roundTripMs} ms</dd>
      </dl>
      <h4 className="font-medium">Response body</h4>
      <pre aria-label="Response body" className="max-h-64 overflow-auto rounded bg-white p-2 font-mono text-xs">{result.responseBody === null ? "(empty)" : pretty(result.responseBody)}</pre>
      <h4 className="font-medium">Log tail</h4>
      <pre aria-label="Log tail" className="max-h-64 overflow-auto rounded bg-white p-2 font-mono text-xs">{result.logTail || missingLogTailReason(result)}</pre>
    </section>
  );
}
