import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "./diagnostics";
import {
  StackDefinitionSchema,
  type CloudformationResource,
  type EdgeLambdaFunction,
  type FunctionEvent,
  type LambdaFunction,
  type LambdaFunctionProperties,
  type StackDefinition,
  type StackResource,
} from "./schema";
import { arbitraryStackDefinition } from "./testing/arbitraries";
import { analyzeStack, validateStack } from "./validate";
import { specAttributes } from "@/server/validate/cfn-attributes";

const fixturesDir = path.resolve(__dirname, "../../server/render/fixtures");

const buildpack = (entryfilePath = "src/handler.ts") => ({ type: "stacktape-lambda-buildpack" as const, properties: { entryfilePath } });
const fn = (props: Partial<LambdaFunctionProperties> = {}): LambdaFunction => ({ type: "function", properties: { packaging: buildpack(), ...props } });
const withEvents = (...events: FunctionEvent[]) => fn({ events });
const edge = (props: Partial<EdgeLambdaFunction["properties"]> = {}): EdgeLambdaFunction => ({
  type: "edge-lambda-function",
  properties: { packaging: buildpack("edge.ts"), ...props },
});
const cdnBucket = (edgeFunctions: Record<string, string>, enabled = true): StackResource => ({ type: "bucket", properties: { cdn: { enabled, edgeFunctions } } });
const queue: CloudformationResource = { Type: "AWS::SQS::Queue" };
const topic: CloudformationResource = { Type: "AWS::SNS::Topic" };
const table = (streamType?: "NEW_AND_OLD_IMAGES"): StackResource => ({
  type: "dynamo-db-table",
  properties: { primaryKey: { partitionKey: { name: "id", type: "string" } }, ...(streamType && { streamType }) },
});

/** Validates a definition that must already satisfy the schema (so each case tests the rule, not the schema). */
function check(resources: Record<string, StackResource>, cloudformationResources?: Record<string, CloudformationResource>): Diagnostic[] {
  const definition: StackDefinition = cloudformationResources ? { resources, cloudformationResources } : { resources };
  const parsed = StackDefinitionSchema.safeParse(definition);
  expect(parsed.error?.issues ?? []).toEqual([]);
  return validateStack(definition, { cfnAttributes: specAttributes });
}
const errorsOf = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.severity === "error");
const only = (diagnostics: Diagnostic[]) => {
  const errors = errorsOf(diagnostics);
  expect(errors).toHaveLength(1);
  return errors[0];
};
const ev0 = (name: string, ...rest: (string | number)[]) => ["resources", name, "properties", "events", 0, "properties", ...rest];

const httpEvent = (httpApiGatewayName: string, method: "GET" | "POST" | "*" = "GET", p = "/hello", authorizer?: Extract<FunctionEvent, { type: "http-api-gateway" }>["properties"]["authorizer"]): FunctionEvent => ({
  type: "http-api-gateway",
  properties: { httpApiGatewayName, method, path: p, ...(authorizer && { authorizer }) },
});
const albEvent = (props: Partial<Extract<FunctionEvent, { type: "application-load-balancer" }>["properties"]> = {}): FunctionEvent => ({
  type: "application-load-balancer",
  properties: { loadBalancerName: "lb", priority: 1, paths: ["/a"], ...props },
});

describe("validateStack: seed fixtures", () => {
  it("finds no errors in any fixture", () => {
    for (const file of readdirSync(fixturesDir).filter((f) => f.endsWith(".yml"))) {
      const { diagnostics } = analyzeStack(readFileSync(path.join(fixturesDir, file), "utf8"), { file, cfnAttributes: specAttributes });
      expect(errorsOf(diagnostics), file).toEqual([]);
    }
  });

  it("reports the seed's SNS example as printed, with file, line and attribute list", () => {
    const file = "invalid/seed000-sns-verbatim.yml";
    const { diagnostics } = analyzeStack(readFileSync(path.join(fixturesDir, file), "utf8"), { file, cfnAttributes: specAttributes });
    expect(diagnostics.map((d) => [d.line, d.path.at(-1), d.message])).toEqual([
      [14, "topicArn", "$CfResourceParam: AWS::SNS::Topic 'mySnsTopic' has no attribute 'Arn'; available: TopicArn, TopicName"],
      [16, "sqsQueueArn", "$CfResourceParam: AWS::SNS::Topic 'mySnsTopic' has no attribute 'Arn'; available: TopicArn, TopicName"],
      [16, "sqsQueueArn", "must be an SQS queue ARN; 'mySnsTopic' is of type AWS::SNS::Topic"],
      [17, "sqsQueueUrl", "$CfResourceParam: AWS::SQS::Queue 'mySqsQueue' has no attribute 'QueueURL'; available: Arn, QueueName, QueueUrl"],
    ]);
    expect(diagnostics.every((d) => d.file === file)).toBe(true);
  });

  it("reports the seed's cloudwatch-log example as printed: a function ARN is not a log group ARN", () => {
    const file = "invalid/seed000-cloudwatch-log-verbatim.yml";
    const [d] = analyzeStack(readFileSync(path.join(fixturesDir, file), "utf8"), { file, cfnAttributes: specAttributes }).diagnostics;
    expect(d).toMatchObject({ line: 21, code: "reference", path: ev0("myLogConsumingLambda", "logGroupArn") });
    expect(d.message).toBe("must be a log group ARN; got parameter 'arn' of function 'myLogProducingLambda'");
  });

  it("reports the seed's Kafka example as printed: the placeholder account id is not an ARN", () => {
    const file = "invalid/seed000-kafka-custom-verbatim.yml";
    const [d] = analyzeStack(readFileSync(path.join(fixturesDir, file), "utf8"), { file, cfnAttributes: specAttributes }).diagnostics;
    expect(d).toMatchObject({ code: "syntax", line: 23 });
    expect(d.message).toMatch(/is not a valid ARN/);
  });

  it("warns about an edge function attached to no CDN (seed 001's connectTo example)", () => {
    const { diagnostics } = analyzeStack(readFileSync(path.join(fixturesDir, "seed001-edge-connect-to.yml"), "utf8"), { cfnAttributes: specAttributes });
    expect(diagnostics).toMatchObject([{ severity: "warning", code: "unused", path: ["resources", "authFunction"], line: 2 }]);
  });
});

describe("validateStack: cross-references", () => {
  it("an http event must name an existing http-api-gateway", () => {
    const d = only(check({ fn: withEvents(httpEvent("api")), other: { type: "http-api-gateway" } }));
    expect(d).toMatchObject({ code: "reference", path: ev0("fn", "httpApiGatewayName") });
    expect(d.message).toBe("HTTP API gateway 'api' does not exist; 'http-api-gateway' resources: other");
    expect(errorsOf(check({ fn: withEvents(httpEvent("api")), api: { type: "http-api-gateway" } }))).toEqual([]);
  });

  it("an http event naming a resource of another type is a wrong-kind reference", () => {
    const d = only(check({ fn: withEvents(httpEvent("api")), api: { type: "bucket" } }));
    expect(d.message).toBe("HTTP API gateway 'api' is a 'bucket' resource; expected 'http-api-gateway'");
  });

  it("a cognito authorizer must name a user pool", () => {
    const cognito = { type: "cognito" as const, properties: { userPoolName: "pool" } };
    const resources = { api: { type: "http-api-gateway" as const }, fn: withEvents(httpEvent("api", "GET", "/x", cognito)) };
    expect(only(check(resources)).path).toEqual(ev0("fn", "authorizer", "properties", "userPoolName"));
    expect(errorsOf(check({ ...resources, pool: { type: "user-auth-pool" } }))).toEqual([]);
  });

  it("a lambda authorizer must name a function, not an edge function", () => {
    const lambda = { type: "lambda" as const, properties: { functionName: "auth" } };
    const resources = { api: { type: "http-api-gateway" as const }, fn: withEvents(httpEvent("api", "GET", "/x", lambda)) };
    expect(only(check({ ...resources, auth: edge() })).message).toMatch(/authorizer function 'auth' is a 'edge-lambda-function' resource; expected 'function'/);
    expect(errorsOf(check({ ...resources, auth: fn() }))).toEqual([]);
  });

  it("an ALB event must name a load balancer", () => {
    expect(only(check({ fn: withEvents(albEvent()) })).message).toBe("load balancer 'lb' does not exist; the stack has no 'application-load-balancer' resource");
    expect(errorsOf(check({ fn: withEvents(albEvent()), lb: { type: "application-load-balancer" } }))).toEqual([]);
  });

  it("an event-bus event by name must name an event-bus", () => {
    const event: FunctionEvent = { type: "event-bus", properties: { eventBusName: "bus", eventPattern: { source: ["x"] } } };
    expect(only(check({ fn: withEvents(event) })).path).toEqual(ev0("fn", "eventBusName"));
    expect(errorsOf(check({ fn: withEvents(event), bus: { type: "event-bus" } }))).toEqual([]);
  });

  it("destinations must be a function, event bus, SQS queue or SNS topic", () => {
    const resources = { b: { type: "bucket" as const }, bus: { type: "event-bus" as const }, other: fn() };
    const bad = check({ ...resources, f: fn({ destinations: { onSuccess: "$ResourceParam('b', 'arn')", onFailure: "arn:aws:s3:::some-bucket" } }) });
    expect(errorsOf(bad).map((d) => [d.path.at(-1), d.message])).toEqual([
      ["onSuccess", "must be a function, event bus, SQS queue or SNS topic ARN; got parameter 'arn' of bucket 'b'"],
      ["onFailure", "must be a function, event bus, SQS queue or SNS topic ARN; this is an ARN of service 's3'"],
    ]);
    const good = (onSuccess: string, onFailure: string) => errorsOf(check({ ...resources, f: fn({ destinations: { onSuccess, onFailure } }) }, { Q: queue, T: topic }));
    expect(good("$ResourceParam('other', 'arn')", "$ResourceParam('bus', 'arn')")).toEqual([]);
    expect(good("$CfResourceParam('Q', 'Arn')", "$CfResourceParam('T', 'TopicArn')")).toEqual([]);
    expect(good("arn:aws:sqs:us-east-1:123456789012:q", "arn:aws:lambda:us-east-1:123456789012:function:f")).toEqual([]);
  });

  it("stream onFailure destinations must match their declared type", () => {
    const event: FunctionEvent = {
      type: "kinesis-stream",
      properties: { streamArn: "$CfResourceParam('S', 'Arn')", onFailure: { type: "sns", arn: "$CfResourceParam('Q', 'Arn')" } },
    };
    const d = only(check({ fn: withEvents(event) }, { S: { Type: "AWS::Kinesis::Stream" }, Q: queue }));
    expect(d).toMatchObject({ path: ev0("fn", "onFailure", "arn"), message: "must be an SNS topic ARN; 'Q' is of type AWS::SQS::Queue" });
  });
});

describe("validateStack: directives", () => {
  it("$ResourceParam must name an existing resource, with a hint", () => {
    const d = only(check({ myBucket: { type: "bucket" }, f: fn({ environment: [{ name: "BB", value: "$ResourceParam('mybucket', 'name')" }] }) }));
    expect(d).toMatchObject({ code: "reference", path: ["resources", "f", "properties", "environment", 0, "value"] });
    expect(d.message).toBe("$ResourceParam: no resource named 'mybucket' (did you mean 'myBucket'?)");
  });

  it("$ResourceParam must read a parameter the type has", () => {
    const d = only(check({ b: { type: "bucket" }, f: fn({ environment: [{ name: "BB", value: "$ResourceParam('b', 'url')" }] }) }));
    expect(d.message).toBe("$ResourceParam: a 'bucket' has no parameter 'url'; available: name, arn");
  });

  it("streamArn needs a table with a stream; logGroupArn needs logging", () => {
    const env = (value: string) => fn({ environment: [{ name: "X_Y", value }] });
    expect(only(check({ t: table(), f: env("$ResourceParam('t', 'streamArn')") })).message).toMatch(/set its streamType/);
    expect(errorsOf(check({ t: table("NEW_AND_OLD_IMAGES"), f: env("$ResourceParam('t', 'streamArn')") }))).toEqual([]);
    const quiet = fn({ logging: { disabled: true } });
    expect(only(check({ quiet, f: env("$ResourceParam('quiet', 'logGroupArn')") })).message).toMatch(/logging disabled/);
  });

  it("$CfResourceParam must name an entry of cloudformationResources", () => {
    const f = fn({ environment: [{ name: "Q_URL", value: "$CfResourceParam('Queue', 'QueueUrl')" }] });
    expect(only(check({ f }, { Queu: queue })).message).toBe("$CfResourceParam: no cloudformationResources entry 'Queue' (did you mean 'Queu'?)");
    expect(errorsOf(check({ f }, { Queue: queue }))).toEqual([]);
  });

  it("$CfResourceParam attributes are checked against the CloudFormation spec (custom resources and nested stack outputs pass)", () => {
    const env = (value: string) => fn({ environment: [{ name: "X_Y", value }] });
    expect(only(check({ f: env("$CfResourceParam('T', 'Arn')") }, { T: topic })).message).toBe(
      "$CfResourceParam: AWS::SNS::Topic 'T' has no attribute 'Arn'; available: TopicArn, TopicName",
    );
    expect(errorsOf(check({ f: env("$CfResourceParam('C', 'Anything')") }, { C: { Type: "Custom::Thing" } }))).toEqual([]);
    expect(errorsOf(check({ f: env("$CfResourceParam('N', 'Outputs.QueueArn')") }, { N: { Type: "AWS::CloudFormation::Stack" } }))).toEqual([]);
  });

  it("without an attribute lookup (the browser) attribute names are left to the server, references still checked", () => {
    const env = (value: string) => fn({ environment: [{ name: "X_Y", value }] });
    const definition = (value: string): StackDefinition => ({ resources: { f: env(value) }, cloudformationResources: { T: topic } });
    expect(errorsOf(validateStack(definition("$CfResourceParam('T', 'Arn')")))).toEqual([]);
    expect(errorsOf(validateStack(definition("$CfResourceParam('Tx', 'Arn')")))[0].message).toMatch(/no cloudformationResources entry 'Tx'/);
  });

  it("reports malformed and unknown directives anywhere, including raw CloudFormation", () => {
    const diagnostics = errorsOf(
      check({ f: fn({ environment: [{ name: "X_Y", value: "$ResourceParam(f, arn)" }] }) }, { Q: { Type: "AWS::SQS::Queue", Properties: { QueueName: "$Sekret('a')" } } }),
    );
    expect(diagnostics.map((d) => [d.code, d.path.join(".")])).toEqual([
      ["syntax", "resources.f.properties.environment.0.value"],
      ["syntax", "cloudformationResources.Q.Properties.QueueName"],
    ]);
  });

  it("a $Secret cannot stand in for an ARN", () => {
    const event: FunctionEvent = { type: "sqs", properties: { queueArn: "$Secret('queue.arn')" } };
    expect(only(check({ fn: withEvents(event) })).message).toBe("must be an SQS queue ARN; a $Secret value cannot be used here");
  });
});

describe("validateStack: event rules", () => {
  it("schedule expressions are checked", () => {
    const schedule = (scheduleRate: string): FunctionEvent => ({ type: "schedule", properties: { scheduleRate } });
    const d = only(check({ fn: withEvents(schedule("rate(1 minutes)")) }));
    expect(d).toMatchObject({ code: "syntax", path: ev0("fn", "scheduleRate") });
    expect(errorsOf(check({ fn: withEvents(schedule("rate(1 minute)"), schedule("cron(0 10 * * ? *)")) }))).toEqual([]);
  });

  it("schedule input, inputPath and inputTransformer are exclusive", () => {
    const event: FunctionEvent = { type: "schedule", properties: { scheduleRate: "rate(1 hour)", input: { a: 1 }, inputPath: "$.detail" } };
    expect(only(check({ fn: withEvents(event) }))).toMatchObject({ code: "conflict", path: ev0("fn", "inputPath") });
  });

  it("an event-bus event needs exactly one of useDefaultBus, eventBusName, eventBusArn", () => {
    const pattern = { source: ["x"] };
    const none: FunctionEvent = { type: "event-bus", properties: { eventPattern: pattern, useDefaultBus: false } };
    const both: FunctionEvent = { type: "event-bus", properties: { eventPattern: pattern, useDefaultBus: true, eventBusArn: "arn:aws:events:us-east-1:123456789012:event-bus/b" } };
    expect(only(check({ fn: withEvents(none) })).message).toBe("set one of useDefaultBus: true, eventBusName or eventBusArn");
    expect(only(check({ fn: withEvents(both) })).message).toBe("useDefaultBus and eventBusArn cannot be combined; set exactly one");
    expect(errorsOf(check({ fn: withEvents({ type: "event-bus", properties: { eventPattern: pattern, useDefaultBus: true } }) }))).toEqual([]);
  });

  it("an event pattern cannot be empty", () => {
    const event: FunctionEvent = { type: "event-bus", properties: { eventPattern: {}, useDefaultBus: true } };
    expect(only(check({ fn: withEvents(event) })).path).toEqual(ev0("fn", "eventPattern"));
  });

  it("kafka needs exactly one of upstash and custom, and upstash is not supported", () => {
    const custom = {
      bootstrapServers: ["b:9092"],
      topicName: "orders",
      authentication: { type: "SASL_SCRAM_512_AUTH" as const, properties: { authenticationSecretArn: "arn:aws:secretsmanager:eu-west-1:123456789012:secret:s" } },
    };
    expect(only(check({ fn: withEvents({ type: "kafka-topic", properties: {} }) })).code).toBe("conflict");
    expect(errorsOf(check({ fn: withEvents({ type: "kafka-topic", properties: { upstashKafkaTopic: "t", customKafkaConfiguration: custom } }) })).map((d) => d.code)).toEqual([
      "conflict",
      "unsupported",
    ]);
    expect(errorsOf(check({ fn: withEvents({ type: "kafka-topic", properties: { customKafkaConfiguration: custom } }) }))).toEqual([]);
  });

  it("kafka mTLS certificates must be Secrets Manager secrets", () => {
    const event: FunctionEvent = {
      type: "kafka-topic",
      properties: { customKafkaConfiguration: { bootstrapServers: ["b:9092"], topicName: "orders", authentication: { type: "MTLS", properties: { clientCertificate: "arn:aws:acm:eu-west-1:123456789012:certificate/x" } } } },
    };
    expect(only(check({ fn: withEvents(event) })).message).toBe("must be a Secrets Manager secret ARN; this is an ARN of service 'acm'");
  });

  it("sqs: batchSize above 10 needs a batching window; the queue must be an SQS queue", () => {
    const sqs = (batchSize: number, maxBatchWindowSeconds?: number, queueArn = "$CfResourceParam('Q', 'Arn')"): FunctionEvent => ({
      type: "sqs",
      properties: { queueArn, batchSize, ...(maxBatchWindowSeconds !== undefined && { maxBatchWindowSeconds }) },
    });
    expect(only(check({ fn: withEvents(sqs(100)) }, { Q: queue }))).toMatchObject({ code: "limit", path: ev0("fn", "batchSize") });
    expect(errorsOf(check({ fn: withEvents(sqs(100, 1)) }, { Q: queue }))).toEqual([]);
    expect(errorsOf(check({ fn: withEvents(sqs(10)) }, { Q: queue }))).toEqual([]);
    expect(only(check({ fn: withEvents(sqs(5, undefined, "$CfResourceParam('T', 'TopicArn')")) }, { T: topic })).message).toBe("must be an SQS queue ARN; 'T' is of type AWS::SNS::Topic");
  });

  it("kinesis: consumerArn and autoCreateConsumer conflict", () => {
    const event = (autoCreateConsumer: boolean): FunctionEvent => ({
      type: "kinesis-stream",
      properties: { streamArn: "$CfResourceParam('S', 'Arn')", consumerArn: "$CfResourceParam('C', 'ConsumerARN')", autoCreateConsumer },
    });
    const cfn = { S: { Type: "AWS::Kinesis::Stream" }, C: { Type: "AWS::Kinesis::StreamConsumer" } };
    expect(only(check({ fn: withEvents(event(true)) }, cfn))).toMatchObject({ code: "conflict", path: ev0("fn", "autoCreateConsumer") });
    expect(errorsOf(check({ fn: withEvents(event(false)) }, cfn))).toEqual([]);
  });

  it("dynamo-db-stream: the stream ARN must come from a table", () => {
    const event = (streamArn: string): FunctionEvent => ({ type: "dynamo-db-stream", properties: { streamArn } });
    expect(errorsOf(check({ t: table("NEW_AND_OLD_IMAGES"), fn: withEvents(event("$ResourceParam('t', 'streamArn')")) }))).toEqual([]);
    expect(only(check({ t: table("NEW_AND_OLD_IMAGES"), fn: withEvents(event("$ResourceParam('t', 'arn')")) })).message).toBe(
      "must be a DynamoDB stream ARN; got parameter 'arn' of dynamo-db-table 't'",
    );
  });

  it("s3: the bucket must be in this stack, and notifications must not overlap", () => {
    const s3 = (prefix: string, bucketArn = "$ResourceParam('b', 'arn')"): FunctionEvent => ({
      type: "s3",
      properties: { bucketArn, s3EventType: "s3:ObjectCreated:*", filterRule: { prefix } },
    });
    expect(only(check({ fn: withEvents(s3("a", "arn:aws:s3:::elsewhere")) })).message).toMatch(/a literal value cannot be used here/);
    const overlap = errorsOf(check({ b: { type: "bucket" }, fn: withEvents(s3("img/")), fn2: withEvents({ ...s3("img/thumbs/"), properties: { ...s3("img/thumbs/").properties, s3EventType: "s3:ObjectCreated:Put" } } as FunctionEvent) }));
    expect(overlap).toHaveLength(1);
    expect(overlap[0]).toMatchObject({ code: "conflict", path: ["resources", "fn2", "properties", "events", 0, "properties"] });
    expect(errorsOf(check({ b: { type: "bucket" }, fn: withEvents(s3("img/")), fn2: withEvents(s3("doc/")) }))).toEqual([]);
  });

  it("duplicate HTTP routes on one gateway are errors; other methods or gateways are fine", () => {
    const apis = { api: { type: "http-api-gateway" as const }, api2: { type: "http-api-gateway" as const } };
    const d = only(check({ ...apis, a: withEvents(httpEvent("api", "GET", "/x")), b: withEvents(httpEvent("api", "GET", "/x")) }));
    expect(d).toMatchObject({ code: "duplicate", path: ["resources", "b", "properties", "events", 0, "properties", "path"] });
    expect(d.message).toBe("route 'GET /x' on HTTP API 'api' is already used at resources.a.properties.events.0.properties.path");
    expect(errorsOf(check({ ...apis, a: withEvents(httpEvent("api", "GET", "/x")), b: withEvents(httpEvent("api", "POST", "/x"), httpEvent("api2", "GET", "/x")) }))).toEqual([]);
  });

  it("duplicate ALB priorities on one load balancer are errors; other load balancers are fine", () => {
    const lbs = { lb: { type: "application-load-balancer" as const }, lb2: { type: "application-load-balancer" as const } };
    const d = only(check({ ...lbs, a: withEvents(albEvent()), b: withEvents(albEvent({ paths: ["/b"] })) }));
    expect(d).toMatchObject({ code: "duplicate", path: ["resources", "b", "properties", "events", 0, "properties", "priority"] });
    expect(errorsOf(check({ ...lbs, a: withEvents(albEvent()), b: withEvents(albEvent({ loadBalancerName: "lb2" })) }))).toEqual([]);
  });

  it("ALB events: listener port must exist, conditions are required and bounded", () => {
    const lb: StackResource = { type: "application-load-balancer", properties: { listeners: [{ port: 80, protocol: "HTTP" }, { port: 8080, protocol: "HTTP" }] } };
    expect(only(check({ lb, f: withEvents(albEvent()) })).message).toMatch(/listeners on ports 80, 8080; set listenerPort/);
    expect(only(check({ lb, f: withEvents(albEvent({ listenerPort: 81 })) })).message).toMatch(/no listener on port 81/);
    expect(errorsOf(check({ lb, f: withEvents(albEvent({ listenerPort: 8080 })) }))).toEqual([]);
    const plain = { lb: { type: "application-load-balancer" as const } };
    expect(only(check({ ...plain, f: withEvents(albEvent({ paths: [] })) })).message).toMatch(/at least one condition/);
    expect(only(check({ ...plain, f: withEvents(albEvent({ paths: ["/a", "/b", "/c", "/d"] })) })).message).toBe("an ALB rule condition takes at most 3 values, got 4");
    expect(only(check({ ...plain, f: withEvents(albEvent({ paths: ["/a", "/b", "/c"], hosts: ["a.com", "b.com", "c.com"] })) })).message).toBe(
      "an ALB rule takes at most 5 condition values in total, got 6",
    );
  });

  it("authorizer identity sources follow API Gateway's forms", () => {
    const api = { api: { type: "http-api-gateway" as const }, pool: { type: "user-auth-pool" as const }, auth: fn() };
    const cognito = (identitySources: string[]) => ({ type: "cognito" as const, properties: { userPoolName: "pool", identitySources } });
    expect(only(check({ ...api, f: withEvents(httpEvent("api", "GET", "/x", cognito(["$request.header.A", "$request.header.B"]))) })).code).toBe("limit");
    expect(only(check({ ...api, f: withEvents(httpEvent("api", "GET", "/x", cognito(["Authorization"]))) })).code).toBe("syntax");
    const lambda = { type: "lambda" as const, properties: { functionName: "auth", identitySources: ["$request.header.Authorization", "$context.routeKey"] } };
    expect(errorsOf(check({ ...api, f: withEvents(httpEvent("api", "GET", "/x", lambda)) }))).toEqual([]);
  });
});

describe("validateStack: function rules", () => {
  it("environment over 4 KB in total (key + value bytes) is an error; exactly 4 KB is fine", () => {
    const env = (valueBytes: number) => [{ name: "BIG", value: "x".repeat(valueBytes - 3) }];
    expect(errorsOf(check({ f: fn({ environment: env(4096) }) }))).toEqual([]);
    const d = only(check({ f: fn({ environment: env(4097) }) }));
    expect(d).toMatchObject({ code: "limit", path: ["resources", "f", "properties", "environment"] });
    expect(d.message).toBe("environment variables of 'f' take 4097 bytes; AWS Lambda allows 4096 (4 KB) in total");
    // Multi-byte characters count by their UTF-8 size.
    expect(only(check({ f: fn({ environment: [{ name: "UTF", value: "é".repeat(2047) }] }) })).message).toMatch(/take 4097 bytes/);
  });

  it("environment names: duplicates, reserved names and connectTo collisions", () => {
    const env = [
      { name: "A_B", value: 1 },
      { name: "A_B", value: 2 },
      { name: "AWS_REGION", value: "x" },
      { name: "STP_MY_BUCKET_NAME", value: "x" },
    ];
    const diagnostics = errorsOf(check({ myBucket: { type: "bucket" }, f: fn({ environment: env, connectTo: ["myBucket"] }) }));
    expect(diagnostics.map((d) => [d.code, d.path.at(-2)])).toEqual([
      ["duplicate", 1],
      ["syntax", 2],
      ["conflict", 3],
    ]);
  });

  it("the runtime must be detectable, given, or absent for container images", () => {
    expect(only(check({ f: fn({ packaging: buildpack("main.cs") }) })).message).toBe("cannot detect the runtime of 'main.cs' from its extension; set runtime");
    expect(errorsOf(check({ f: fn({ packaging: buildpack("main.cs"), runtime: "dotnet8" }) }))).toEqual([]);
    const s3 = { type: "s3-artifact" as const, properties: { bucketName: "b", key: "k.zip", handler: "index.handler" } };
    expect(only(check({ f: fn({ packaging: s3 }) })).path).toEqual(["resources", "f", "properties", "runtime"]);
    expect(errorsOf(check({ f: fn({ packaging: s3, runtime: "python3.13" }) }))).toEqual([]);
    const image = (imageUri: string) => ({ type: "container-image" as const, properties: { imageUri } });
    expect(only(check({ f: fn({ packaging: image("123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:v1"), runtime: "nodejs22.x" }) })).code).toBe("conflict");
    expect(only(check({ f: fn({ packaging: image("docker.io/library/node:22") }) })).message).toMatch(/not an Amazon ECR image URI/);
    expect(errorsOf(check({ f: fn({ packaging: image(`123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/app@sha256:${"a".repeat(64)}`) }) }))).toEqual([]);
  });

  it("deployment: strategy and weightedRouting conflict; hooks need a strategy and another function", () => {
    expect(only(check({ f: fn({ deployment: { strategy: "AllAtOnce", weightedRouting: { version: "1", weight: 0.1 } } }) })).code).toBe("conflict");
    expect(only(check({ h: fn(), f: fn({ deployment: { beforeAllowTrafficFunction: "h" } }) })).message).toMatch(/runs as a CodeDeploy hook; set a strategy/);
    expect(only(check({ f: fn({ deployment: { strategy: "Canary10Percent5Minutes", afterTrafficShiftFunction: "f" } }) })).message).toMatch(/cannot be the function being deployed/);
    expect(only(check({ f: fn({ deployment: { strategy: "Canary10Percent5Minutes", afterTrafficShiftFunction: "h" } }) })).message).toMatch(/'h' does not exist/);
    expect(errorsOf(check({ h: fn(), f: fn({ deployment: { strategy: "Linear10PercentEvery1Minute", beforeAllowTrafficFunction: "h" } }) }))).toEqual([]);
    expect(errorsOf(check({ f: fn({ deployment: { weightedRouting: { version: "3", weight: 0.25 } } }) }))).toEqual([]);
  });

  it("provisioned concurrency cannot exceed reserved concurrency", () => {
    expect(only(check({ f: fn({ reservedConcurrency: 5, provisionedConcurrency: 10 }) })).code).toBe("limit");
    expect(errorsOf(check({ f: fn({ reservedConcurrency: 10, provisionedConcurrency: 10 }) }))).toEqual([]);
  });

  it("connectTo: existing connectable resources or known AWS macros, never itself", () => {
    const resources = { api: { type: "http-api-gateway" as const }, t: table(), pool: { type: "user-auth-pool" as const } };
    const diagnostics = errorsOf(check({ ...resources, f: fn({ connectTo: ["missing", "api", "aws:s3", "f", "t", "pool", "aws:ses"] }) }));
    expect(diagnostics.map((d) => [d.path.at(-1), d.message])).toEqual([
      [0, "connectTo target 'missing' does not exist; 'bucket' or 'dynamo-db-table' or 'event-bus' or 'function' or 'user-auth-pool' resources: t, pool, f"],
      [1, "connectTo target 'api' is a 'http-api-gateway' resource; expected 'bucket' or 'dynamo-db-table' or 'event-bus' or 'function' or 'user-auth-pool'"],
      [2, "unknown AWS service macro 'aws:s3'; supported: aws:ses"],
      [3, "a resource cannot connect to itself"],
    ]);
  });

  it("allowAccessTo accepts the types the seed lists", () => {
    const d = only(check({ pool: { type: "user-auth-pool" }, f: fn({ accessControl: { allowAccessTo: ["pool"] } }) }));
    expect(d.message).toBe("allowAccessTo target 'pool' is a 'user-auth-pool' resource; expected 'bucket' or 'dynamo-db-table' or 'event-bus' or 'function'");
    expect(errorsOf(check({ b: { type: "bucket" }, t: table(), bus: { type: "event-bus" }, g: fn(), f: fn({ accessControl: { allowAccessTo: ["b", "t", "bus", "g"] } }) }))).toEqual([]);
  });

  it("IAM statements need an Action; tags cannot use the aws: prefix or repeat", () => {
    expect(only(check({ f: fn({ accessControl: { iamRoleStatements: [{ Resource: ["*"] }] } }) })).path.at(-1)).toBe("Action");
    const tags = [
      { name: "aws:team", value: "x" },
      { name: "team", value: "a" },
      { name: "team", value: "b" },
    ];
    expect(errorsOf(check({ f: fn({ tags }) })).map((d) => d.code)).toEqual(["syntax", "duplicate"]);
  });
});

describe("validateStack: edge functions", () => {
  it("viewer triggers allow at most 128 MB and 5 s", () => {
    const diagnostics = errorsOf(check({ e: edge({ memory: 256, timeout: 10 }), b: cdnBucket({ onRequest: "e" }) }));
    expect(diagnostics.map((d) => d.message)).toEqual([
      "onRequest is a viewer trigger: 'e' may use at most 128 MB of memory, it has 256",
      "onRequest is a viewer trigger: 'e' may run at most 5 s, its timeout is 10",
    ]);
    expect(diagnostics[0].path).toEqual(["resources", "b", "properties", "cdn", "edgeFunctions", "onRequest"]);
  });

  it("origin triggers allow more memory and up to 30 s", () => {
    expect(errorsOf(check({ e: edge({ memory: 1024, timeout: 30 }), b: cdnBucket({ onOriginRequest: "e" }) }))).toEqual([]);
  });

  it("the defaults (128 MB, 3 s) fit a viewer trigger", () => {
    expect(check({ e: edge(), b: cdnBucket({ onResponse: "e" }) })).toEqual([]);
  });

  it("edgeFunctions must name edge functions and need cdn.enabled", () => {
    expect(only(check({ f: fn(), b: cdnBucket({ onRequest: "f" }) })).message).toBe("edge function 'f' is a 'function' resource; expected 'edge-lambda-function'");
    expect(only(check({ e: edge(), b: cdnBucket({ onRequest: "e" }, false) })).code).toBe("conflict");
  });

  it("warns that logging.retentionDays reaches only the us-east-1 log group of an edge function", () => {
    const diagnostics = check({ e: edge({ logging: { retentionDays: 14 } }), b: cdnBucket({ onRequest: "e" }) });
    expect(diagnostics).toEqual([
      expect.objectContaining({ severity: "warning", code: "unsupported", path: ["resources", "e", "properties", "logging", "retentionDays"] }),
    ]);
    expect(diagnostics[0].message).toMatch(/only to the us-east-1 log group of edge function 'e'/);
    expect(check({ e: edge({ logging: { retentionDays: 14, disabled: true } }), b: cdnBucket({ onRequest: "e" }) })).toEqual([]);
  });

  it("edge functions run Node.js or Python only", () => {
    const d = only(check({ e: edge({ packaging: buildpack("edge.rb") }), b: cdnBucket({ onRequest: "e" }) }));
    expect(d).toMatchObject({ code: "unsupported", path: ["resources", "e", "properties", "packaging", "properties", "entryfilePath"] });
  });
});

describe("validateStack: resources", () => {
  it("HTTPS listeners need a certificate; listener ports are unique", () => {
    const lb: StackResource = { type: "application-load-balancer", properties: { listeners: [{ port: 443, protocol: "HTTPS" }, { port: 443, protocol: "HTTP" }] } };
    expect(errorsOf(check({ lb })).map((d) => d.code)).toEqual(["syntax", "duplicate"]);
    const ok: StackResource = { type: "application-load-balancer", properties: { listeners: [{ port: 443, protocol: "HTTPS", customCertificateArns: ["arn:aws:acm:us-east-1:123456789012:certificate/abc"] }] } };
    expect(check({ lb: ok })).toEqual([]);
  });

  it("a table's sort key must differ from its partition key", () => {
    const t: StackResource = { type: "dynamo-db-table", properties: { primaryKey: { partitionKey: { name: "id", type: "string" }, sortKey: { name: "id", type: "number" } } } };
    expect(only(check({ t })).code).toBe("conflict");
  });
});

describe("validateStack: robustness", () => {
  it("never throws on random schema-valid definitions, and every diagnostic has a path and a message", () => {
    fc.assert(
      fc.property(arbitraryStackDefinition(), (definition) => {
        for (const d of validateStack(definition, { cfnAttributes: specAttributes })) {
          expect(d.path.length).toBeGreaterThan(0);
          expect(d.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});
