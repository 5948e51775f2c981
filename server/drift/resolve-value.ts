// Resolves a rendered template value to what CloudFormation made of it, as far as the check can
// know: literals as they are, Ref to a resource's physical id, Fn::Sub / Fn::Join over known parts.
// Anything else (GetAtt, Select, imports) is unknown: the caller skips it rather than report a false drift. Pure.
import type { CfValue } from "@/server/render/cfn";

export type Resolved = { known: true; value: unknown } | { known: false };

export interface ResolveScope {
  /** Logical id -> physical id, from DescribeStackResources. */
  physicalIds: Readonly<Record<string, string>>;
  /** Pseudo parameters the check knows (`AWS::Region`, `AWS::StackName`, ...). */
  pseudo: Readonly<Record<string, string>>;
}

const UNKNOWN: Resolved = { known: false };
const known = (value: unknown): Resolved => ({ known: true, value });

function name(scope: ResolveScope, id: string): string | undefined {
  return Object.hasOwn(scope.pseudo, id) ? scope.pseudo[id] : Object.hasOwn(scope.physicalIds, id) ? scope.physicalIds[id] : undefined;
}

function substitute(template: string, scope: ResolveScope, variables: Record<string, unknown>): Resolved {
  let missing = false;
  const value = template.replace(/\$\{([^}!]+)\}/g, (_, id: string) => {
    const v = Object.hasOwn(variables, id) ? variables[id] : name(scope, id);
    if (typeof v !== "string" && typeof v !== "number") missing = true;
    return String(v);
  });
  return missing ? UNKNOWN : known(value);
}

function resolveIntrinsic(key: string, arg: CfValue, scope: ResolveScope): Resolved {
  if (key === "Ref" && typeof arg === "string") {
    const id = name(scope, arg);
    return id === undefined ? UNKNOWN : known(id);
  }
  if (key === "Fn::Sub") {
    if (typeof arg === "string") return substitute(arg, scope, {});
    if (Array.isArray(arg) && typeof arg[0] === "string" && arg[1] && typeof arg[1] === "object" && !Array.isArray(arg[1])) {
      const variables: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(arg[1])) {
        const r = resolveValue(v, scope);
        if (!r.known) return UNKNOWN;
        variables[k] = r.value;
      }
      return substitute(arg[0], scope, variables);
    }
    return UNKNOWN;
  }
  if (key === "Fn::Join" && Array.isArray(arg) && typeof arg[0] === "string" && Array.isArray(arg[1])) {
    const parts = resolveValue(arg[1], scope);
    return parts.known && Array.isArray(parts.value) ? known(parts.value.join(arg[0])) : UNKNOWN;
  }
  return UNKNOWN;
}

export function resolveValue(value: CfValue, scope: ResolveScope): Resolved {
  if (value === null || typeof value !== "object") return known(value);
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value) {
      const r = resolveValue(item, scope);
      if (!r.known) return UNKNOWN;
      out.push(r.value);
    }
    return known(out);
  }
  const keys = Object.keys(value);
  if (keys.length === 1 && (keys[0] === "Ref" || keys[0].startsWith("Fn::"))) return resolveIntrinsic(keys[0], value[keys[0]], scope);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const r = resolveValue(v, scope);
    if (!r.known) return UNKNOWN;
    out[k] = r.value;
  }
  return known(out);
}
