// sqs: Lambda polls the queue through an event source mapping; the role may read and delete messages.
import type { Diagnostic } from "@/lib/stack/diagnostics";
import { DEFAULT_SQS_BATCH_SIZE } from "@/lib/stack/defaults";
import type { SqsIntegration } from "@/lib/stack/schema";
import type { CfValue } from "../cfn";
import { fragment, type Fragment } from "../fragment";
import { allow } from "../iam";
import { logicalIds } from "../naming";
import { expectService } from "../references";
import type { EventRenderInput } from "./types";

export function renderSqsEvent({ ctx, functionName, index, event, path }: EventRenderInput<SqsIntegration>): Fragment {
  const diagnostics: Diagnostic[] = [];
  const { queueArn, batchSize, maxBatchWindowSeconds } = event.properties;
  const queuePath = [...path, "properties", "queueArn"];
  const queue = ctx.resolve(queueArn, queuePath, diagnostics);
  expectService(queue, "sqs", "queueArn", queuePath, diagnostics);
  const target = ctx.functionTarget(functionName);
  const effectiveBatchSize = batchSize ?? DEFAULT_SQS_BATCH_SIZE;

  // AWS rejects SQS batches above 10 messages unless a batching window is set.
  if (effectiveBatchSize > 10 && !maxBatchWindowSeconds) {
    diagnostics.push({
      severity: "error",
      code: "limit",
      message: "an sqs batchSize above 10 requires maxBatchWindowSeconds of at least 1",
      path: [...path, "properties", "batchSize"],
    });
  }

  const properties: Record<string, CfValue> = {
    EventSourceArn: queue.value,
    FunctionName: target.name,
    BatchSize: effectiveBatchSize,
  };
  if (maxBatchWindowSeconds !== undefined) properties.MaximumBatchingWindowInSeconds = maxBatchWindowSeconds;

  return fragment(path, {
    resources: {
      [logicalIds.event(functionName, index, "EventSourceMapping")]: {
        Type: "AWS::Lambda::EventSourceMapping",
        Properties: properties,
      },
    },
    policyStatements: [
      {
        role: target.role,
        statement: allow(["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"], [queue.value]),
      },
    ],
    diagnostics,
  });
}
