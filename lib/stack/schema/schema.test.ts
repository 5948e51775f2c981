// The schema covers every property of the seeds' API references, with the seeds' Required flags.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import * as s from "./index";

type Reference = [name: string, schema: z.ZodObject, required: string[], optional: string[]];
const props = (o: z.ZodObject) => o.shape.properties as z.ZodObject;

// Seed 000 and 001 API references ("Required" flags as printed).
const API_REFERENCES: Reference[] = [
  ["LambdaFunction", s.LambdaFunctionSchema, ["type", "properties"], ["overrides"]],
  [
    "LambdaFunction.properties",
    props(s.LambdaFunctionSchema),
    ["packaging"],
    ["events", "environment", "runtime", "memory", "timeout", "joinDefaultVpc", "tags", "destinations", "accessControl", "logging", "deployment"],
  ],
  ["EdgeLambdaFunction", s.EdgeLambdaFunctionSchema, ["type", "properties"], ["overrides"]],
  ["EdgeLambdaFunction.properties", props(s.EdgeLambdaFunctionSchema), ["packaging"], ["runtime", "memory", "timeout", "connectTo", "iamRoleStatements", "logging"]],
  ["HttpApiIntegration", props(s.HttpApiIntegrationSchema), ["httpApiGatewayName", "method", "path"], ["authorizer", "payloadFormat"]],
  ["CognitoAuthorizer", props(s.CognitoAuthorizerSchema), ["userPoolName"], ["identitySources"]],
  ["LambdaAuthorizer", props(s.LambdaAuthorizerSchema), ["functionName"], ["iamResponse", "identitySources", "cacheResultSeconds"]],
  ["ScheduleIntegration", props(s.ScheduleIntegrationSchema), ["scheduleRate"], ["input", "inputPath", "inputTransformer"]],
  ["EventBusIntegration", props(s.EventBusIntegrationSchema), ["eventPattern"], ["eventBusArn", "eventBusName", "useDefaultBus", "input", "inputPath", "inputTransformer"]],
  ["EventInputTransformer", s.EventInputTransformerSchema, ["inputTemplate"], ["inputPathsMap"]],
  ["EventBusIntegrationPattern", s.EventBusIntegrationPatternSchema, [], ["version", "detail-type", "source", "account", "region", "resources", "detail", "replay-name"]],
  ["KafkaTopicIntegration", props(s.KafkaTopicIntegrationSchema), [], ["upstashKafkaTopic", "customKafkaConfiguration", "batchSize", "maxBatchWindowSeconds"]],
  ["CustomKafkaEventSource", s.CustomKafkaEventSourceSchema, ["bootstrapServers", "topicName", "authentication"], []],
  ["KafkaSASLAuth", props(s.KafkaSASLAuthSchema), ["authenticationSecretArn"], []],
  ["KafkaMTLSAuth", props(s.KafkaMTLSAuthSchema), ["clientCertificate"], ["serverRootCaCertificate"]],
  ["SnsIntegration", props(s.SnsIntegrationSchema), ["topicArn"], ["filterPolicy", "onDeliveryFailure"]],
  ["SnsOnDeliveryFailure", s.SnsOnDeliveryFailureSchema, ["sqsQueueArn", "sqsQueueUrl"], []],
  ["SqsIntegration", props(s.SqsIntegrationSchema), ["queueArn"], ["batchSize", "maxBatchWindowSeconds"]],
  [
    "KinesisIntegration",
    props(s.KinesisIntegrationSchema),
    ["streamArn"],
    ["consumerArn", "autoCreateConsumer", "maxBatchWindowSeconds", "batchSize", "startingPosition", "maximumRetryAttempts", "onFailure", "parallelizationFactor", "bisectBatchOnFunctionError"],
  ],
  [
    "DynamoDbIntegration",
    props(s.DynamoDbIntegrationSchema),
    ["streamArn"],
    ["maxBatchWindowSeconds", "batchSize", "startingPosition", "maximumRetryAttempts", "onFailure", "parallelizationFactor", "bisectBatchOnFunctionError"],
  ],
  ["DestinationOnFailure", s.DestinationOnFailureSchema, ["arn", "type"], []],
  ["S3Integration", props(s.S3IntegrationSchema), ["bucketArn", "s3EventType"], ["filterRule"]],
  ["S3FilterRule", s.S3FilterRuleSchema, [], ["prefix", "suffix"]],
  ["CloudwatchLogIntegration", props(s.CloudwatchLogIntegrationSchema), ["logGroupArn"], ["filter"]],
  [
    "ApplicationLoadBalancerIntegration",
    props(s.ApplicationLoadBalancerIntegrationSchema),
    ["loadBalancerName", "priority"],
    ["listenerPort", "paths", "methods", "hosts", "headers", "queryParams", "sourceIps"],
  ],
  ["LbHeaderCondition", s.LbHeaderConditionSchema, ["headerName", "values"], []],
  ["LbQueryParamCondition", s.LbQueryParamConditionSchema, ["paramName", "values"], []],
  ["LambdaFunctionDestinations", s.LambdaFunctionDestinationsSchema, [], ["onSuccess", "onFailure"]],
  ["AccessControl", s.AccessControlSchema, [], ["iamRoleStatements", "allowAccessTo"]],
  ["EnvironmentVar", s.EnvironmentVarSchema, ["name", "value"], []],
  ["CloudformationTag", s.CloudformationTagSchema, ["name", "value"], []],
  ["StpIamRoleStatement", s.StpIamRoleStatementSchema, ["Resource"], ["Sid", "Effect", "Action", "Condition"]],
];

describe("schema coverage of the seed API references", () => {
  it.each(API_REFERENCES)("%s has every documented property with the documented Required flag", (_name, schema, required, optional) => {
    for (const key of required) {
      expect(schema.shape, key).toHaveProperty([key]);
      expect((schema.shape[key] as z.ZodType).safeParse(undefined).success, `${key} must be required`).toBe(false);
    }
    for (const key of optional) {
      expect(schema.shape, key).toHaveProperty([key]);
      expect((schema.shape[key] as z.ZodType).safeParse(undefined).success, `${key} must be optional`).toBe(true);
    }
  });

  it("has all 11 event types and the 8 resource types of the issue", () => {
    expect(s.FunctionEventSchema.options.map((o) => o.shape.type.value).sort()).toEqual(
      ["application-load-balancer", "cloudwatch-log", "dynamo-db-stream", "event-bus", "http-api-gateway", "kafka-topic", "kinesis-stream", "s3", "schedule", "sns", "sqs"],
    );
    expect([...s.STACK_RESOURCE_TYPES].sort()).toEqual(
      ["application-load-balancer", "bucket", "dynamo-db-table", "edge-lambda-function", "event-bus", "function", "http-api-gateway", "user-auth-pool"],
    );
  });
});

describe("limits in the schema", () => {
  const fnProps = props(s.LambdaFunctionSchema).shape;
  it.each([
    ["memory", 128, 10240],
    ["timeout", 1, 900],
    ["storage", 512, 10240],
  ])("%s accepts %i-%i and nothing outside", (key, min, max) => {
    const field = fnProps[key] as z.ZodType;
    expect(field.safeParse(min).success).toBe(true);
    expect(field.safeParse(max).success).toBe(true);
    expect(field.safeParse(min - 1).success).toBe(false);
    expect(field.safeParse(max + 1).success).toBe(false);
    expect(field.safeParse(min + 0.5).success).toBe(false);
  });

  it("edge functions: timeout at most 30 s, no container images", () => {
    const edgeProps = props(s.EdgeLambdaFunctionSchema).shape;
    expect((edgeProps.timeout as z.ZodType).safeParse(31).success).toBe(false);
    expect(s.EdgePackagingSchema.safeParse({ type: "container-image", properties: { imageUri: "x" } }).success).toBe(false);
  });

  it("architecture is x86_64 or arm64", () => {
    expect(s.ArchitectureSchema.options).toEqual(["x86_64", "arm64"]);
  });

  it("log retention takes only the values CloudWatch Logs accepts", () => {
    expect(s.LoggingSchema.safeParse({ retentionDays: 180 }).success).toBe(true);
    expect(s.LoggingSchema.safeParse({ retentionDays: 100 }).success).toBe(false);
  });

  it("names AWS accepts: Kafka topics and partner event sources (cfn-lint found both in the fuzz corpus)", () => {
    const topic = (topicName: string) => s.CustomKafkaEventSourceSchema.shape.topicName.safeParse(topicName);
    expect(topic("orders.v1_2-x").success).toBe(true);
    expect(topic("o").error?.issues[0].message).toBe("must be 2-249 letters, digits, '.', '_' or '-', not starting with '.' (AWS Lambda's Kafka topic pattern)");
    expect(topic(".orders").success).toBe(false);
    expect(topic("or ders").success).toBe(false);
    const source = (eventSourceName: string) => s.EventBusSchema.safeParse({ type: "event-bus", properties: { eventSourceName } });
    expect(source("aws.partner/saas.example.com/1234/orders").success).toBe(true);
    expect(source("orders").error?.issues[0].message).toBe("must be a partner event source name: aws.partner/<partner>/<name> (letters, digits and ./_-)");
    expect(source("aws.partner/only-one").success).toBe(false);
  });

  it("an EventBridge input template is 1-8192 characters (cfn-lint found an empty one in the fuzz corpus)", () => {
    const template = (inputTemplate: string) => s.EventInputTransformerSchema.safeParse({ inputTemplate }).success;
    expect([template(""), template("<path>"), template("x".repeat(8192)), template("x".repeat(8193))]).toEqual([false, true, true, false]);
  });

  it("input path names have a letter or digit (cfn-lint found '-_-' in the fuzz corpus)", () => {
    const name = (key: string) => s.EventInputTransformerSchema.safeParse({ inputTemplate: "<x>", inputPathsMap: { [key]: "$.detail" } });
    expect(name("detail_1-x").success).toBe(true);
    const [issue] = name("-_-").error?.issues ?? [];
    expect(issue.code === "invalid_key" && issue.issues[0].message).toBe("must be letters, digits, '_' and '-', with at least one letter or digit");
  });

  it("every object is strict", () => {
    expect(s.SqsIntegrationSchema.safeParse({ type: "sqs", properties: { queueArn: "a", extra: 1 } }).success).toBe(false);
    expect(s.StackDefinitionSchema.safeParse({ resources: {}, providerConfig: {} }).success).toBe(false);
  });
});
