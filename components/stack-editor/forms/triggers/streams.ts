import { DEFAULT_DYNAMODB_BATCH_SIZE, DEFAULT_KINESIS_BATCH_SIZE, DEFAULT_STARTING_POSITION } from "@/lib/stack";
import type { FieldSpec, TriggerSpec } from "../spec";
import { streamFailureOf } from "../targets";

// Seed 000, "Kinesis stream event" / "DynamoDb stream event": the batching fields both share.
const streamFields = (defaultBatch: number): FieldSpec[] => [
  { key: ["batchSize"], label: "Batch size", kind: "number", defaultValue: defaultBatch, help: "Maximum amount of records in one invocation (1-10000)." },
  { key: ["maxBatchWindowSeconds"], label: "Max batch window (seconds)", kind: "number", help: "How long to gather records before invoking (0-300)." },
  { key: ["startingPosition"], label: "Starting position", kind: "select", options: ["TRIM_HORIZON", "LATEST"], defaultValue: DEFAULT_STARTING_POSITION, help: "Read from the oldest record (TRIM_HORIZON) or only new ones (LATEST)." },
  { key: ["maximumRetryAttempts"], label: "Maximum retry attempts", kind: "number", help: "-1 retries until the record expires." },
  { key: ["onFailure"], label: "On failure: queue or topic", kind: "pick", resourceKinds: ["queue", "topic"], fill: streamFailureOf, help: "Where records that failed all retries go; or set the ARN and type below." },
  { key: ["onFailure", "arn"], label: "On failure: destination ARN", kind: "text", required: true, help: "An SQS queue or SNS topic ARN, e.g. $CfResourceParam('myQueue', 'Arn')." },
  { key: ["onFailure", "type"], label: "On failure: destination type", kind: "select", options: ["sqs", "sns"], required: true },
  { key: ["parallelizationFactor"], label: "Parallelization factor", kind: "number", help: "Batches processed concurrently per shard (1-10)." },
  { key: ["bisectBatchOnFunctionError"], label: "Bisect batch on error", kind: "boolean", defaultValue: false, help: "Split a failing batch in two and retry each half." },
];

export const kinesisTrigger: TriggerSpec<"kinesis-stream"> = {
  type: "kinesis-stream",
  label: "Kinesis stream",
  help: "The function is triggered whenever there are messages in the specified Kinesis stream; messages are processed in batches. Consume directly, or through a stream consumer with enhanced fan-out.",
  fields: [
    { key: ["streamArn"], label: "Stream ARN", kind: "target", resourceKinds: ["stream"], required: true, help: "e.g. $CfResourceParam('myKinesisStream', 'Arn')." },
    ...streamFields(DEFAULT_KINESIS_BATCH_SIZE),
    { key: ["consumerArn"], label: "Consumer ARN", kind: "text", help: "An existing enhanced fan-out consumer." },
    { key: ["autoCreateConsumer"], label: "Auto-create consumer", kind: "boolean", defaultValue: false, help: "Create a dedicated enhanced fan-out consumer." },
  ],
  create: () => ({ type: "kinesis-stream", properties: { streamArn: "" } }),
};

export const dynamoDbStreamTrigger: TriggerSpec<"dynamo-db-stream"> = {
  type: "dynamo-db-stream",
  label: "DynamoDB stream",
  help: "The function is triggered whenever there are processable records in the specified DynamoDB stream. The stream must be enabled on the table (streamType).",
  fields: [
    { key: ["streamArn"], label: "Stream ARN", kind: "text", required: true, help: "e.g. $ResourceParam('myDynamoDbTable', 'streamArn')." },
    ...streamFields(DEFAULT_DYNAMODB_BATCH_SIZE),
  ],
  create: () => ({ type: "dynamo-db-stream", properties: { streamArn: "" } }),
};
