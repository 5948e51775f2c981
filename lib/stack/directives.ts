// Directives are whole-string values that the renderer replaces: $ResourceParam('name','param'),
// $CfResourceParam('LogicalId','Attribute') and $Secret('name.key'). This module parses them and says
// which parameters each resource type exposes.
import type { StackResourceType } from "./schema";

export type Directive =
  | { kind: "ResourceParam"; resourceName: string; param: string }
  | { kind: "CfResourceParam"; logicalId: string; attribute: string }
  | { kind: "Secret"; secretName: string; jsonKey?: string };

export type DirectiveParseResult = { ok: true; directive: Directive } | { ok: false; message: string };

const DIRECTIVE_NAMES = ["ResourceParam", "CfResourceParam", "Secret"] as const;

/** Looks like a call (`$Name(`) or starts with a known directive name; anything else is a plain string. */
function looksLikeDirective(value: string): boolean {
  if (/^\s*\$[A-Za-z_][A-Za-z0-9_]*\s*\(/.test(value)) return true;
  const lower = value.trimStart().toLowerCase();
  return DIRECTIVE_NAMES.some((n) => lower.startsWith(`$${n.toLowerCase()}`));
}

/** Splits `'a', "b"` into ["a","b"]; undefined if an argument is unquoted or a quote is unbalanced. */
function parseArguments(text: string): string[] | undefined {
  const args: string[] = [];
  let rest = text.trim();
  if (rest === "") return args;
  for (;;) {
    const m = /^(['"])(.*?)\1\s*/.exec(rest);
    if (!m) return undefined;
    args.push(m[2]);
    rest = rest.slice(m[0].length);
    if (rest === "") return args;
    if (!rest.startsWith(",")) return undefined;
    rest = rest.slice(1).trimStart();
  }
}

const RESOURCE_NAME = /^[A-Za-z][A-Za-z0-9]*$/;
const LOGICAL_ID = /^[A-Za-z0-9]+$/;
// GetAtt attribute names may be dotted, e.g. Endpoint.Address.
const ATTRIBUTE = /^[A-Za-z0-9]+(\.[A-Za-z0-9]+)*$/;
// Secrets Manager secret names: letters, digits and /_+=@- (dots would be ambiguous with the key separator).
const SECRET_NAME = /^[A-Za-z0-9/_+=@-]+$/;
const SECRET_KEY = /^[^:{}\s]+$/;

const USAGE: Record<(typeof DIRECTIVE_NAMES)[number], string> = {
  ResourceParam: "$ResourceParam('resourceName', 'param')",
  CfResourceParam: "$CfResourceParam('LogicalId', 'Attribute')",
  Secret: "$Secret('secret-name.json-key') or $Secret('secret-name')",
};

/**
 * Parses a directive string. Returns null when the value is not a directive at all (e.g. `$request.header.x`),
 * `{ ok: false, message }` when it is a malformed or unknown directive.
 */
export function parseDirective(value: string): DirectiveParseResult | null {
  if (!looksLikeDirective(value)) return null;
  const m = /^\s*\$([A-Za-z_][A-Za-z0-9_]*)\s*\(([\s\S]*)\)\s*$/.exec(value);
  const rawName = /^\s*\$([A-Za-z_][A-Za-z0-9_]*)/.exec(value)?.[1] ?? "";
  const name = DIRECTIVE_NAMES.find((n) => n === rawName);
  if (!name) {
    const near = DIRECTIVE_NAMES.find((n) => n.toLowerCase() === rawName.toLowerCase());
    return {
      ok: false,
      message: near
        ? `unknown directive $${rawName}; directive names are case-sensitive: did you mean $${near}?`
        : `unknown directive $${rawName}; supported: $ResourceParam, $CfResourceParam, $Secret`,
    };
  }
  const args = m ? parseArguments(m[2]) : undefined;
  if (!args) return { ok: false, message: `malformed $${name}: expected ${USAGE[name]}, each argument quoted` };

  switch (name) {
    case "ResourceParam": {
      if (args.length !== 2) return { ok: false, message: `$ResourceParam takes 2 arguments, got ${args.length}: ${USAGE[name]}` };
      const [resourceName, param] = args;
      if (!RESOURCE_NAME.test(resourceName)) return { ok: false, message: `$ResourceParam: '${resourceName}' is not a valid resource name` };
      if (!/^[A-Za-z]+$/.test(param)) return { ok: false, message: `$ResourceParam: '${param}' is not a valid parameter name` };
      return { ok: true, directive: { kind: "ResourceParam", resourceName, param } };
    }
    case "CfResourceParam": {
      if (args.length !== 2) return { ok: false, message: `$CfResourceParam takes 2 arguments, got ${args.length}: ${USAGE[name]}` };
      const [logicalId, attribute] = args;
      if (!LOGICAL_ID.test(logicalId)) return { ok: false, message: `$CfResourceParam: '${logicalId}' is not a valid logical id` };
      if (!ATTRIBUTE.test(attribute)) return { ok: false, message: `$CfResourceParam: '${attribute}' is not a valid attribute name` };
      return { ok: true, directive: { kind: "CfResourceParam", logicalId, attribute } };
    }
    case "Secret": {
      if (args.length !== 1) return { ok: false, message: `$Secret takes 1 argument, got ${args.length}: ${USAGE[name]}` };
      const dot = args[0].indexOf(".");
      const secretName = dot === -1 ? args[0] : args[0].slice(0, dot);
      const jsonKey = dot === -1 ? undefined : args[0].slice(dot + 1);
      if (!SECRET_NAME.test(secretName)) return { ok: false, message: `$Secret: '${secretName}' is not a valid secret name (letters, digits and /_+=@-)` };
      if (jsonKey !== undefined && !SECRET_KEY.test(jsonKey)) return { ok: false, message: `$Secret: '${jsonKey}' is not a valid JSON key` };
      return { ok: true, directive: jsonKey === undefined ? { kind: "Secret", secretName } : { kind: "Secret", secretName, jsonKey } };
    }
  }
}

/** The CloudFormation dynamic reference for a secret: resolved by CloudFormation at deploy time, never stored. */
export function secretDynamicReference(d: { secretName: string; jsonKey?: string }): string {
  return d.jsonKey === undefined
    ? `{{resolve:secretsmanager:${d.secretName}}}`
    : `{{resolve:secretsmanager:${d.secretName}:SecretString:${d.jsonKey}}}`;
}

export interface DirectiveOccurrence {
  path: (string | number)[];
  value: string;
  result: DirectiveParseResult;
}

/** Every directive-looking string anywhere in a value, with its path (depth-first, in key order). */
export function collectDirectives(value: unknown, path: (string | number)[] = []): DirectiveOccurrence[] {
  const found: DirectiveOccurrence[] = [];
  const visit = (v: unknown, p: (string | number)[]) => {
    if (typeof v === "string") {
      const result = parseDirective(v);
      if (result) found.push({ path: p, value: v, result });
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => visit(item, [...p, i]));
    } else if (v !== null && typeof v === "object") {
      for (const [k, item] of Object.entries(v)) visit(item, [...p, k]);
    }
  };
  visit(value, path);
  return found;
}

/** Parameters `$ResourceParam('<name>', '<param>')` can read, per resource type, with what they hold. */
export const REFERENCEABLE_PARAMS = {
  function: {
    arn: "ARN of the function",
    logGroupArn: "ARN of the log group aggregating the function's logs",
  },
  "edge-lambda-function": {
    arn: "ARN of the function",
  },
  "http-api-gateway": {
    id: "ID of the HTTP API",
    url: "URL of the API's default stage (https://<id>.execute-api.<region>.amazonaws.com)",
  },
  bucket: {
    name: "Name of the bucket",
    arn: "ARN of the bucket",
  },
  "event-bus": {
    arn: "ARN of the event bus",
    name: "Name of the event bus",
  },
  "user-auth-pool": {
    id: "ID of the user pool",
    clientId: "ID of the user pool client",
    arn: "ARN of the user pool",
  },
  "dynamo-db-table": {
    name: "Name of the table",
    arn: "ARN of the table",
    streamArn: "ARN of the table's stream (needs streamType)",
  },
  "application-load-balancer": {
    arn: "ARN of the load balancer",
    dnsName: "DNS name of the load balancer",
  },
} as const satisfies Record<StackResourceType, Record<string, string>>;

export type ReferenceableParam<T extends StackResourceType> = keyof (typeof REFERENCEABLE_PARAMS)[T];

export function isReferenceableParam(type: StackResourceType, param: string): boolean {
  return Object.hasOwn(REFERENCEABLE_PARAMS[type], param);
}

/**
 * Environment variables `connectTo` injects (seed 001), per target type: variable suffix -> referenceable param.
 * The variable is STP_<RESOURCE_NAME>_<SUFFIX>; edge functions get the permissions but no variables.
 */
export const CONNECT_TO_ENV_PARAMS = {
  bucket: { NAME: "name", ARN: "arn" },
  "dynamo-db-table": { NAME: "name", ARN: "arn", STREAM_ARN: "streamArn" },
  "event-bus": { ARN: "arn" },
  function: { ARN: "arn" },
  "user-auth-pool": { ID: "id", CLIENT_ID: "clientId", ARN: "arn" },
} as const satisfies Partial<Record<StackResourceType, Record<string, string>>>;

export type ConnectableResourceType = keyof typeof CONNECT_TO_ENV_PARAMS;

/** AWS service macros allowed in `connectTo` besides resource names. */
export const CONNECT_TO_SERVICE_MACROS = ["aws:ses"] as const;

/** Resource types `accessControl.allowAccessTo` can name (seed 000, "Granted permissions"). */
export const ALLOW_ACCESS_TO_TYPES = ["bucket", "dynamo-db-table", "event-bus", "function"] as const satisfies readonly StackResourceType[];

/** myDynamoTable -> MY_DYNAMO_TABLE, httpAPIGateway -> HTTP_API_GATEWAY. */
export function toUpperSnakeCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/([A-Z])([A-Z][a-z])/g, "$1_$2")
    .toUpperCase();
}

/** connectToEnvVarName('myDynamoTable', 'STREAM_ARN') -> STP_MY_DYNAMO_TABLE_STREAM_ARN. */
export function connectToEnvVarName(resourceName: string, suffix: string): string {
  return `STP_${toUpperSnakeCase(resourceName)}_${suffix}`;
}
