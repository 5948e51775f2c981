"use client";
/**
 * CostPanel: the monthly cost of a stack definition, recomputed in the browser whenever its props
 * change (the pure model in lib/cost; about a millisecond for a 100-function stack, see bench/README.md).
 *
 * Props:
 * - `definition`: the parsed stack definition (`StackDefinition` from lib/stack), or null while the
 *   YAML does not parse; the panel then says there is nothing to estimate.
 * - `region`: an AWS region; lib/cost has prices for us-east-1, us-west-2, eu-west-1, eu-central-1 and
 *   ap-southeast-1, and the panel says so for any other.
 * - `usage` (optional): usage assumptions per resource name (`StackUsage`, lib/cost/usage.ts); what is
 *   missing is assumed, and resources that rely on assumptions are marked.
 * - `freeTier` (optional, default false): apply the always-free allowances.
 * - `heading` (optional): the panel's heading text (default "Estimated monthly cost").
 *
 * Self-contained: no data fetching, no server action; mount it anywhere (editor preview tabs, Costs page).
 */
import { useDeferredValue, useId, useMemo } from "react";
import { formatUsd, usesCopiedPrice, type CostEstimate, type StackUsage } from "@/lib/cost";
import type { StackDefinition } from "@/lib/stack";
import { CostChart } from "./cost-chart";
import { tryEstimate } from "./estimate";
import { ScrollX } from "@/components/ui/scroll-x";

export interface CostPanelProps {
  definition: StackDefinition | null;
  region: string;
  usage?: StackUsage;
  freeTier?: boolean;
  heading?: string;
}

export function CostPanel({ definition, region, usage, freeTier = false, heading = "Estimated monthly cost" }: CostPanelProps) {
  // Typing stays responsive: React may render the panel with the previous definition while the next one estimates.
  const deferred = useDeferredValue(definition);
  const deferredUsage = useDeferredValue(usage);
  const outcome = useMemo(() => tryEstimate(deferred, region, deferredUsage, freeTier), [deferred, region, deferredUsage, freeTier]);
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id={headingId} className="text-lg font-semibold">
        {heading}
      </h2>
      {outcome.ok ? <EstimateView estimate={outcome.estimate} /> : <p className="text-sm text-slate-600">{outcome.message}</p>}
    </section>
  );
}

function EstimateView({ estimate }: { estimate: CostEstimate }) {
  const assumed = estimate.resources.some((r) => r.assumptions.some((a) => a.basis === "default"));
  const copied = estimate.resources.some((r) => r.lineItems.some(usesCopiedPrice));
  return (
    <>
      <p className="flex items-baseline gap-2">
        <output aria-label="Estimated monthly total" className="text-3xl font-semibold tabular-nums">
          {formatUsd(estimate.total)}
        </output>
        <span className="text-sm text-slate-600">
          a month in {estimate.region}
          {estimate.freeTier ? ", free tier applied" : ""}
        </span>
      </p>
      <div className="grid gap-4 lg:grid-cols-2">
        <CostChart title="Per service" bars={Object.entries(estimate.byService).map(([label, value]) => ({ label, value: value ?? 0 }))} />
        <CostChart title="Per resource" bars={estimate.resources.map((r) => ({ label: r.resource, value: r.monthly }))} />
      </div>
      <ResourceTable estimate={estimate} />
      {assumed ? <p className="text-xs text-slate-600">* uses assumed usage (Lambdaplane defaults): set your own figures in the usage assumptions.</p> : null}
      {copied ? (
        <p className="text-xs text-slate-600">† uses a price not confirmed for {estimate.region} (copied from another region), so its cost may differ.</p>
      ) : null}
      {estimate.notes.length ? (
        <ul className="list-disc pl-5 text-xs text-slate-600">
          {estimate.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

function ResourceTable({ estimate }: { estimate: CostEstimate }) {
  return (
    <ScrollX>
      <table className="w-full text-sm">
        <caption className="sr-only">Monthly cost per resource</caption>
        <thead>
          <tr className="border-b border-slate-200 text-left text-slate-600">
            <th scope="col" className="py-1 pr-3 font-medium">Resource</th>
            <th scope="col" className="py-1 pr-3 font-medium">Service</th>
            <th scope="col" className="py-1 text-right font-medium">Monthly</th>
          </tr>
        </thead>
        <tbody>
          {estimate.resources.map((r) => (
            <tr key={`${r.kind}:${r.resource}`} className="border-b border-slate-100 align-top">
              <th scope="row" className="py-1 pr-3 text-left font-normal">
                <details>
                  <summary className="cursor-pointer font-mono">
                    {r.resource}
                    {r.assumptions.some((a) => a.basis === "default") ? <span title="uses assumed usage"> *</span> : null}
                    {r.lineItems.some(usesCopiedPrice) ? <span title="uses a price copied from another region"> †</span> : null}
                  </summary>
                  <ul className="mt-1 flex flex-col gap-0.5 text-xs text-slate-600">
                    {r.lineItems.map((item, i) => (
                      <li key={`${i}:${item.description}`}>
                        {item.description}: {formatUsd(item.monthly)}
                        {usesCopiedPrice(item) ? " (price copied from another region)" : ""}
                      </li>
                    ))}
                    {r.assumptions.map((a) => (
                      <li key={a.field} className="italic">
                        Assumption: {a.note}
                      </li>
                    ))}
                  </ul>
                </details>
              </th>
              <td className="py-1 pr-3 text-slate-600">{r.service}</td>
              <td className="py-1 text-right tabular-nums">{formatUsd(r.monthly)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollX>
  );
}
