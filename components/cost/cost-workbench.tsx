"use client";
import { useMemo, useState } from "react";
import { applicableUsage, diffCosts, PRICED_REGIONS, type PricedRegion, type StackUsage } from "@/lib/cost";
import type { StackDefinition } from "@/lib/stack";
import { saveCostSettings } from "@/server/actions/cost/save-cost-settings";
import { failureOf, useServerAction } from "@/components/ui/use-server-action";
import { ErrorText } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CostDiff } from "./cost-diff";
import { CostPanel } from "./cost-panel";
import { tryEstimate } from "./estimate";
import { otherUsageKeys, otherUsageYaml, parseOtherUsage } from "./other-usage";
import { UsageEditor } from "./usage-editor";
import { fieldProblem, textsOf, usageOf, type FieldKey } from "./usage-draft";

export interface CostWorkbenchProps {
  orgSlug: string;
  stackId: string;
  latest: { number: number; definition: StackDefinition | null };
  previous: { number: number; definition: StackDefinition | null } | null;
  settings: { region: PricedRegion; freeTier: boolean; usage: StackUsage; dropped: { key: string; reason: string }[]; saved: boolean };
  canEdit: boolean;
}

function triggerCounts(definition: StackDefinition | null): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [name, r] of Object.entries(definition?.resources ?? {})) if (r.type === "function") counts.set(name, r.properties.events?.length ?? 0);
  return counts;
}

/** The Costs page's interactive part: usage assumptions, the live estimate, and the diff against the previous revision. */
export function CostWorkbench({ orgSlug, stackId, latest, previous, settings, canEdit }: CostWorkbenchProps) {
  const counts = useMemo(() => triggerCounts(latest.definition), [latest.definition]);
  const [region, setRegion] = useState<PricedRegion>(settings.region);
  const [freeTier, setFreeTier] = useState(settings.freeTier);
  const [texts, setTexts] = useState(() => textsOf(settings.usage, [...counts.keys()]));
  const [otherText, setOtherText] = useState(() => (latest.definition ? otherUsageYaml(settings.usage, latest.definition) : ""));
  const others = useMemo(() => (latest.definition ? parseOtherUsage(otherText, latest.definition) : null), [otherText, latest.definition]);
  const usage = useMemo(() => {
    const functionsOnly = Object.fromEntries(Object.entries(settings.usage).filter(([key]) => counts.has(key)));
    // While the YAML has problems, the saved entries stay in force.
    const rest = others?.ok ? others.usage : Object.fromEntries(Object.entries(settings.usage).filter(([key]) => !counts.has(key)));
    return { ...usageOf(functionsOnly, texts, counts), ...rest };
  }, [settings.usage, texts, counts, others]);
  const estimate = useMemo(() => tryEstimate(latest.definition, region, usage, freeTier), [latest.definition, region, usage, freeTier]);
  const diff = useMemo(() => {
    if (!previous?.definition || !estimate.ok) return null;
    const before = tryEstimate(previous.definition, region, applicableUsage(usage, previous.definition).usage, freeTier);
    return before.ok ? diffCosts(before.estimate, estimate.estimate) : null;
  }, [previous, region, usage, freeTier, estimate]);
  const mutation = useServerAction(saveCostSettings);
  const failure = failureOf(mutation.data);
  const invalid = Object.entries(texts).some(([key, text]) => fieldProblem(key, text)) || others?.ok === false;

  const edit = (key: FieldKey, text: string) => {
    mutation.reset();
    setTexts((t) => ({ ...t, [key]: text }));
  };

  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby="assumptions" className="flex flex-col gap-3">
        <h2 id="assumptions" className="text-lg font-semibold">
          Usage assumptions (revision {latest.number})
        </h2>
        <p className="text-sm text-slate-600">
          Estimates rest on these figures. Empty fields use the assumption shown in grey: Lambdaplane&apos;s defaults, or what the definition implies
          (a schedule&apos;s rate).{settings.saved ? "" : " Nothing has been saved for this stack yet, so every figure is assumed."}
        </p>
        {settings.dropped.length ? (
          <div role="status" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            Saved assumptions that no longer fit the latest revision are ignored (and dropped at the next save):
            <ul className="list-disc pl-5">
              {settings.dropped.map((d) => (
                <li key={d.key}>
                  <span className="font-mono">{d.key}</span>: {d.reason}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <div className="flex flex-wrap items-end gap-4">
          <div className="flex flex-col gap-1">
            <label htmlFor="cost-region" className="text-sm font-medium text-slate-700">
              Region prices
            </label>
            <select
              id="cost-region"
              value={region}
              onChange={(e) => (mutation.reset(), setRegion(e.target.value as PricedRegion))}
              className="rounded-md border border-slate-300 px-2 py-1.5 text-sm"
            >
              {PRICED_REGIONS.map((r) => (
                <option key={r}>{r}</option>
              ))}
            </select>
          </div>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={freeTier} onChange={(e) => (mutation.reset(), setFreeTier(e.target.checked))} />
            Apply the always-free tier (1M Lambda requests and 400,000 GB-seconds a month)
          </label>
        </div>
        {latest.definition ? (
          <UsageEditor definition={latest.definition} texts={texts} onChange={edit} estimate={estimate.ok ? estimate.estimate : null} disabled={!canEdit} />
        ) : null}
        {latest.definition ? (
          <OtherUsageField
            value={otherText}
            onChange={(text) => (mutation.reset(), setOtherText(text))}
            problems={others?.ok === false ? others.problems : []}
            keys={otherUsageKeys(latest.definition)}
            disabled={!canEdit}
          />
        ) : null}
        {canEdit ? (
          <div className="flex items-center gap-3">
            <Button
              disabled={mutation.isPending || invalid || !latest.definition}
              onClick={() => mutation.mutate({ orgSlug, stackId, region, freeTier, usage: usage as Record<string, unknown> })}
            >
              Save assumptions
            </Button>
            {invalid ? <span className="text-sm text-red-700">Fix the marked fields to save.</span> : null}
            {mutation.data?.ok ? (
              <span role="status" className="text-sm text-emerald-700">
                Saved.
              </span>
            ) : null}
          </div>
        ) : (
          <p className="text-sm text-slate-600">Your role can read these assumptions but not change them.</p>
        )}
        <ErrorText message={failure?.error} />
      </section>

      <CostPanel definition={latest.definition} region={region} usage={usage} freeTier={freeTier} heading={`Estimated monthly cost (revision ${latest.number})`} />

      <section aria-labelledby="cost-diff" className="flex flex-col gap-2">
        <h2 id="cost-diff" className="text-lg font-semibold">
          Cost of the latest change
        </h2>
        {diff && previous ? (
          <CostDiff diff={diff} title={`Revision ${previous.number} → ${latest.number}`} />
        ) : (
          <p className="text-sm text-slate-600">
            {previous ? `Revision ${previous.number} cannot be estimated, so there is nothing to compare with.` : "This is the first revision: there is nothing to compare with."}
          </p>
        )}
      </section>
    </div>
  );
}

function OtherUsageField({ value, onChange, problems, keys, disabled }: { value: string; onChange: (text: string) => void; problems: string[]; keys: string[]; disabled: boolean }) {
  if (keys.length === 0 && value === "") return null;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor="other-usage" className="text-sm font-medium text-slate-700">
        Other resources (YAML, as in a usage file for the CLI)
      </label>
      <textarea
        id="other-usage"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        disabled={disabled}
        rows={Math.min(12, Math.max(3, value.split("\n").length + 1))}
        spellCheck={false}
        aria-invalid={problems.length ? true : undefined}
        aria-describedby={problems.length ? "other-usage-problems" : "other-usage-hint"}
        placeholder={keys[0] ? `${keys[0].split(":")[0]}:\n  ${keys[0].split(": ")[1].split(", ")[0]}: 1000000` : ""}
        className={`rounded-md border px-2 py-1 font-mono text-xs shadow-sm placeholder:text-slate-500 ${problems.length ? "border-red-500" : "border-slate-300"}`}
      />
      {problems.length ? (
        <ul id="other-usage-problems" role="alert" className="text-xs text-red-600">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : (
        <p id="other-usage-hint" className="text-xs text-slate-500">
          Empty means assumed. Fields: {keys.join("; ")}.
        </p>
      )}
    </div>
  );
}
