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
 * The editor's Cost tab: the live estimate of the definition being edited and, while there are
 * unsaved changes, what they add to the saved revision's monthly cost.
 */
export function CostTab({ definition, saved, savedNumber, unsaved, settings }: {
  definition: StackDefinition | null;
  saved: StackDefinition | null;
  savedNumber: number;
  unsaved: boolean;
  settings: EditorCostSettings;
}) {
  const current = useDeferredValue(definition);
  const diff = useMemo(() => {
    if (!unsaved) return null;
    const before = tryEstimate(saved, settings.region, settings.usage, settings.freeTier);
    const after = tryEstimate(current, settings.region, settings.usage, settings.freeTier);
    return before.ok && after.ok ? diffCosts(before.estimate, after.estimate) : null;
  }, [unsaved, saved, current, settings]);
  return (
    <div className="flex flex-col gap-4 p-2">
      {diff ? (
        <CostDiff diff={diff} title={`Unsaved changes against revision ${savedNumber}`} />
      ) : unsaved ? null : (
        <p className="text-sm text-slate-600">No unsaved changes: the estimate below is revision {savedNumber}&apos;s.</p>
      )}
      <CostPanel definition={definition} region={settings.region} usage={settings.usage} freeTier={settings.freeTier} />
      <p className="text-xs text-slate-600">Usage assumptions, region and free tier are set on the stack&apos;s Costs tab.</p>
    </div>
  );
}
