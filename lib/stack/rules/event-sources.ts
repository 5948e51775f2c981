// What AWS refuses about event sources that the schema cannot see alone: an SQS trigger against its queue's
// settings, subscription filters per log group, a function fed its own logs, Kafka broker lists.
import { DEFAULT_FUNCTION_TIMEOUT_SECONDS, DEFAULT_SQS_BATCH_SIZE } from "../defaults";
import { parseDirective } from "../directives";
import {
  KAFKA_MAX_BOOTSTRAP_SERVERS,
  LOG_GROUP_MAX_SUBSCRIPTION_FILTERS,
  SQS_DEFAULT_VISIBILITY_TIMEOUT_SECONDS,
  SQS_FIFO_MAX_BATCH_SIZE,
  SQS_MAX_BATCH_SIZE_WITHOUT_WINDOW,
} from "../limits";
import type { CloudwatchLogIntegration, FunctionEvent, KafkaTopicIntegration, LambdaFunction, SqsIntegration } from "../schema";
import { resourcesOfType, type Path, type RuleContext } from "./context";

interface EventOf<P> {
  functionName: string;
  fn: LambdaFunction;
  properties: P;
  /** Path of the event's `properties`. */
  path: Path;
}

type PropertiesOf<T extends FunctionEvent["type"]> = Extract<FunctionEvent, { type: T }>["properties"];

function eventsOfType<T extends FunctionEvent["type"]>(ctx: RuleContext, type: T): EventOf<PropertiesOf<T>>[] {
  return resourcesOfType(ctx.definition, "function").flatMap(([functionName, fn]) =>
    (fn.properties.events ?? []).flatMap((event, i) =>
      event.type === type
        ? [{ functionName, fn, properties: event.properties as PropertiesOf<T>, path: ["resources", functionName, "properties", "events", i, "properties"] }]
        : [],
    ),
  );
}

/** What the stack knows about the queue an ARN names: its logical id and properties when it is in the stack. */
interface KnownQueue {
  logicalId?: string;
  fifo: boolean;
  /** Seconds; undefined when set by an intrinsic function (unknown until deploy). */
  visibilityTimeout?: number;
  visibilityTimeoutIsDefault: boolean;
}

const asNumber = (v: unknown): number | undefined =>
  typeof v === "number" ? v : typeof v === "string" && /^\d+$/.test(v) ? Number(v) : undefined;

function knownQueue(ctx: RuleContext, queueArn: string): KnownQueue | undefined {
  const parsed = parseDirective(queueArn);
  if (!parsed) {
    // A literal ARN: only the name tells; FIFO queue names end in .fifo.
    return /^arn:[^:]+:sqs:/.test(queueArn) ? { fifo: queueArn.endsWith(".fifo"), visibilityTimeoutIsDefault: false } : undefined;
  }
  if (!parsed.ok || parsed.directive.kind !== "CfResourceParam" || parsed.directive.attribute !== "Arn") return undefined;
  const logicalId = parsed.directive.logicalId;
  const cfn = ctx.definition.cloudformationResources ?? {};
  const resource = Object.hasOwn(cfn, logicalId) ? cfn[logicalId] : undefined;
  if (resource?.Type !== "AWS::SQS::Queue") return undefined;
  const props = resource.Properties ?? {};
  const fifo = props.FifoQueue === true || props.FifoQueue === "true";
  const set = props.VisibilityTimeout;
  return {
    logicalId,
    fifo,
    visibilityTimeout: set === undefined ? SQS_DEFAULT_VISIBILITY_TIMEOUT_SECONDS : asNumber(set),
    visibilityTimeoutIsDefault: set === undefined,
  };
}

function checkSqs(ctx: RuleContext, { functionName, fn, properties: p, path }: EventOf<SqsIntegration["properties"]>): void {
  const queue = knownQueue(ctx, p.queueArn);
  if (!queue?.fifo && (p.batchSize ?? 0) > SQS_MAX_BATCH_SIZE_WITHOUT_WINDOW && (p.maxBatchWindowSeconds ?? 0) < 1) {
    ctx.report([...path, "batchSize"], "limit", `an SQS batchSize above ${SQS_MAX_BATCH_SIZE_WITHOUT_WINDOW} needs maxBatchWindowSeconds of at least 1`);
  }
  if (!queue) return;
  const queueLabel = queue.logicalId ? `queue '${queue.logicalId}'` : "this queue";
  if (queue.fifo) {
    const batchSize = p.batchSize ?? DEFAULT_SQS_BATCH_SIZE;
    if (batchSize > SQS_FIFO_MAX_BATCH_SIZE) {
      ctx.report([...path, "batchSize"], "limit", `batchSize ${batchSize}: ${queueLabel} is a FIFO queue, and Lambda reads FIFO queues in batches of at most ${SQS_FIFO_MAX_BATCH_SIZE}`);
    }
    if ((p.maxBatchWindowSeconds ?? 0) > 0) {
      ctx.report([...path, "maxBatchWindowSeconds"], "unsupported", `maxBatchWindowSeconds: ${queueLabel} is a FIFO queue, and Lambda supports no batching window for FIFO queues; remove it`);
    }
  }
  if (queue.logicalId === undefined || queue.visibilityTimeout === undefined) return;
  const timeout = fn.properties.timeout ?? DEFAULT_FUNCTION_TIMEOUT_SECONDS;
  if (timeout > queue.visibilityTimeout) {
    const visibility = `${queue.visibilityTimeout} s${queue.visibilityTimeoutIsDefault ? " (the SQS default)" : ""}`;
    ctx.report(
      [...path, "queueArn"],
      "limit",
      `function '${functionName}' has timeout ${timeout} s, above the VisibilityTimeout of ${queueLabel}, ${visibility}; Lambda refuses an SQS trigger whose function timeout exceeds the queue's visibility timeout: set cloudformationResources.${queue.logicalId}.Properties.VisibilityTimeout to at least ${timeout} or lower the timeout`,
    );
  }
}

/** One key per log group, however its ARN is written (a literal ARN with or without `:*`, or a directive). */
function logGroupKey(logGroupArn: string): string {
  const parsed = parseDirective(logGroupArn);
  if (parsed?.ok) return JSON.stringify(parsed.directive);
  return logGroupArn.replace(/:\*$/, "");
}

function checkLogSubscriptions(ctx: RuleContext, events: EventOf<CloudwatchLogIntegration["properties"]>[]): void {
  const byGroup = new Map<string, Path[]>();
  for (const { functionName, properties: p, path } of events) {
    const at = [...path, "logGroupArn"];
    const parsed = parseDirective(p.logGroupArn);
    const d = parsed?.ok ? parsed.directive : undefined;
    if (d?.kind === "ResourceParam" && d.param === "logGroupArn" && d.resourceName === functionName) {
      ctx.report(at, "reference", `function '${functionName}' subscribes to its own log group: every invocation writes logs that invoke it again (recursive invocations); subscribe another function`);
    }
    const key = logGroupKey(p.logGroupArn);
    const seen = byGroup.get(key) ?? [];
    if (seen.length >= LOG_GROUP_MAX_SUBSCRIPTION_FILTERS) {
      ctx.report(
        at,
        "limit",
        `log group ${p.logGroupArn} already has ${seen.length} subscription filters (${seen.map((s) => s.slice(0, -1).join(".")).join(", ")}); CloudWatch Logs allows at most ${LOG_GROUP_MAX_SUBSCRIPTION_FILTERS} per log group`,
      );
    }
    seen.push(at);
    byGroup.set(key, seen);
  }
}

function checkKafka(ctx: RuleContext, { properties: p, path }: EventOf<KafkaTopicIntegration["properties"]>): void {
  const servers = p.customKafkaConfiguration?.bootstrapServers;
  if (!servers) return;
  const at = [...path, "customKafkaConfiguration", "bootstrapServers"];
  if (servers.length > KAFKA_MAX_BOOTSTRAP_SERVERS) {
    ctx.report(at, "limit", `bootstrapServers lists ${servers.length} brokers; a Kafka event source takes at most ${KAFKA_MAX_BOOTSTRAP_SERVERS}`);
  }
  // Host names are case-insensitive, so Broker:9092 and broker:9092 are the same broker.
  const first = new Map<string, number>();
  servers.forEach((server, i) => {
    const key = server.toLowerCase();
    const earlier = first.get(key);
    if (earlier !== undefined) ctx.report([...at, i], "duplicate", `bootstrapServers: '${server}' is already listed at index ${earlier}; each broker once`);
    else first.set(key, i);
  });
}

export function checkEventSources(ctx: RuleContext): void {
  for (const e of eventsOfType(ctx, "sqs")) checkSqs(ctx, e);
  checkLogSubscriptions(ctx, eventsOfType(ctx, "cloudwatch-log"));
  for (const e of eventsOfType(ctx, "kafka-topic")) checkKafka(ctx, e);
}
