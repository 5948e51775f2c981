/* eslint-disable @typescript-eslint/no-explicit-any -- definitions here are plain JSON, navigated by literal paths */
// The fuzz corpus's coherent definitions: random schema-valid stacks whose cross-references all resolve,
// so most of them render. Shared by the fuzz test (server/render/fuzz.test.ts) and the cfn-lint
// measurement of the templates render accepts (scripts/fuzz-templates.ts). Not used by production code.
import fc from "fast-check";
import type { FunctionEvent, StackDefinition } from "@/lib/stack";
import {
  ApplicationLoadBalancerSchema,
  BucketSchema,
  DynamoDbTableSchema,
  EdgeLambdaFunctionPropertiesSchema,
  EventBusSchema,
  FunctionEventSchema,
  HttpApiGatewaySchema,
  LambdaFunctionPropertiesSchema,
  UserAuthPoolSchema,
} from "@/lib/stack/schema";
import { arbitraryFor } from "@/lib/stack/testing/arbitraries";
import type { RenderOptions } from "./index";

export type Json = Record<string, any>;

const FUNCTIONS = ["fnA", "fnB", "fnC"];
const SCHEDULES = ["rate(1 minute)", "rate(5 minutes)", "rate(2 hours)", "rate(1 day)", "cron(0 10 * * ? *)", "cron(15 */2 ? * MON-FRI *)"];
const ARNS = {
  queue: "arn:aws:sqs:us-east-1:123456789012:jobs",
  topic: "arn:aws:sns:us-east-1:123456789012:news",
  stream: "arn:aws:kinesis:us-east-1:123456789012:stream/clicks",
  consumer: "arn:aws:kinesis:us-east-1:123456789012:stream/clicks/consumer/c:1",
  secret: "arn:aws:secretsmanager:us-east-1:123456789012:secret:kafka-AbCdEf",
  bus: "arn:aws:events:us-east-1:123456789012:event-bus/partner",
  logGroup: "arn:aws:logs:us-east-1:123456789012:log-group:/app/web",
};

/** Each reference field gets a value that points at something of the right kind that exists. */
function pick<T>(choices: readonly T[], seed: number): T {
  return choices[Math.abs(seed) % choices.length];
}

function coherentEvent(event: FunctionEvent, self: string, seed: number, albPorts: number[] | undefined): Json {
  const e = structuredClone(event) as Json;
  const p = e.properties;
  const otherFunction = pick(FUNCTIONS.filter((f) => f !== self), seed);
  switch (e.type) {
    case "http-api-gateway":
      p.httpApiGatewayName = "api";
      if (p.authorizer?.type === "cognito") p.authorizer.properties.userPoolName = "pool";
      if (p.authorizer?.type === "lambda") p.authorizer.properties.functionName = otherFunction;
      if (p.authorizer?.properties.identitySources) delete p.authorizer.properties.identitySources;
      p.path = `/${self}/${seed % 7}`;
      break;
    case "schedule":
    case "event-bus": {
      if (e.type === "schedule") p.scheduleRate = pick(SCHEDULES, seed);
      const inputs = ["input", "inputPath", "inputTransformer"].filter((k) => k in p);
      for (const k of inputs.slice(1)) delete p[k];
      if (e.type === "event-bus") {
        delete p.eventBusArn;
        delete p.eventBusName;
        delete p.useDefaultBus;
        Object.assign(p, pick([{ useDefaultBus: true }, { eventBusName: "bus" }, { eventBusArn: ARNS.bus }], seed));
        p.eventPattern = { source: ["app.orders"], ...p.eventPattern };
      }
      break;
    }
    case "kafka-topic":
      delete p.upstashKafkaTopic;
      p.customKafkaConfiguration ??= {
        bootstrapServers: ["broker:9092"],
        topicName: "orders",
        authentication: { type: "BASIC_AUTH", properties: { authenticationSecretArn: ARNS.secret } },
      };
      p.customKafkaConfiguration.bootstrapServers = ["broker-1.example.com:9092"];
      if (p.customKafkaConfiguration.authentication.type === "MTLS") {
        p.customKafkaConfiguration.authentication.properties = { clientCertificate: ARNS.secret };
      } else {
        p.customKafkaConfiguration.authentication.properties.authenticationSecretArn = ARNS.secret;
      }
      break;
    case "sns":
      p.topicArn = pick([ARNS.topic, "$CfResourceParam('topic', 'TopicArn')"], seed);
      if (p.onDeliveryFailure) p.onDeliveryFailure = { sqsQueueArn: "$CfResourceParam('queue', 'Arn')", sqsQueueUrl: "$CfResourceParam('queue', 'QueueUrl')" };
      if (p.filterPolicy) p.filterPolicy = { kind: ["order"] };
      break;
    case "sqs":
      p.queueArn = pick([ARNS.queue, "$CfResourceParam('queue', 'Arn')"], seed);
      if (p.batchSize > 10) p.maxBatchWindowSeconds = Math.max(1, p.maxBatchWindowSeconds ?? 1);
      break;
    case "kinesis-stream":
    case "dynamo-db-stream":
      p.streamArn =
        e.type === "kinesis-stream"
          ? pick([ARNS.stream, "$CfResourceParam('stream', 'Arn')"], seed)
          : "$ResourceParam('table', 'streamArn')";
      if (p.onFailure) p.onFailure = { type: "sqs", arn: "$CfResourceParam('queue', 'Arn')" };
      if (p.consumerArn) {
        p.consumerArn = ARNS.consumer;
        delete p.autoCreateConsumer;
      }
      break;
    case "s3":
      p.bucketArn = "$ResourceParam('bucket', 'arn')";
      break;
    case "cloudwatch-log":
      p.logGroupArn = pick([ARNS.logGroup, `$ResourceParam('${otherFunction}', 'logGroupArn')`], seed);
      delete p.filter;
      break;
    case "application-load-balancer":
      p.loadBalancerName = "lb";
      p.paths = [`/${self}/*`];
      if (albPorts && albPorts.length > 0) p.listenerPort = albPorts[0];
      else delete p.listenerPort;
      for (const k of ["hosts", "headers", "queryParams", "sourceIps", "methods"]) delete p[k];
      break;
  }
  return e;
}

/** A definition whose cross-references all resolve: most of these should render. */
export function coherentDefinition(): fc.Arbitrary<Json> {
  const maxItems = 2;
  return fc
    .record({
      api: arbitraryFor(HttpApiGatewaySchema, { maxItems }),
      bus: arbitraryFor(EventBusSchema, { maxItems }),
      pool: arbitraryFor(UserAuthPoolSchema, { maxItems }),
      table: arbitraryFor(DynamoDbTableSchema, { maxItems }),
      bucket: arbitraryFor(BucketSchema, { maxItems }),
      lb: arbitraryFor(ApplicationLoadBalancerSchema, { maxItems }),
      functions: fc.array(arbitraryFor(LambdaFunctionPropertiesSchema, { maxItems }), {
        minLength: FUNCTIONS.length,
        maxLength: FUNCTIONS.length,
      }),
      events: fc.array(fc.array(arbitraryFor(FunctionEventSchema, { maxItems }), { maxLength: 3 }), {
        minLength: FUNCTIONS.length,
        maxLength: FUNCTIONS.length,
      }),
      edge: arbitraryFor(EdgeLambdaFunctionPropertiesSchema, { maxItems }),
      seed: fc.nat(),
    })
    .map(({ api, bus, pool, table, bucket, lb, functions, events, edge, seed }) => {
      // Overrides name rendered logical ids; random ones only exercise the "unknown target" error.
      const support = [api, bus, pool, table, bucket, lb].map((r) => {
        const copy = structuredClone(r) as Json;
        delete copy.overrides;
        return copy;
      });
      const [apiR, busR, poolR, t, b, loadBalancer] = support;
      t.properties.streamType ??= "NEW_IMAGE";
      if (b.properties?.cdn?.edgeFunctions) b.properties.cdn = { enabled: true, edgeFunctions: { onRequest: "edgeA" } };
      const listeners = loadBalancer.properties?.listeners?.filter((l: Json) => l.protocol === "HTTP");
      if (loadBalancer.properties?.listeners) {
        if (listeners.length) loadBalancer.properties.listeners = [{ port: listeners[0].port, protocol: "HTTP" }];
        else delete loadBalancer.properties.listeners;
      }
      const albPorts = loadBalancer.properties?.listeners?.map((l: Json) => l.port);
      const resources: Json = { api: apiR, bus: busR, pool: poolR, table: t, bucket: b, lb: loadBalancer };
      FUNCTIONS.forEach((name, i) => {
        const props = structuredClone(functions[i]) as Json;
        props.packaging = { type: "stacktape-lambda-buildpack", properties: { entryfilePath: `src/${name}.ts` } };
        delete props.runtime;
        props.events = events[i]
          .map((e, j) => coherentEvent(e as FunctionEvent, name, seed + i * 7 + j, albPorts))
          .map((e, j) => (e.type === "application-load-balancer" ? { ...e, properties: { ...e.properties, priority: 100 * i + j + 1 } } : e));
        delete props.environment;
        delete props.accessControl;
        props.connectTo = props.connectTo ? ["table", "bucket"].slice(0, 1 + (seed % 2)) : undefined;
        if (props.destinations) props.destinations = { onFailure: `$ResourceParam('${FUNCTIONS[(i + 1) % FUNCTIONS.length]}', 'arn')` };
        if (props.deployment) {
          delete props.deployment.beforeAllowTrafficFunction;
          delete props.deployment.afterTrafficShiftFunction;
          if (props.deployment.strategy) delete props.deployment.weightedRouting;
        }
        if (props.logging) delete props.logging.disabled;
        if (props.provisionedConcurrency !== undefined) delete props.reservedConcurrency;
        if (props.tags) props.tags = props.tags.map((tag: Json, k: number) => ({ name: `tag${k}`, value: tag.value.replace(/[^\w .:/=+@-]/g, "") }));
        for (const key of Object.keys(props)) if (props[key] === undefined) delete props[key];
        resources[name] = { type: "function", properties: props };
      });
      const edgeProps = structuredClone(edge) as Json;
      edgeProps.packaging = { type: "stacktape-lambda-buildpack", properties: { entryfilePath: "src/edge.ts" } };
      delete edgeProps.runtime;
      delete edgeProps.connectTo;
      delete edgeProps.iamRoleStatements;
      edgeProps.memory = 128;
      edgeProps.timeout = 5;
      resources.edgeA = { type: "edge-lambda-function", properties: edgeProps };
      return {
        resources,
        cloudformationResources: {
          // Lambda refuses an SQS trigger whose function times out after the queue's visibility timeout (at most 900 s).
          queue: { Type: "AWS::SQS::Queue", Properties: { VisibilityTimeout: 900 } },
          topic: { Type: "AWS::SNS::Topic" },
          stream: { Type: "AWS::Kinesis::Stream", Properties: { ShardCount: 1 } },
        },
      };
    });
}

/** Artifacts for every buildpack function: the fuzz renders without packaging code. */
export function fuzzRenderOptions(definition: StackDefinition): RenderOptions {
  const artifacts: RenderOptions["artifacts"] = {};
  for (const [name, r] of Object.entries(definition.resources)) {
    if ((r.type === "function" || r.type === "edge-lambda-function") && r.properties.packaging.type === "stacktape-lambda-buildpack") {
      artifacts[name] = { bucket: "lambdaplane-artifacts-us-east-1", key: `fuzz/${name}/0123456789abcdef.zip` };
    }
  }
  return { stackName: "fuzz", stage: "dev", region: "us-east-1", artifacts };
}
