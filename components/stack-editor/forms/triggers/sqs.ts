import { DEFAULT_SQS_BATCH_SIZE } from "@/lib/stack";
import type { TriggerSpec } from "../spec";

// Seed 000, "SQS event" and SqsIntegration API reference.
export const sqsTrigger: TriggerSpec<"sqs"> = {
  type: "sqs",
  label: "SQS queue",
  help: "The function is triggered whenever there are messages in the specified SQS queue; messages are processed in batches. A single queue should be consumed by a single function.",
  fields: [
    { key: ["queueArn"], label: "Queue ARN", kind: "target", resourceKinds: ["queue"], required: true, help: "The queue, e.g. $CfResourceParam('mySqsQueue', 'Arn') for a queue in cloudformationResources." },
    { key: ["batchSize"], label: "Batch size", kind: "number", defaultValue: DEFAULT_SQS_BATCH_SIZE, help: "Maximum amount of messages in one invocation (1-10000); above 10 needs a batch window." },
    { key: ["maxBatchWindowSeconds"], label: "Max batch window (seconds)", kind: "number", help: "How long to gather messages before invoking (0-300)." },
  ],
  create: () => ({ type: "sqs", properties: { queueArn: "" } }),
};
