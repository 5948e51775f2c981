import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../diagnostics";
import { StackDefinitionSchema, type CloudformationResource, type FunctionEvent, type LambdaFunction, type StackDefinition } from "../schema";
import { validateStack } from "../validate";

const fn = (events: FunctionEvent[], timeout?: number): LambdaFunction => ({
  type: "function",
  properties: { packaging: { type: "stacktape-lambda-buildpack", properties: { entryfilePath: "src/h.ts" } }, events, ...(timeout !== undefined && { timeout }) },
});

/** Validates a definition that satisfies the schema, so each case exercises the rule. */
function check(resources: StackDefinition["resources"], cloudformationResources?: Record<string, CloudformationResource>): Diagnostic[] {
  const definition: StackDefinition = cloudformationResources ? { resources, cloudformationResources } : { resources };
  expect(StackDefinitionSchema.safeParse(definition).error?.issues ?? []).toEqual([]);
  return validateStack(definition).filter((d) => d.severity === "error");
}
const at = (name: string, index: number, ...rest: (string | number)[]) => ["resources", name, "properties", "events", index, "properties", ...rest];

const sqs = (queueArn: string, more: { batchSize?: number; maxBatchWindowSeconds?: number } = {}): FunctionEvent => ({ type: "sqs", properties: { queueArn, ...more } });
const queue = (Properties?: CloudformationResource["Properties"]): CloudformationResource => ({ Type: "AWS::SQS::Queue", ...(Properties && { Properties }) });
const Q = "$CfResourceParam('Q', 'Arn')";

describe("sqs trigger against its queue", () => {
  it("refuses a function timeout above the queue's visibility timeout, 30 s when not set", () => {
    const [d] = check({ f: fn([sqs(Q)], 60) }, { Q: queue() });
    expect(d).toMatchObject({ code: "limit", path: at("f", 0, "queueArn") });
    expect(d.message).toBe(
      "function 'f' has timeout 60 s, above the VisibilityTimeout of queue 'Q', 30 s (the SQS default); Lambda refuses an SQS trigger whose function timeout exceeds the queue's visibility timeout: set cloudformationResources.Q.Properties.VisibilityTimeout to at least 60 or lower the timeout",
    );
    expect(check({ f: fn([sqs(Q)], 30) }, { Q: queue() })).toEqual([]);
    expect(check({ f: fn([sqs(Q)], 60) }, { Q: queue({ VisibilityTimeout: 60 }) })).toEqual([]);
    expect(check({ f: fn([sqs(Q)], 120) }, { Q: queue({ VisibilityTimeout: "90" }) })[0].message).toContain("VisibilityTimeout of queue 'Q', 90 s;");
  });

  it("counts the function's default timeout (10 s)", () => {
    expect(check({ f: fn([sqs(Q)]) }, { Q: queue({ VisibilityTimeout: 5 }) })).toHaveLength(1);
  });

  it("says nothing when the queue's visibility timeout is not known before deploy", () => {
    expect(check({ f: fn([sqs("arn:aws:sqs:us-east-1:123456789012:q")], 900) })).toEqual([]);
    expect(check({ f: fn([sqs(Q)], 900) }, { Q: queue({ VisibilityTimeout: { Ref: "AWS::NoValue" } }) })).toEqual([]);
  });

  it("holds FIFO queues to batches of 10 without a batching window", () => {
    const fifo = queue({ FifoQueue: true });
    const errors = check({ f: fn([sqs(Q, { batchSize: 11, maxBatchWindowSeconds: 1 })]) }, { Q: fifo });
    expect(errors.map((d) => [d.path.at(-1), d.message])).toEqual([
      ["batchSize", "batchSize 11: queue 'Q' is a FIFO queue, and Lambda reads FIFO queues in batches of at most 10"],
      ["maxBatchWindowSeconds", "maxBatchWindowSeconds: queue 'Q' is a FIFO queue, and Lambda supports no batching window for FIFO queues; remove it"],
    ]);
    expect(check({ f: fn([sqs(Q, { batchSize: 10 })]) }, { Q: fifo })).toEqual([]);
    expect(check({ f: fn([sqs("arn:aws:sqs:us-east-1:123456789012:orders.fifo", { batchSize: 20 })]) })).toMatchObject([
      { path: at("f", 0, "batchSize"), message: "batchSize 20: this queue is a FIFO queue, and Lambda reads FIFO queues in batches of at most 10" },
    ]);
  });

  it("lets a standard queue take more than 10 messages with a batching window", () => {
    expect(check({ f: fn([sqs(Q, { batchSize: 100 })]) }, { Q: queue() })).toMatchObject([
      { path: at("f", 0, "batchSize"), message: "an SQS batchSize above 10 needs maxBatchWindowSeconds of at least 1" },
    ]);
    expect(check({ f: fn([sqs(Q, { batchSize: 100, maxBatchWindowSeconds: 1 })]) }, { Q: queue() })).toEqual([]);
  });
});

describe("cloudwatch-log subscriptions", () => {
  const logs = (logGroupArn: string): FunctionEvent => ({ type: "cloudwatch-log", properties: { logGroupArn } });
  const group = "arn:aws:logs:us-east-1:123456789012:log-group:/app/orders";

  it("allows at most 2 subscription filters per log group, however the ARN is written", () => {
    const errors = check({ a: fn([logs(group), logs(`${group}:*`)]), b: fn([logs(group)]) });
    expect(errors).toEqual([
      {
        severity: "error",
        code: "limit",
        path: at("b", 0, "logGroupArn"),
        message: `log group ${group} already has 2 subscription filters (resources.a.properties.events.0.properties, resources.a.properties.events.1.properties); CloudWatch Logs allows at most 2 per log group`,
      },
    ]);
    expect(check({ a: fn([logs(group)]), b: fn([logs(group), logs(`${group}2`)]) })).toEqual([]);
  });

  it("counts a function's log group named through $ResourceParam", () => {
    const producer = "$ResourceParam('p', 'logGroupArn')";
    expect(check({ p: fn([]), a: fn([logs(producer)]), b: fn([logs(producer), logs(producer)]) })).toMatchObject([{ code: "limit", path: at("b", 1, "logGroupArn") }]);
  });

  it("refuses a function subscribed to its own log group", () => {
    expect(check({ f: fn([logs("$ResourceParam('f', 'logGroupArn')")]) })).toEqual([
      {
        severity: "error",
        code: "reference",
        path: at("f", 0, "logGroupArn"),
        message: "function 'f' subscribes to its own log group: every invocation writes logs that invoke it again (recursive invocations); subscribe another function",
      },
    ]);
  });
});

describe("kafka bootstrapServers", () => {
  const kafka = (bootstrapServers: string[]): FunctionEvent => ({
    type: "kafka-topic",
    properties: {
      customKafkaConfiguration: {
        bootstrapServers,
        topicName: "orders",
        authentication: { type: "SASL_SCRAM_256_AUTH", properties: { authenticationSecretArn: "arn:aws:secretsmanager:us-east-1:123456789012:secret:s" } },
      },
    },
  });
  const brokers = (n: number) => Array.from({ length: n }, (_, i) => `b${i}.example.com:9092`);
  const servers = at("f", 0, "customKafkaConfiguration", "bootstrapServers");

  it("takes at most 10 brokers", () => {
    expect(check({ f: fn([kafka(brokers(10))]) })).toEqual([]);
    expect(check({ f: fn([kafka(brokers(11))]) })).toEqual([
      { severity: "error", code: "limit", path: servers, message: "bootstrapServers lists 11 brokers; a Kafka event source takes at most 10" },
    ]);
  });

  it("takes each broker once (host names ignore case)", () => {
    expect(check({ f: fn([kafka(["a.example.com:9092", "b.example.com:9092", "A.example.com:9092"])]) })).toEqual([
      { severity: "error", code: "duplicate", path: [...servers, 2], message: "bootstrapServers: 'A.example.com:9092' is already listed at index 0; each broker once" },
    ]);
    expect(check({ f: fn([kafka(["a.example.com:9092", "a.example.com:9093"])]) })).toEqual([]);
  });
});
