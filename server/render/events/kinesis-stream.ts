// kinesis-stream: an event source mapping on the stream, or on an enhanced fan-out consumer
// (given, or created here when autoCreateConsumer is set).
import type { Diagnostic } from "@/lib/stack/diagnostics";
import { DEFAULT_KINESIS_BATCH_SIZE } from "@/lib/stack/defaults";
import type { KinesisIntegration } from "@/lib/stack/schema";
import { getAtt, type CfResource, type CfValue } from "../cfn";
import { fragment, type Fragment, type RoleStatement } from "../fragment";
import { allow } from "../iam";
import { logicalIds, physicalNames } from "../naming";
import { expectService } from "../references";
import { streamMappingProperties } from "./stream-mapping";
import type { EventRenderInput } from "./types";

const STREAM_READ_ACTIONS = [
  "kinesis:DescribeStream",
  "kinesis:DescribeStreamSummary",
  "kinesis:GetRecords",
  "kinesis:GetShardIterator",
  "kinesis:ListShards",
];
const CONSUMER_ACTIONS = ["kinesis:DescribeStreamConsumer", "kinesis:SubscribeToShard"];

export function renderKinesisStreamEvent({
  ctx,
  functionName,
  index,
  event,
  path,
}: EventRenderInput<KinesisIntegration>): Fragment {
  const diagnostics: Diagnostic[] = [];
  const props = event.properties;
  const streamPath = [...path, "properties", "streamArn"];
  const stream = ctx.resolve(props.streamArn, streamPath, diagnostics);
  expectService(stream, "kinesis", "streamArn", streamPath, diagnostics);
  const role = ctx.functionTarget(functionName).role;
  const resources: Record<string, CfResource> = {};

  let consumerArn: CfValue | undefined;
  if (props.consumerArn !== undefined) {
    consumerArn = ctx.resolve(props.consumerArn, [...path, "properties", "consumerArn"], diagnostics).value;
  } else if (props.autoCreateConsumer) {
    const consumerId = logicalIds.event(functionName, index, "StreamConsumer");
    resources[consumerId] = {
      Type: "AWS::Kinesis::StreamConsumer",
      Properties: {
        ConsumerName: physicalNames.streamConsumer(ctx.options.stackName, ctx.options.stage, functionName, index),
        StreamARN: stream.value,
      },
    };
    consumerArn = getAtt(consumerId, "ConsumerARN");
  }

  const mapping = streamMappingProperties(
    ctx,
    functionName,
    props,
    consumerArn ?? stream.value,
    DEFAULT_KINESIS_BATCH_SIZE,
    path,
    diagnostics,
  );
  resources[logicalIds.event(functionName, index, "EventSourceMapping")] = {
    Type: "AWS::Lambda::EventSourceMapping",
    Properties: mapping.properties,
  };

  const statements: RoleStatement[] = [{ role, statement: allow(STREAM_READ_ACTIONS, [stream.value]) }];
  if (consumerArn !== undefined) statements.push({ role, statement: allow(CONSUMER_ACTIONS, [consumerArn]) });

  return fragment(path, {
    resources,
    policyStatements: [...statements, ...mapping.statements],
    diagnostics,
  });
}
