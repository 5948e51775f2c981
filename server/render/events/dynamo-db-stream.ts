// dynamo-db-stream: an event source mapping on a table's stream; the role may read that stream.
import type { Diagnostic } from "@/lib/stack/diagnostics";
import { DEFAULT_DYNAMODB_BATCH_SIZE } from "@/lib/stack/defaults";
import type { DynamoDbIntegration } from "@/lib/stack/schema";
import { fragment, type Fragment } from "../fragment";
import { allow } from "../iam";
import { logicalIds } from "../naming";
import { expectService } from "../references";
import { streamMappingProperties } from "./stream-mapping";
import type { EventRenderInput } from "./types";

const STREAM_READ_ACTIONS = ["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator"];

export function renderDynamoDbStreamEvent({
  ctx,
  functionName,
  index,
  event,
  path,
}: EventRenderInput<DynamoDbIntegration>): Fragment {
  const diagnostics: Diagnostic[] = [];
  const streamPath = [...path, "properties", "streamArn"];
  const stream = ctx.resolve(event.properties.streamArn, streamPath, diagnostics);
  expectService(stream, "dynamodb", "streamArn", streamPath, diagnostics);
  const mapping = streamMappingProperties(
    ctx,
    functionName,
    event.properties,
    stream.value,
    DEFAULT_DYNAMODB_BATCH_SIZE,
    path,
    diagnostics,
  );
  return fragment(path, {
    resources: {
      [logicalIds.event(functionName, index, "EventSourceMapping")]: {
        Type: "AWS::Lambda::EventSourceMapping",
        Properties: mapping.properties,
      },
    },
    policyStatements: [
      { role: ctx.functionTarget(functionName).role, statement: allow(STREAM_READ_ACTIONS, [stream.value]) },
      ...mapping.statements,
    ],
    diagnostics,
  });
}
