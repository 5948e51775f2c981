// The 11 event integrations a function can have, named after the seed's API references.
import { z } from "zod";
import { ALB_CONDITION_VALUE_MAX_CHARS } from "../limits";
import { JsonObjectSchema, JsonValueSchema } from "./common";

const int = (min: number, max: number) => z.int().min(min).max(max);

// ---- http-api-gateway ----

export const CognitoAuthorizerSchema = z.strictObject({
  type: z.literal("cognito"),
  properties: z.strictObject({
    userPoolName: z.string().min(1),
    identitySources: z.array(z.string().min(1)).optional(),
  }),
});
export type CognitoAuthorizer = z.infer<typeof CognitoAuthorizerSchema>;

export const LambdaAuthorizerSchema = z.strictObject({
  type: z.literal("lambda"),
  properties: z.strictObject({
    functionName: z.string().min(1),
    iamResponse: z.boolean().optional(),
    identitySources: z.array(z.string().min(1)).optional(),
    // AWS::ApiGatewayV2::Authorizer AuthorizerResultTtlInSeconds: 0-3600.
    cacheResultSeconds: int(0, 3600).optional(),
  }),
});
export type LambdaAuthorizer = z.infer<typeof LambdaAuthorizerSchema>;

export const HttpApiAuthorizerSchema = z.discriminatedUnion("type", [CognitoAuthorizerSchema, LambdaAuthorizerSchema]);
export type HttpApiAuthorizer = z.infer<typeof HttpApiAuthorizerSchema>;

export const HTTP_API_METHODS = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "*"] as const;

export const HttpApiIntegrationSchema = z.strictObject({
  type: z.literal("http-api-gateway"),
  properties: z.strictObject({
    httpApiGatewayName: z.string().min(1),
    method: z.enum(HTTP_API_METHODS),
    path: z.string().regex(/^\/\S*$/, "must start with '/' and contain no whitespace"),
    authorizer: HttpApiAuthorizerSchema.optional(),
    payloadFormat: z.enum(["1.0", "2.0"]).optional(),
  }),
});
export type HttpApiIntegration = z.infer<typeof HttpApiIntegrationSchema>;

// ---- schedule and event-bus ----

export const EventInputTransformerSchema = z.strictObject({
  // AWS::Events::Rule InputTransformer.InputTemplate: 1-8192 characters.
  inputTemplate: z.string().min(1).max(8192),
  // EventBridge takes [A-Za-z0-9_-]+; CloudFormation's schema also wants a letter or digit in each name.
  inputPathsMap: z
    .record(z.string().regex(/^[A-Za-z0-9_-]*[A-Za-z0-9][A-Za-z0-9_-]*$/, "must be letters, digits, '_' and '-', with at least one letter or digit"), z.string())
    .optional(),
});
export type EventInputTransformer = z.infer<typeof EventInputTransformerSchema>;

export const ScheduleIntegrationSchema = z.strictObject({
  type: z.literal("schedule"),
  properties: z.strictObject({
    /** `rate(<n> <unit>)` or `cron(<6 fields>)`. */
    scheduleRate: z.string().min(1),
    input: JsonValueSchema.optional(),
    inputPath: z.string().optional(),
    inputTransformer: EventInputTransformerSchema.optional(),
  }),
});
export type ScheduleIntegration = z.infer<typeof ScheduleIntegrationSchema>;

const patternValues = z.array(JsonValueSchema);
export const EventBusIntegrationPatternSchema = z.strictObject({
  version: patternValues.optional(),
  "detail-type": patternValues.optional(),
  source: patternValues.optional(),
  account: patternValues.optional(),
  region: patternValues.optional(),
  resources: patternValues.optional(),
  detail: JsonObjectSchema.optional(),
  "replay-name": patternValues.optional(),
});
export type EventBusIntegrationPattern = z.infer<typeof EventBusIntegrationPatternSchema>;

export const EventBusIntegrationSchema = z.strictObject({
  type: z.literal("event-bus"),
  properties: z.strictObject({
    eventPattern: EventBusIntegrationPatternSchema,
    eventBusArn: z.string().min(1).optional(),
    /** Name of an `event-bus` resource in this stack. */
    eventBusName: z.string().min(1).optional(),
    useDefaultBus: z.boolean().optional(),
    input: JsonValueSchema.optional(),
    inputPath: z.string().optional(),
    inputTransformer: EventInputTransformerSchema.optional(),
  }),
});
export type EventBusIntegration = z.infer<typeof EventBusIntegrationSchema>;

// ---- kafka-topic ----

export const KafkaSASLAuthSchema = z.strictObject({
  type: z.enum(["BASIC_AUTH", "SASL_SCRAM_256_AUTH", "SASL_SCRAM_512_AUTH"]),
  properties: z.strictObject({
    /** Secrets Manager secret holding `username` and `password`. */
    authenticationSecretArn: z.string().min(1),
  }),
});
export type KafkaSASLAuth = z.infer<typeof KafkaSASLAuthSchema>;

export const KafkaMTLSAuthSchema = z.strictObject({
  type: z.literal("MTLS"),
  properties: z.strictObject({
    /** Secrets Manager secret holding the client certificate and private key. */
    clientCertificate: z.string().min(1),
    /** Secrets Manager secret holding the root CA certificate of the brokers. */
    serverRootCaCertificate: z.string().min(1).optional(),
  }),
});
export type KafkaMTLSAuth = z.infer<typeof KafkaMTLSAuthSchema>;

export const CustomKafkaEventSourceSchema = z.strictObject({
  bootstrapServers: z.array(z.string().regex(/^[^\s:]+:\d{1,5}$/, "must be host:port")).min(1),
  // AWS Lambda's pattern for Kafka topics: Kafka's characters, not starting with a dot, at least 2 long.
  topicName: z
    .string()
    .max(249)
    .regex(/^[A-Za-z0-9_-][A-Za-z0-9._-]+$/, "must be 2-249 letters, digits, '.', '_' or '-', not starting with '.' (AWS Lambda's Kafka topic pattern)"),
  authentication: z.discriminatedUnion("type", [KafkaSASLAuthSchema, KafkaMTLSAuthSchema]),
});
export type CustomKafkaEventSource = z.infer<typeof CustomKafkaEventSourceSchema>;

export const KafkaTopicIntegrationSchema = z.strictObject({
  type: z.literal("kafka-topic"),
  properties: z.strictObject({
    upstashKafkaTopic: z.string().min(1).optional(),
    customKafkaConfiguration: CustomKafkaEventSourceSchema.optional(),
    batchSize: int(1, 10000).optional(),
    maxBatchWindowSeconds: int(0, 300).optional(),
  }),
});
export type KafkaTopicIntegration = z.infer<typeof KafkaTopicIntegrationSchema>;

// ---- sns and sqs ----

export const SnsOnDeliveryFailureSchema = z.strictObject({
  sqsQueueArn: z.string().min(1),
  sqsQueueUrl: z.string().min(1),
});
export type SnsOnDeliveryFailure = z.infer<typeof SnsOnDeliveryFailureSchema>;

export const SnsIntegrationSchema = z.strictObject({
  type: z.literal("sns"),
  properties: z.strictObject({
    topicArn: z.string().min(1),
    filterPolicy: JsonObjectSchema.optional(),
    onDeliveryFailure: SnsOnDeliveryFailureSchema.optional(),
  }),
});
export type SnsIntegration = z.infer<typeof SnsIntegrationSchema>;

export const SqsIntegrationSchema = z.strictObject({
  type: z.literal("sqs"),
  properties: z.strictObject({
    queueArn: z.string().min(1),
    batchSize: int(1, 10000).optional(),
    maxBatchWindowSeconds: int(0, 300).optional(),
  }),
});
export type SqsIntegration = z.infer<typeof SqsIntegrationSchema>;

// ---- stream sources ----

export const DestinationOnFailureSchema = z.strictObject({
  arn: z.string().min(1),
  type: z.enum(["sqs", "sns"]),
});
export type DestinationOnFailure = z.infer<typeof DestinationOnFailureSchema>;

export const StartingPositionSchema = z.enum(["TRIM_HORIZON", "LATEST"]);
export type StartingPosition = z.infer<typeof StartingPositionSchema>;

const streamProperties = {
  streamArn: z.string().min(1),
  maxBatchWindowSeconds: int(0, 300).optional(),
  batchSize: int(1, 10000).optional(),
  startingPosition: StartingPositionSchema.optional(),
  // -1 means retry until the record expires.
  maximumRetryAttempts: int(-1, 10000).optional(),
  onFailure: DestinationOnFailureSchema.optional(),
  parallelizationFactor: int(1, 10).optional(),
  bisectBatchOnFunctionError: z.boolean().optional(),
};

export const KinesisIntegrationSchema = z.strictObject({
  type: z.literal("kinesis-stream"),
  properties: z.strictObject({
    ...streamProperties,
    consumerArn: z.string().min(1).optional(),
    autoCreateConsumer: z.boolean().optional(),
  }),
});
export type KinesisIntegration = z.infer<typeof KinesisIntegrationSchema>;

export const DynamoDbIntegrationSchema = z.strictObject({
  type: z.literal("dynamo-db-stream"),
  properties: z.strictObject(streamProperties),
});
export type DynamoDbIntegration = z.infer<typeof DynamoDbIntegrationSchema>;

// ---- s3 and cloudwatch-log ----

// The event types S3 bucket notifications accept.
export const S3_EVENT_TYPES = [
  "s3:ObjectCreated:*",
  "s3:ObjectCreated:Put",
  "s3:ObjectCreated:Post",
  "s3:ObjectCreated:Copy",
  "s3:ObjectCreated:CompleteMultipartUpload",
  "s3:ObjectRemoved:*",
  "s3:ObjectRemoved:Delete",
  "s3:ObjectRemoved:DeleteMarkerCreated",
  "s3:ObjectRestore:*",
  "s3:ObjectRestore:Post",
  "s3:ObjectRestore:Completed",
  "s3:ObjectRestore:Delete",
  "s3:ReducedRedundancyLostObject",
  "s3:Replication:*",
  "s3:Replication:OperationFailedReplication",
  "s3:Replication:OperationNotTracked",
  "s3:Replication:OperationMissedThreshold",
  "s3:Replication:OperationReplicatedAfterThreshold",
  "s3:LifecycleTransition",
  "s3:IntelligentTiering",
  "s3:ObjectAcl:Put",
  "s3:LifecycleExpiration:*",
  "s3:LifecycleExpiration:Delete",
  "s3:LifecycleExpiration:DeleteMarkerCreated",
  "s3:ObjectTagging:*",
  "s3:ObjectTagging:Put",
  "s3:ObjectTagging:Delete",
] as const;

export const S3FilterRuleSchema = z.strictObject({
  prefix: z.string().min(1).optional(),
  suffix: z.string().min(1).optional(),
});
export type S3FilterRule = z.infer<typeof S3FilterRuleSchema>;

export const S3IntegrationSchema = z.strictObject({
  type: z.literal("s3"),
  properties: z.strictObject({
    bucketArn: z.string().min(1),
    s3EventType: z.enum(S3_EVENT_TYPES),
    filterRule: S3FilterRuleSchema.optional(),
  }),
});
export type S3Integration = z.infer<typeof S3IntegrationSchema>;

export const CloudwatchLogIntegrationSchema = z.strictObject({
  type: z.literal("cloudwatch-log"),
  properties: z.strictObject({
    logGroupArn: z.string().min(1),
    /** CloudWatch Logs filter pattern; every record when omitted. */
    filter: z.string().max(1024).optional(),
  }),
});
export type CloudwatchLogIntegration = z.infer<typeof CloudwatchLogIntegrationSchema>;

// ---- application-load-balancer ----

export const LbHeaderConditionSchema = z.strictObject({
  headerName: z.string().min(1).max(40),
  values: z.array(z.string().min(1)).min(1),
});
export type LbHeaderCondition = z.infer<typeof LbHeaderConditionSchema>;

export const LbQueryParamConditionSchema = z.strictObject({
  paramName: z.string().min(1),
  values: z.array(z.string().min(1)).min(1),
});
export type LbQueryParamCondition = z.infer<typeof LbQueryParamConditionSchema>;

export const ApplicationLoadBalancerIntegrationSchema = z.strictObject({
  type: z.literal("application-load-balancer"),
  properties: z.strictObject({
    loadBalancerName: z.string().min(1),
    priority: int(1, 50000),
    listenerPort: int(1, 65535).optional(),
    paths: z.array(z.string().min(1).max(ALB_CONDITION_VALUE_MAX_CHARS)).optional(),
    methods: z.array(z.string().regex(/^[A-Z_-]{1,40}$/, "must be an upper-case HTTP method name")).optional(),
    hosts: z.array(z.string().min(1).max(ALB_CONDITION_VALUE_MAX_CHARS)).optional(),
    headers: z.array(LbHeaderConditionSchema).optional(),
    queryParams: z.array(LbQueryParamConditionSchema).optional(),
    /** CIDR blocks, IPv4 or IPv6. */
    sourceIps: z.array(z.string().min(1)).optional(),
  }),
});
export type ApplicationLoadBalancerIntegration = z.infer<typeof ApplicationLoadBalancerIntegrationSchema>;

export const FunctionEventSchema = z.discriminatedUnion("type", [
  HttpApiIntegrationSchema,
  ScheduleIntegrationSchema,
  EventBusIntegrationSchema,
  KafkaTopicIntegrationSchema,
  SnsIntegrationSchema,
  SqsIntegrationSchema,
  KinesisIntegrationSchema,
  DynamoDbIntegrationSchema,
  S3IntegrationSchema,
  CloudwatchLogIntegrationSchema,
  ApplicationLoadBalancerIntegrationSchema,
]);
export type FunctionEvent = z.infer<typeof FunctionEventSchema>;
export type FunctionEventType = FunctionEvent["type"];
