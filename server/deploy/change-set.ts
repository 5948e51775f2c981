import type { Change } from "@aws-sdk/client-cloudformation";

// A CloudFormation change set as the deploy preview shows it: per resource, add / modify / remove
// and whether the resource is replaced. Pure.

export type ChangeAction = "add" | "modify" | "remove" | "import" | "dynamic";
/** CloudFormation's Replacement: True, False, Conditional (depends on a value only known at deploy time). */
export type Replacement = "yes" | "no" | "conditional";

export interface ResourceChange {
  action: ChangeAction;
  logicalId: string;
  resourceType: string;
  physicalId?: string;
  /** Only for modifications. */
  replacement?: Replacement;
  /** Properties (and other attributes) the modification touches, sorted. */
  changed: string[];
  /**
   * Property-level values, where the endpoint gives them (DescribeChangeSet IncludePropertyValues;
   * not moto): each property path with its value before and after, at most MAX_VALUES per resource.
   */
  values?: PropertyValueChange[];
}

export interface PropertyValueChange {
  path: string;
  before: string | null;
  after: string | null;
}

export const MAX_VALUES = 20;
const MAX_VALUE_CHARS = 300;
const cut = (v: string | undefined) => (v === undefined ? null : v.length <= MAX_VALUE_CHARS ? v : `${v.slice(0, MAX_VALUE_CHARS)}…`);

export interface ChangeSetSummary {
  changeSetName: string;
  changeSetId: string;
  type: "CREATE" | "UPDATE";
  changes: ResourceChange[];
  counts: { add: number; modify: number; remove: number; replace: number };
  /** The stack resource each output describes (output key -> resource name), for the outputs view. */
  outputResources: Record<string, string>;
}

const ACTIONS: Record<string, ChangeAction> = { Add: "add", Modify: "modify", Remove: "remove", Import: "import", Dynamic: "dynamic" };
const REPLACEMENTS: Record<string, Replacement> = { True: "yes", False: "no", Conditional: "conditional" };

export function summarizeChanges(changes: readonly Change[]): ResourceChange[] {
  const out: ResourceChange[] = [];
  for (const change of changes) {
    const rc = change.ResourceChange;
    if (change.Type !== "Resource" || !rc?.LogicalResourceId) continue;
    const action = ACTIONS[rc.Action ?? ""] ?? "dynamic";
    const changed = new Set<string>();
    const values = new Map<string, PropertyValueChange>();
    for (const d of rc.Details ?? []) {
      const t = d.Target;
      if (!t) continue;
      changed.add(t.Attribute === "Properties" && t.Name ? t.Name : (t.Name ?? t.Attribute ?? ""));
      const path = t.Path ?? t.Name;
      if (path && (t.BeforeValue !== undefined || t.AfterValue !== undefined) && values.size < MAX_VALUES) {
        values.set(path, { path, before: cut(t.BeforeValue), after: cut(t.AfterValue) });
      }
    }
    changed.delete("");
    out.push({
      action,
      logicalId: rc.LogicalResourceId,
      resourceType: rc.ResourceType ?? "",
      ...(rc.PhysicalResourceId ? { physicalId: rc.PhysicalResourceId } : {}),
      ...(action === "modify" ? { replacement: REPLACEMENTS[rc.Replacement ?? ""] ?? "no" } : {}),
      changed: [...changed].sort(),
      ...(values.size > 0 ? { values: [...values.values()].sort((a, b) => a.path.localeCompare(b.path)) } : {}),
    });
  }
  return out.sort((a, b) => (a.logicalId < b.logicalId ? -1 : a.logicalId > b.logicalId ? 1 : 0));
}

export function countChanges(changes: readonly ResourceChange[]): ChangeSetSummary["counts"] {
  return {
    add: changes.filter((c) => c.action === "add").length,
    modify: changes.filter((c) => c.action === "modify").length,
    remove: changes.filter((c) => c.action === "remove").length,
    replace: changes.filter((c) => c.replacement === "yes" || c.replacement === "conditional").length,
  };
}

/** CloudFormation's ways of saying an update would change nothing. */
export function isNoChangeReason(reason: string | undefined): boolean {
  return /didn't contain changes|No updates are to be performed/i.test(reason ?? "");
}
