// connectTo, allowAccessTo and raw IAM statements: shared by functions and edge functions.
import { ALLOW_ACCESS_TO_TYPES, CONNECT_TO_ENV_PARAMS, CONNECT_TO_SERVICE_MACROS, type ConnectableResourceType } from "../directives";
import type { StpIamRoleStatement } from "../schema";
import type { Path, RuleContext } from "./context";

const CONNECTABLE_TYPES = Object.keys(CONNECT_TO_ENV_PARAMS) as ConnectableResourceType[];

export function checkConnectTo(ctx: RuleContext, path: Path, entries: readonly string[] | undefined, selfName: string): void {
  (entries ?? []).forEach((entry, i) => {
    const at = [...path, i];
    if (entry.startsWith("aws:")) {
      if (!(CONNECT_TO_SERVICE_MACROS as readonly string[]).includes(entry)) {
        ctx.report(at, "reference", `unknown AWS service macro '${entry}'; supported: ${CONNECT_TO_SERVICE_MACROS.join(", ")}`);
      }
      return;
    }
    if (entry === selfName) {
      ctx.report(at, "reference", "a resource cannot connect to itself");
      return;
    }
    ctx.expectResource(at, entry, CONNECTABLE_TYPES, "connectTo target");
  });
  reportRepeated(ctx, path, entries);
}

export function checkAllowAccessTo(ctx: RuleContext, path: Path, entries: readonly string[] | undefined, selfName: string): void {
  (entries ?? []).forEach((entry, i) => {
    if (entry === selfName) ctx.report([...path, i], "reference", "a function cannot grant access to itself");
    else ctx.expectResource([...path, i], entry, ALLOW_ACCESS_TO_TYPES, "allowAccessTo target");
  });
  reportRepeated(ctx, path, entries);
}

function reportRepeated(ctx: RuleContext, path: Path, entries: readonly string[] | undefined): void {
  (entries ?? []).forEach((entry, i) => {
    if (entries!.indexOf(entry) !== i) ctx.report([...path, i], "duplicate", `'${entry}' is listed twice`, "warning");
  });
}

export function checkIamStatements(ctx: RuleContext, path: Path, statements: readonly StpIamRoleStatement[] | undefined): void {
  (statements ?? []).forEach((s, i) => {
    if (!s.Action || s.Action.length === 0) ctx.report([...path, i, "Action"], "syntax", "an IAM statement needs at least one Action");
  });
}
