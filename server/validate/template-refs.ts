// Finding and rewriting the references inside CloudFormation values: `Ref`, `Fn::GetAtt` (both
// forms) and the `${Name}` / `${Name.Attr}` tokens of `Fn::Sub`. Shared by the spec validator and
// the nested-stack splitter, so both agree on what "refers to" means.

export type TemplatePath = (string | number)[];

export interface TemplateReference {
  /** Logical id, parameter name or pseudo parameter the value refers to. */
  target: string;
  /** Set for `Fn::GetAtt` and `${Target.Attribute}`. */
  attribute?: string;
  via: "Ref" | "Fn::GetAtt" | "Fn::Sub";
  /** Path of the intrinsic function object holding the reference. */
  path: TemplatePath;
}

export const PSEUDO_PARAMETERS: ReadonlySet<string> = new Set([
  "AWS::AccountId",
  "AWS::NotificationARNs",
  "AWS::NoValue",
  "AWS::Partition",
  "AWS::Region",
  "AWS::StackId",
  "AWS::StackName",
  "AWS::URLSuffix",
]);

export const INTRINSIC_FUNCTIONS: ReadonlySet<string> = new Set([
  "Ref",
  "Condition",
  "Fn::And",
  "Fn::Base64",
  "Fn::Cidr",
  "Fn::Equals",
  "Fn::FindInMap",
  "Fn::ForEach",
  "Fn::GetAZs",
  "Fn::GetAtt",
  "Fn::If",
  "Fn::ImportValue",
  "Fn::Join",
  "Fn::Length",
  "Fn::Not",
  "Fn::Or",
  "Fn::Select",
  "Fn::Split",
  "Fn::Sub",
  "Fn::ToJsonString",
  "Fn::Transform",
]);

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The function name when `value` is a single-key object like `{ "Ref": ... }` or `{ "Fn::Join": ... }`.
 * `{ "Condition": ... }` is only a function inside the Conditions section, so it is not recognised here.
 */
export function intrinsicName(value: unknown): string | undefined {
  if (!isPlainObject(value)) return undefined;
  // Counting keys without Object.keys: this runs on every object of every template walk.
  let only: string | undefined;
  for (const key in value) {
    if (only !== undefined || !Object.hasOwn(value, key)) return undefined;
    only = key;
  }
  return only !== undefined && (only === "Ref" || only.startsWith("Fn::")) ? only : undefined;
}

type SubPart = { text: string } | { name: string };

/** Splits a `Fn::Sub` string into raw text and `${...}` variables; an escaped `${!x}` stays raw text. */
export function parseSubString(source: string): SubPart[] {
  const parts: SubPart[] = [];
  let text = "";
  let i = 0;
  while (i < source.length) {
    const start = source.indexOf("${", i);
    if (start < 0) break;
    const end = source.indexOf("}", start + 2);
    if (end < 0) break;
    text += source.slice(i, start);
    const inner = source.slice(start + 2, end);
    if (inner.startsWith("!")) {
      text += source.slice(start, end + 1);
    } else {
      if (text) parts.push({ text });
      text = "";
      parts.push({ name: inner.trim() });
    }
    i = end + 1;
  }
  text += source.slice(i);
  if (text) parts.push({ text });
  return parts;
}

/** Inverse of parseSubString. */
export function printSubString(parts: readonly SubPart[]): string {
  return parts.map((p) => ("text" in p ? p.text : `\${${p.name}}`)).join("");
}

function splitGetAttString(value: string): [string, string] | undefined {
  const dot = value.indexOf(".");
  return dot > 0 ? [value.slice(0, dot), value.slice(dot + 1)] : undefined;
}

function subVariableReference(name: string, path: TemplatePath): TemplateReference {
  const split = splitGetAttString(name);
  // A pseudo parameter contains "::" but no dot, so it stays a plain Ref.
  return split
    ? { target: split[0], attribute: split[1], via: "Fn::Sub", path }
    : { target: name, via: "Fn::Sub", path };
}

/** Calls `visit` for every reference inside `value`, depth first, in document order. */
export function forEachReference(
  value: unknown,
  path: TemplatePath,
  visit: (ref: TemplateReference) => void,
): void {
  // One path array, extended and shrunk while walking, copied only for the references found.
  walk(value, [...path], visit);
}

function walk(value: unknown, path: TemplatePath, visit: (ref: TemplateReference) => void): void {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      walk(value[i], path, visit);
      path.pop();
    }
    return;
  }
  if (!isPlainObject(value)) return;
  const fn = intrinsicName(value);
  if (fn === "Ref" && typeof value.Ref === "string") {
    visit({ target: value.Ref, via: "Ref", path: [...path] });
    return;
  }
  if (fn === "Fn::GetAtt") {
    const arg = value["Fn::GetAtt"];
    const pair = typeof arg === "string" ? splitGetAttString(arg) : arg;
    if (Array.isArray(pair) && typeof pair[0] === "string") {
      if (typeof pair[1] === "string") visit({ target: pair[0], attribute: pair[1], via: "Fn::GetAtt", path: [...path] });
      else walk(pair[1], [...path, "Fn::GetAtt", 1], visit);
    }
    return;
  }
  if (fn === "Fn::Sub") {
    const arg = value["Fn::Sub"];
    const [source, variables] = Array.isArray(arg) ? arg : [arg, undefined];
    const local = isPlainObject(variables) ? variables : {};
    if (typeof source === "string" && source.includes("${")) {
      for (const part of parseSubString(source)) {
        if ("name" in part && !(part.name in local)) visit(subVariableReference(part.name, [...path]));
      }
    }
    if (isPlainObject(variables)) walk(variables, [...path, "Fn::Sub", 1], visit);
    return;
  }
  for (const key in value) {
    path.push(key);
    walk(value[key], path, visit);
    path.pop();
  }
}

/**
 * Calls `visit` with the target of every reference inside `value`: forEachReference without
 * paths, for walks over whole templates where only "who refers to whom" matters.
 */
export function forEachReferenceTarget(value: unknown, visit: (target: string) => void): void {
  if (typeof value !== "object" || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value) forEachReferenceTarget(item, visit);
    return;
  }
  const object = value as Record<string, unknown>;
  const fn = intrinsicName(object);
  if (fn === "Ref") {
    if (typeof object.Ref === "string") visit(object.Ref);
    return;
  }
  if (fn === "Fn::GetAtt") {
    const arg = object["Fn::GetAtt"];
    const pair = typeof arg === "string" ? splitGetAttString(arg) : arg;
    if (Array.isArray(pair) && typeof pair[0] === "string") {
      if (typeof pair[1] === "string") visit(pair[0]);
      else forEachReferenceTarget(pair[1], visit);
    }
    return;
  }
  if (fn === "Fn::Sub") {
    const arg = object["Fn::Sub"];
    const [source, variables] = Array.isArray(arg) ? arg : [arg, undefined];
    const local = isPlainObject(variables) ? variables : {};
    if (typeof source === "string" && source.includes("${")) {
      for (const part of parseSubString(source)) {
        if ("name" in part && !(part.name in local)) visit(splitGetAttString(part.name)?.[0] ?? part.name);
      }
    }
    forEachReferenceTarget(variables, visit);
    return;
  }
  for (const key in object) forEachReferenceTarget(object[key], visit);
}

/** What a reference becomes: a `Ref` to `target`, or `Fn::GetAtt` of `target.attribute`. */
export interface ReferenceReplacement {
  target: string;
  attribute?: string;
  /** The new reference yields a comma-joined string where the old one yielded a list: split it back. */
  splitList?: boolean;
}

function referenceValue(r: ReferenceReplacement): unknown {
  const value = r.attribute === undefined ? { Ref: r.target } : { "Fn::GetAtt": [r.target, r.attribute] };
  return r.splitList ? { "Fn::Split": [",", value] } : value;
}

/**
 * `value` with every reference for which `replace` returns a replacement rewritten, keeping the
 * form (a `Fn::Sub` variable stays a `Fn::Sub` variable). `value` is not modified; parts with
 * nothing to rewrite are shared with it, not copied, so treat the result as read-only too.
 */
export function rewriteReferences(
  value: unknown,
  replace: (ref: Omit<TemplateReference, "path">) => ReferenceReplacement | undefined,
): unknown {
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item = rewriteReferences(value[i], replace);
      if (item !== value[i]) out ??= value.slice();
      if (out) out[i] = item;
    }
    return out ?? value;
  }
  if (!isPlainObject(value)) return value;
  const fn = intrinsicName(value);
  if (fn === "Ref" && typeof value.Ref === "string") {
    const r = replace({ target: value.Ref, via: "Ref" });
    return r ? referenceValue(r) : value;
  }
  if (fn === "Fn::GetAtt") {
    const arg = value["Fn::GetAtt"];
    const pair = typeof arg === "string" ? splitGetAttString(arg) : arg;
    if (Array.isArray(pair) && typeof pair[0] === "string" && typeof pair[1] === "string") {
      const r = replace({ target: pair[0], attribute: pair[1], via: "Fn::GetAtt" });
      return r ? referenceValue(r) : value;
    }
    if (!Array.isArray(pair)) return value;
    const attribute = rewriteReferences(pair[1], replace);
    return attribute === pair[1] ? value : { "Fn::GetAtt": [pair[0], attribute] };
  }
  if (fn === "Fn::Sub") {
    const arg = value["Fn::Sub"];
    const [source, variables] = Array.isArray(arg) ? arg : [arg, undefined];
    const local = isPlainObject(variables) ? variables : {};
    let changed = false;
    const parts =
      typeof source === "string" && source.includes("${")
        ? parseSubString(source).map((part) => {
            if (!("name" in part) || part.name in local) return part;
            const ref = subVariableReference(part.name, []);
            const r = replace({ target: ref.target, attribute: ref.attribute, via: "Fn::Sub" });
            if (!r) return part;
            changed = true;
            return { name: r.attribute === undefined ? r.target : `${r.target}.${r.attribute}` };
          })
        : [];
    const rewritten = changed ? printSubString(parts) : source;
    const newVariables = Array.isArray(arg) ? rewriteReferences(variables, replace) : undefined;
    if (!changed && newVariables === variables) return value;
    return Array.isArray(arg) ? { "Fn::Sub": [rewritten, newVariables] } : { "Fn::Sub": rewritten };
  }
  let out: Record<string, unknown> | undefined;
  for (const key in value) {
    const child = rewriteReferences(value[key], replace);
    if (child !== value[key]) {
      out ??= { ...value };
      out[key] = child;
    }
  }
  return out ?? value;
}
