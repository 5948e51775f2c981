"use client";
import { useDeferredValue, useMemo } from "react";
import { diffCosts, type StackUsage } from "@/lib/cost";
import type { StackDefinition } from "@/lib/stack";
import { CostPanel } from "@/components/cost/cost-panel";
import { CostDiff } from "@/components/cost/cost-diff";
import { tryEstimate } from "@/components/cost/estimate";

/** The stack's saved cost settings (Costs tab): the region whose prices apply, usage, free tier. */
export interface EditorCostSettings {
  region: string;
  usage: StackUsage;
  freeTier: boolean;
}

/**
 * The editor's Cost tab: the live estimate of the definition being edited and what the unsaved
 * changes add to the saved revision's monthly cost.
 */
export function CostTab({ definition, saved, savedNumber, settings }: {
  definition: StackDefinition | null;
  saved: StackDefinition | null;
  savedNumber: number;
  settings: EditorCostSettings;
}) {
  const current = useDeferredValue(definition);
  const diff = useMemo(() => {
    const before = tryEstimate(saved, settings.region, settings.usage, settings.freeTier);
    const after = tryEstimate(current, settings.region, settings.usage, settings.freeTier);
    return before.ok && after.ok ? diffCosts(before.estimate, after.estimate) : null;
  }, [saved, current, settings]);
  return (
    <div className="flex flex-col gap-4 p-2">
      {diff ? <CostDiff diff={diff} title={`Unsaved changes against revision ${savedNumber}`} /> : null}
      <CostPanel definition={definition} region={settings.region} usage={settings.usage} freeTier={settings.freeTier} />
      <p className="text-xs text-slate-600">Usage assumptions, region and free tier are set on the stack&apos;s Costs tab.</p>
    </div>
  );
}
