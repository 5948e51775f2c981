// The AWS::Lambda::Permission resources rendered for one function (or alias) against the function's
// resource policy as it runs (GetPolicy): a trigger's grant removed outside, or a grant added
// outside (another account or service allowed to invoke), is drift. Statements are matched by what
// they allow (action, principal, source ARN and account), never by statement id, whose form
// CloudFormation does not promise. Pure.
import type { CfValue } from "@/server/render/cfn";
import { resolveValue, type ResolveScope } from "./resolve-value";
import { RESOURCE_GONE, type DriftComparison } from "./types";

/** One statement of a Lambda resource policy, as GetPolicy returns it (JSON). */
export interface PolicyStatement {
  Sid?: unknown;
  Effect?: unknown;
  Principal?: unknown;
  Action?: unknown;
  Condition?: unknown;
}

/** What one statement (or one rendered permission) allows. Undefined fields: not part of the grant. */
interface Grant {
  action: string;
  principal: string;
  sourceArn?: string;
  sourceAccount?: string;
}

const firstString = (v: unknown): string | undefined => (typeof v === "string" ? v : Array.isArray(v) && typeof v[0] === "string" ? v[0] : undefined);

/** `{ Service: "events.amazonaws.com" }`, `{ AWS: "arn:aws:iam::123:root" }` or `"*"` as AddPermission's principal. */
function principalOf(p: unknown): string | undefined {
  if (typeof p === "string") return p;
  if (!p || typeof p !== "object") return undefined;
  const o = p as Record<string, unknown>;
  const service = firstString(o.Service);
  if (service) return service;
  const aws = firstString(o.AWS);
  return aws?.replace(/^arn:aws[\w-]*:iam::(\d{12}):root$/, "$1");
}

function conditionValue(condition: unknown, key: string): string | undefined {
  if (!condition || typeof condition !== "object") return undefined;
  for (const operator of Object.values(condition as Record<string, unknown>)) {
    if (operator && typeof operator === "object" && Object.hasOwn(operator, key)) return firstString((operator as Record<string, unknown>)[key]);
  }
  return undefined;
}

/** The grant a live statement makes; null for statements that deny or that this check does not read. */
export function grantOfStatement(s: PolicyStatement): Grant | null {
  const action = firstString(s.Action);
  const principal = principalOf(s.Principal);
  if (s.Effect !== "Allow" || !action || !principal) return null;
  const sourceArn = conditionValue(s.Condition, "AWS:SourceArn");
  const sourceAccount = conditionValue(s.Condition, "AWS:SourceAccount");
  return { action, principal, ...(sourceArn ? { sourceArn } : {}), ...(sourceAccount ? { sourceAccount } : {}) };
}

export const describeGrant = (g: Grant) =>
  `${g.action} by ${g.principal}${g.sourceArn ? ` from ${g.sourceArn}` : ""}${g.sourceAccount ? ` (account ${g.sourceAccount})` : ""}`;

/** A rendered permission's grant; `unknownSource` when CloudFormation resolves its source ARN (then any source matches). */
type RenderedGrant = { logicalId: string; grant: Grant; unknownSource: boolean } | { logicalId: string; grant: null };

function renderedGrant(logicalId: string, props: Readonly<Record<string, CfValue>>, scope: ResolveScope): RenderedGrant {
  const field = (v: CfValue | undefined) => (v === undefined ? { known: true as const, value: undefined } : resolveValue(v, scope));
  const action = field(props.Action);
  const principal = field(props.Principal);
  const sourceArn = field(props.SourceArn);
  const sourceAccount = field(props.SourceAccount);
  if (!action.known || !principal.known || typeof action.value !== "string" || typeof principal.value !== "string" || !sourceAccount.known) {
    return { logicalId, grant: null };
  }
  const grant: Grant = { action: action.value, principal: principal.value };
  if (sourceArn.known && typeof sourceArn.value === "string") grant.sourceArn = sourceArn.value;
  if (typeof sourceAccount.value === "string") grant.sourceAccount = sourceAccount.value;
  return { logicalId, grant, unknownSource: !sourceArn.known };
}

function matches(live: Grant, rendered: Grant, unknownSource: boolean): boolean {
  return (
    live.action === rendered.action &&
    live.principal === rendered.principal &&
    (unknownSource || live.sourceArn === rendered.sourceArn) &&
    live.sourceAccount === rendered.sourceAccount
  );
}

/**
 * `permissions`: the rendered Permission resources whose FunctionName points at `target` (a function
 * or alias logical id). `live`: the target's policy statements (empty when it has no policy).
 */
export function comparePermissions(
  target: string,
  permissions: readonly [string, Readonly<Record<string, CfValue>>][],
  live: readonly PolicyStatement[],
  scope: ResolveScope,
): DriftComparison {
  const out: DriftComparison = { drifts: [], unknown: [] };
  const liveGrants = live.map((s) => ({ sid: typeof s.Sid === "string" ? s.Sid : "(no id)", grant: grantOfStatement(s), used: false }));
  const rendered = permissions.map(([id, props]) => renderedGrant(id, props, scope));
  // Exact grants claim their statements before those whose source ARN only CloudFormation knows.
  const ordered = [...rendered.filter((r) => r.grant && !r.unknownSource), ...rendered.filter((r) => r.grant && r.unknownSource)];
  for (const r of rendered) {
    if (!r.grant) out.unknown.push({ resource: r.logicalId, property: "Grant", reason: "CloudFormation resolves this permission's principal or action when it deploys" });
  }
  for (const r of ordered) {
    if (!r.grant) continue;
    const found = liveGrants.find((l) => !l.used && l.grant && matches(l.grant, r.grant!, r.unknownSource));
    if (found) found.used = true;
    else out.drifts.push({ resource: r.logicalId, property: RESOURCE_GONE, deployed: describeGrant(r.grant), live: null });
    if (r.unknownSource) out.unknown.push({ resource: r.logicalId, property: "SourceArn", reason: "CloudFormation resolves this value when it deploys" });
  }
  for (const l of liveGrants) {
    if (!l.used && l.grant) out.drifts.push({ resource: target, property: `Policy.${l.sid}`, deployed: null, live: describeGrant(l.grant) });
  }
  return out;
}
