// Turns zod issues into diagnostics with a path and a message a person can act on.
import { z } from "zod";
import type { Diagnostic } from "./diagnostics";
import type { LocateTarget } from "./locate";

type Path = (string | number)[];

export interface SchemaProblem {
  diagnostic: Diagnostic;
  /** Which part of the source the diagnostic points at. */
  target: LocateTarget;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v = data;
  for (const key of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  // A message repeats at most the start of a long value: a 1 MB string made a 1 MB message.
  if (typeof value === "string") {
    return value.length <= 80 ? `the string ${JSON.stringify(value)}` : `the string ${JSON.stringify(value.slice(0, 40))}… (${value.length.toLocaleString("en-US")} characters)`;
  }
  return `${typeof value} ${String(value)}`;
}

function quote(values: readonly unknown[]): string {
  return values.map((v) => (typeof v === "string" ? `'${v}'` : String(v))).join(", ");
}

/** The object schema at `path`, following the data through unions so the keys are those of the matching option. */
function objectKeysAt(schema: z.ZodType, data: unknown, path: readonly PropertyKey[]): string[] | undefined {
  let s: z.ZodType = schema;
  let d = data;
  let i = 0;
  for (let guard = 0; guard < 200; guard++) {
    if (s instanceof z.ZodOptional) s = s.unwrap() as z.ZodType;
    else if (s instanceof z.ZodLazy) s = s.unwrap() as z.ZodType;
    else if (s instanceof z.ZodDiscriminatedUnion) {
      const disc = s.def.discriminator;
      const tag = (d as Record<string, unknown> | null)?.[disc];
      const option = (s.options as z.ZodType[]).find(
        (o) => o instanceof z.ZodObject && (o.shape[disc] as z.ZodType).safeParse(tag).success,
      );
      if (!option) return undefined;
      s = option;
    } else if (i === path.length) {
      return s instanceof z.ZodObject ? Object.keys(s.shape) : undefined;
    } else if (s instanceof z.ZodObject) {
      s = s.shape[path[i] as string] as z.ZodType;
      if (!s) return undefined;
      d = (d as Record<PropertyKey, unknown>)[path[i++]];
    } else if (s instanceof z.ZodArray) {
      s = s.element as z.ZodType;
      d = (d as unknown[])[path[i++] as number];
    } else if (s instanceof z.ZodRecord) {
      s = s.valueType as z.ZodType;
      d = (d as Record<PropertyKey, unknown>)[path[i++]];
    } else return undefined;
  }
  return undefined;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const next = Math.min(row[j] + 1, row[j - 1] + 1, diag + (a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1));
      diag = row[j];
      row[j] = next;
    }
  }
  return row[b.length];
}

function suggestion(key: string, known: readonly string[]): string | undefined {
  let best: { name: string; d: number } | undefined;
  for (const name of known) {
    const d = editDistance(key, name);
    if (!best || d < best.d) best = { name, d };
  }
  return best && best.d <= Math.max(1, Math.floor(key.length / 3)) ? best.name : undefined;
}

// Keys that are real Stacktape/Lambda ideas but not allowed where they were written.
function knownMisplacement(path: readonly PropertyKey[], key: string, data: unknown): string | undefined {
  const owner = valueAt(data, path.slice(0, -1)) as { type?: unknown } | undefined;
  if (owner?.type === "edge-lambda-function" && path.at(-1) === "properties") {
    if (key === "environment") return "Lambda@Edge functions cannot have environment variables";
    if (key === "architecture") return "Lambda@Edge functions run on x86_64 only";
    if (key === "events") return "edge functions are triggered by a bucket's cdn.edgeFunctions, not by events";
  }
  return undefined;
}

function unknownKeyMessage(schema: z.ZodType, data: unknown, path: readonly PropertyKey[], key: string): string {
  const misplaced = knownMisplacement(path, key, data);
  if (misplaced) return `unknown property '${key}': ${misplaced}`;
  const known = objectKeysAt(schema, data, path);
  const near = known && suggestion(key, known);
  if (near) return `unknown property '${key}' (did you mean '${near}'?)`;
  return known ? `unknown property '${key}'; allowed: ${known.join(", ")}` : `unknown property '${key}'`;
}

function issueMessage(issue: z.core.$ZodIssue, input: unknown): string {
  switch (issue.code) {
    case "invalid_type":
      return `expected ${issue.expected}, got ${describe(input)}`;
    case "too_small": {
      const min = String(issue.minimum);
      if (issue.origin === "array") return `must have at least ${min} item${min === "1" ? "" : "s"}`;
      if (issue.origin === "string") return min === "1" ? "must not be empty" : `must be at least ${min} characters long`;
      return `must be at least ${min} (got ${describe(input)})`;
    }
    case "too_big": {
      const max = String(issue.maximum);
      if (issue.origin === "array") return `must have at most ${max} items`;
      if (issue.origin === "string") return `must be at most ${max} characters long`;
      return `must be at most ${max} (got ${describe(input)})`;
    }
    case "invalid_value":
      return `must be one of ${quote(issue.values)} (got ${describe(input)})`;
    case "invalid_format":
      return issue.message?.startsWith("Invalid") ? `invalid format (got ${describe(input)})` : `${issue.message} (got ${describe(input)})`;
    case "invalid_union": {
      if (issue.discriminator !== undefined && "options" in issue && issue.options) {
        const expected = `expected one of ${quote(issue.options)}`;
        if (input === undefined) return `missing required property '${issue.discriminator}'; ${expected}`;
        return `unknown ${issue.discriminator} ${typeof input === "string" ? `'${input}'` : describe(input)}; ${expected}`;
      }
      // Options that failed on the value's type alone tell what types were acceptable.
      const expected = issue.errors.flatMap((e) =>
        e.length === 1 && e[0].code === "invalid_type" && e[0].path.length === 0 ? [e[0].expected] : [],
      );
      return expected.length === issue.errors.length && expected.length > 0
        ? `expected ${expected.join(" or ")}, got ${describe(input)}`
        : `invalid value ${describe(input)}`;
    }
    default:
      return issue.message;
  }
}

type Bound = z.core.$ZodIssueTooBig | z.core.$ZodIssueTooSmall;
const numericBound = (issue: z.core.$ZodIssue): issue is Bound => (issue.code === "too_big" || issue.code === "too_small") && (issue.origin === "number" || issue.origin === "int");
const tighter = (a: Bound, b: Bound) =>
  a.code === "too_big" ? Number(a.maximum) < Number((b as z.core.$ZodIssueTooBig).maximum) : Number(a.minimum) > Number((b as z.core.$ZodIssueTooSmall).minimum);

/**
 * One bound per side of a number: zod's int() adds the safe-integer range, so memory 1e20 broke
 * both "at most 10240" and "at most 9007199254740991", and the field showed the meaningless one.
 */
function tightestBounds(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  const best = new Map<string, Bound>();
  const key = (i: Bound) => `${i.code} ${JSON.stringify(i.path.map(String))}`;
  for (const i of issues) if (numericBound(i) && (!best.has(key(i)) || tighter(i, best.get(key(i))!))) best.set(key(i), i);
  return issues.filter((i) => !numericBound(i) || best.get(key(i)) === i);
}

/** Diagnostics for every issue zod found in `data` against `schema`. */
export function schemaProblems(schema: z.ZodType, data: unknown, issues: readonly z.core.$ZodIssue[]): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const push = (path: Path, message: string, target: LocateTarget) =>
    problems.push({ diagnostic: { severity: "error", code: "schema", message, path }, target });

  for (const issue of tightestBounds(issues)) {
    const path = issue.path.map((p) => (typeof p === "symbol" ? String(p) : p)) as Path;
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) push([...path, key], unknownKeyMessage(schema, data, issue.path, key), "key");
      continue;
    }
    if (issue.code === "invalid_key") {
      const inner = issue.issues[0];
      const reason = inner && inner.code === "invalid_format" && !inner.message.startsWith("Invalid") ? `: ${inner.message}` : "";
      push(path, `invalid name '${String(path.at(-1))}'${reason}`, "key");
      continue;
    }
    const input = valueAt(data, issue.path);
    if (input === undefined && issue.code === "invalid_type") {
      push(path, `missing required property '${String(path.at(-1))}'`, "key");
      continue;
    }
    push(path, issueMessage(issue, input), "value");
  }
  return problems;
}
