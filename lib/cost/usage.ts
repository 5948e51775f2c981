// Usage assumptions: how much traffic each resource and trigger sees in a month. Everything is optional;
// what is left out comes from USAGE_DEFAULTS (or from the definition, e.g. a schedule's rate), and the
// estimate lists each figure it assumed. A usage file is YAML keyed by resource name, CloudFormation
// logical id, or `secret:<name>` for a `$Secret('<name>...')` secret.
import { LineCounter, parseDocument } from "yaml";
import { z } from "zod";
import type { Diagnostic } from "@/lib/stack/diagnostics";
import { parseDirective } from "@/lib/stack/directives";
import { createLocator } from "@/lib/stack/locate";
import type { StackDefinition } from "@/lib/stack/schema";
import { schemaProblems, type SchemaProblem } from "@/lib/stack/schema-issues";

/**
 * Upper bounds of usage figures: far above any real stack's month, yet small enough that an estimate
 * stays a readable figure (1e30 invocations made a 28-digit total). Each bound says where it comes from.
 */
export const USAGE_LIMITS = {
  /** Requests, events, messages, invocations or calls a month: a trillion is ~385,000 a second all month long. */
  perMonth: 1e12,
  /** Lambda's maximum timeout: no invocation is billed for longer. */
  averageDurationMs: 900_000,
  /** A 10 MB API Gateway request plus a 6 MB Lambda response: the most one event carries (queues and topics carry less). */
  payloadKb: 16_384,
  /** 1 GB of logs from one invocation: 15 minutes of writing over 1 MB a second. */
  logBytesPerInvocation: 1e9,
  /** The largest batch size a Lambda event source mapping accepts (SQS, Kinesis, DynamoDB streams, Kafka). */
  averageBatchSize: 10_000,
  /** The most hours a month has (31 days). */
  provisionedHoursPerMonth: 744,
  /** Load Balancer Capacity Units an hour: 100,000 is 2.5M new connections a second. */
  lcuPerHour: 100_000,
  /** A petabyte stored in one table. */
  storageGb: 1_000_000,
  /** A NAT gateway's 100 Gbps all month is about 33M GB. */
  processedGbPerMonth: 100_000_000,
} as const;

const upTo = (max: number) => z.number().min(0).max(max);
const count = upTo(USAGE_LIMITS.perMonth);
const payloadKb = upTo(USAGE_LIMITS.payloadKb);
const batchSize = z.number().min(1).max(USAGE_LIMITS.averageBatchSize);

export const TriggerUsageSchema = z.strictObject({
  /** Events (requests, messages, records, firings) a month through this trigger. */
  eventsPerMonth: count.optional(),
  /** Average size of one event's payload (for HTTP and load balancer triggers: request plus response), KB. */
  payloadKb: payloadKb.optional(),
  /** Average events per invocation for batching sources (SQS, Kinesis, DynamoDB streams, Kafka). */
  averageBatchSize: batchSize.optional(),
});
export type TriggerUsage = z.infer<typeof TriggerUsageSchema>;

export const FunctionUsageSchema = z.strictObject({
  /** Replaces the sum of the triggers' invocations. */
  invocationsPerMonth: count.optional(),
  /** Average billed duration of one invocation, ms. */
  averageDurationMs: z.number().positive().max(USAGE_LIMITS.averageDurationMs).optional(),
  /** Log bytes one invocation writes (Lambda's own START/END/REPORT lines included). */
  logBytesPerInvocation: upTo(USAGE_LIMITS.logBytesPerInvocation).optional(),
  /** Hours a month provisioned concurrency is on (730 = always). */
  provisionedHoursPerMonth: upTo(USAGE_LIMITS.provisionedHoursPerMonth).optional(),
  /** Per trigger, in the order of the function's `events`. */
  events: z.array(TriggerUsageSchema).optional(),
});
export type FunctionUsage = z.infer<typeof FunctionUsageSchema>;

export const EdgeFunctionUsageSchema = FunctionUsageSchema.pick({ invocationsPerMonth: true, averageDurationMs: true, logBytesPerInvocation: true });
export type EdgeFunctionUsage = z.infer<typeof EdgeFunctionUsageSchema>;

/** HTTP API: replaces the traffic of the routes that point at it. */
export const ApiUsageSchema = z.strictObject({ requestsPerMonth: count.optional(), payloadKb: payloadKb.optional() });
/** REST API declared in cloudformationResources (its routes are not modelled). */
export const RestApiUsageSchema = z.strictObject({ requestsPerMonth: count.optional() });
export const LoadBalancerUsageSchema = z.strictObject({
  /** Average Load Balancer Capacity Units used per hour; derived from the routes' traffic when omitted. */
  lcuPerHour: upTo(USAGE_LIMITS.lcuPerHour).optional(),
});
export const TableUsageSchema = z.strictObject({
  readRequestUnitsPerMonth: count.optional(),
  writeRequestUnitsPerMonth: count.optional(),
  storageGb: upTo(USAGE_LIMITS.storageGb).optional(),
});
export const QueueUsageSchema = z.strictObject({ messagesPerMonth: count.optional(), payloadKb: payloadKb.optional(), averageBatchSize: batchSize.optional() });
export const TopicUsageSchema = z.strictObject({ publishesPerMonth: count.optional(), payloadKb: payloadKb.optional() });
export const EventBusUsageSchema = z.strictObject({ eventsPerMonth: count.optional(), payloadKb: payloadKb.optional() });
export const StreamUsageSchema = z.strictObject({ recordsPerMonth: count.optional(), payloadKb: payloadKb.optional() });
export const NatGatewayUsageSchema = z.strictObject({ processedGbPerMonth: upTo(USAGE_LIMITS.processedGbPerMonth).optional() });
export const SecretUsageSchema = z.strictObject({ apiCallsPerMonth: count.optional() });

/** Every usage field any resource can have; a validated entry holds only those of its resource's kind. */
export type ResourceUsage = Partial<
  FunctionUsage &
    z.infer<typeof ApiUsageSchema> &
    z.infer<typeof LoadBalancerUsageSchema> &
    z.infer<typeof TableUsageSchema> &
    z.infer<typeof QueueUsageSchema> &
    z.infer<typeof TopicUsageSchema> &
    z.infer<typeof EventBusUsageSchema> &
    z.infer<typeof StreamUsageSchema> &
    z.infer<typeof NatGatewayUsageSchema> &
    z.infer<typeof SecretUsageSchema>
>;
export type StackUsage = Readonly<Record<string, ResourceUsage>>;

/** The figures used when the usage says nothing. They are assumptions, and the estimate lists each use. */
export const USAGE_DEFAULTS = {
  trafficPerMonth: { value: 1_000_000, note: "1M a month: the assumed traffic of a trigger, API, queue, topic, bus, stream or table" },
  invocationsPerMonth: { value: 1_000_000, note: "1M invocations a month: assumed for a function without triggers and for edge functions" },
  averageDurationMs: { value: 100, note: "100 ms average billed duration (assumed)" },
  payloadKb: { value: 1, note: "1 KB per event (assumed)" },
  logBytesPerInvocation: { value: 1024, note: "1 KB of logs per invocation (assumed; Lambda's START/END/REPORT lines alone are about 300 bytes)" },
  averageBatchSize: { value: 1, note: "one event per invocation (assumed; batches only fill under load)" },
  provisionedHoursPerMonth: { value: 730, note: "provisioned concurrency on all month (assumed)" },
  tableStorageGb: { value: 1, note: "1 GB stored (assumed)" },
  natProcessedGbPerMonth: { value: 10, note: "10 GB a month through the NAT gateway (assumed)" },
  deploysPerMonth: { value: 30, note: "30 deploys a month, each resolving every $Secret reference once (assumed)" },
} as const;

export const SECRET_USAGE_PREFIX = "secret:";

const TYPED_USAGE: Record<string, z.ZodType | undefined> = {
  function: FunctionUsageSchema,
  "edge-lambda-function": EdgeFunctionUsageSchema,
  "http-api-gateway": ApiUsageSchema,
  "application-load-balancer": LoadBalancerUsageSchema,
  "dynamo-db-table": TableUsageSchema,
  "event-bus": EventBusUsageSchema,
};

const CLOUDFORMATION_USAGE: Record<string, z.ZodType | undefined> = {
  "AWS::SQS::Queue": QueueUsageSchema,
  "AWS::SNS::Topic": TopicUsageSchema,
  "AWS::Events::EventBus": EventBusUsageSchema,
  "AWS::Kinesis::Stream": StreamUsageSchema,
  "AWS::DynamoDB::Table": TableUsageSchema,
  "AWS::ApiGateway::RestApi": RestApiUsageSchema,
  "AWS::EC2::NatGateway": NatGatewayUsageSchema,
};

/** Calls `visit` with every string inside `value` (without building paths: this runs on every edit). */
function forEachString(value: unknown, visit: (text: string) => void): void {
  if (typeof value === "string") visit(value);
  else if (Array.isArray(value)) for (const item of value) forEachString(item, visit);
  else if (value !== null && typeof value === "object") for (const item of Object.values(value)) forEachString(item, visit);
}

/** Names of the secrets `$Secret(...)` reads anywhere in the definition, with how often each is referenced. */
export function secretReferences(definition: StackDefinition): Map<string, number> {
  const counts = new Map<string, number>();
  forEachString(definition, (text) => {
    if (!text.includes("$")) return;
    const result = parseDirective(text);
    if (result?.ok && result.directive.kind === "Secret") {
      counts.set(result.directive.secretName, (counts.get(result.directive.secretName) ?? 0) + 1);
    }
  });
  return counts;
}

type SchemaLookup = { schema: z.ZodType } | { problem: string };

function schemaFor(key: string, definition: StackDefinition, secrets: Map<string, number>): SchemaLookup {
  if (key.startsWith(SECRET_USAGE_PREFIX)) {
    const name = key.slice(SECRET_USAGE_PREFIX.length);
    return secrets.has(name) ? { schema: SecretUsageSchema } : { problem: `no $Secret('${name}') in the stack` };
  }
  const resource = definition.resources[key];
  if (resource) {
    const schema = TYPED_USAGE[resource.type];
    return schema ? { schema } : { problem: `${resource.type} resources are not priced, so they take no usage` };
  }
  const raw = definition.cloudformationResources?.[key];
  if (raw) {
    const schema = CLOUDFORMATION_USAGE[raw.Type];
    return schema ? { schema } : { problem: `${raw.Type} is not priced, so it takes no usage` };
  }
  return { problem: `no resource, CloudFormation resource or 'secret:<name>' named '${key}' in the stack` };
}

export interface UsageResult {
  /** Present when there are no errors. */
  usage?: StackUsage;
  diagnostics: Diagnostic[];
}

function usageError(message: string, path: (string | number)[]): SchemaProblem {
  return { diagnostic: { severity: "error", code: "usage", message, path }, target: "key" };
}

function checkUsage(data: unknown, definition: StackDefinition): { usage: Record<string, ResourceUsage>; problems: SchemaProblem[] } {
  const usage: Record<string, ResourceUsage> = {};
  if (data === null || data === undefined) return { usage, problems: [] };
  if (typeof data !== "object" || Array.isArray(data)) return { usage, problems: [usageError("expected a mapping of resource names to usage", [])] };
  const secrets = secretReferences(definition);
  const problems: SchemaProblem[] = [];
  for (const [key, value] of Object.entries(data)) {
    const lookup = schemaFor(key, definition, secrets);
    if ("problem" in lookup) {
      problems.push(usageError(lookup.problem, [key]));
      continue;
    }
    const parsed = lookup.schema.safeParse(value ?? {});
    if (parsed.success) {
      usage[key] = parsed.data as ResourceUsage;
      continue;
    }
    for (const { diagnostic, target } of schemaProblems(lookup.schema, value, parsed.error.issues)) {
      problems.push({ diagnostic: { ...diagnostic, code: "usage", path: [key, ...diagnostic.path] }, target });
    }
  }
  return { usage, problems };
}

/** Checks usage data (already parsed from YAML or JSON) against the definition it describes. */
export function validateUsage(data: unknown, definition: StackDefinition): UsageResult {
  const { usage, problems } = checkUsage(data, definition);
  return problems.length ? { diagnostics: problems.map((p) => p.diagnostic) } : { usage, diagnostics: [] };
}

/** Parses a usage file (YAML or JSON) and validates it; diagnostics carry the file, line and column. */
export function parseUsage(source: string, definition: StackDefinition, opts: { file?: string } = {}): UsageResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const locator = createLocator(doc, lineCounter);
  if (doc.errors.length) {
    return {
      diagnostics: doc.errors.map((e) => {
        const { line, col } = lineCounter.linePos(e.pos[0]);
        return { severity: "error", code: "yaml", message: e.message, path: [], file: opts.file, line, column: col };
      }),
    };
  }
  const { usage, problems } = checkUsage(doc.toJS({ maxAliasCount: 100 }), definition);
  if (problems.length === 0) return { usage, diagnostics: [] };
  return { diagnostics: problems.map(({ diagnostic, target }) => ({ ...diagnostic, file: opts.file, ...locator.locate(diagnostic.path, target) })) };
}

export interface ApplicableUsage {
  usage: StackUsage;
  /** Saved entries the definition no longer fits (a renamed or removed resource, a changed type), with why. */
  dropped: { key: string; reason: string }[];
}

/**
 * Saved usage against a newer definition: each entry is checked on its own, and one that no longer fits
 * is left out (and reported) instead of failing the whole estimate.
 */
export function applicableUsage(data: unknown, definition: StackDefinition): ApplicableUsage {
  if (data === null || typeof data !== "object" || Array.isArray(data)) return { usage: {}, dropped: [] };
  const secrets = secretReferences(definition);
  const usage: Record<string, ResourceUsage> = {};
  const dropped: ApplicableUsage["dropped"] = [];
  for (const [key, value] of Object.entries(data)) {
    const lookup = schemaFor(key, definition, secrets);
    if ("problem" in lookup) {
      dropped.push({ key, reason: lookup.problem });
      continue;
    }
    const parsed = lookup.schema.safeParse(value ?? {});
    if (parsed.success) usage[key] = parsed.data as ResourceUsage;
    else dropped.push({ key, reason: parsed.error.issues.map((i) => `${[key, ...i.path].join(".")}: ${i.message}`).join("; ") });
  }
  return { usage, dropped };
}

/** The usage fields each priced resource of the definition takes, by usage key (for editors' hints). */
export function usageFields(definition: StackDefinition): Map<string, string[]> {
  const secrets = secretReferences(definition);
  const keys = [
    ...Object.keys(definition.resources),
    ...Object.keys(definition.cloudformationResources ?? {}),
    ...[...secrets.keys()].map((name) => `${SECRET_USAGE_PREFIX}${name}`),
  ];
  const fields = new Map<string, string[]>();
  for (const key of keys) {
    const lookup = schemaFor(key, definition, secrets);
    if ("schema" in lookup && lookup.schema instanceof z.ZodObject) fields.set(key, Object.keys(lookup.schema.shape));
  }
  return fields;
}
