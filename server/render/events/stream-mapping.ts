// Properties shared by the Kinesis and DynamoDB stream event source mappings.
import type { Diagnostic } from "@/lib/stack/diagnostics";
import { DEFAULT_STARTING_POSITION } from "@/lib/stack/defaults";
import type { DynamoDbIntegration, KinesisIntegration } from "@/lib/stack/schema";
import type { CfValue } from "../cfn";
import type { RenderContext } from "../context";
import type { DefinitionPath, RoleStatement } from "../fragment";
import { expectService } from "../references";
import { sendToStatement } from "./destination-access";

type StreamProperties = (KinesisIntegration | DynamoDbIntegration)["properties"];

export function streamMappingProperties(
  ctx: RenderContext,
  functionName: string,
  properties: StreamProperties,
  eventSourceArn: CfValue,
  defaultBatchSize: number,
  path: DefinitionPath,
  diagnostics: Diagnostic[],
): { properties: Record<string, CfValue>; statements: RoleStatement[] } {
  const target = ctx.functionTarget(functionName);
  const out: Record<string, CfValue> = {
    EventSourceArn: eventSourceArn,
    FunctionName: target.name,
    StartingPosition: properties.startingPosition ?? DEFAULT_STARTING_POSITION,
    BatchSize: properties.batchSize ?? defaultBatchSize,
  };
  if (properties.maxBatchWindowSeconds !== undefined) out.MaximumBatchingWindowInSeconds = properties.maxBatchWindowSeconds;
  if (properties.maximumRetryAttempts !== undefined) out.MaximumRetryAttempts = properties.maximumRetryAttempts;
  if (properties.parallelizationFactor !== undefined) out.ParallelizationFactor = properties.parallelizationFactor;
  if (properties.bisectBatchOnFunctionError !== undefined) {
    out.BisectBatchOnFunctionError = properties.bisectBatchOnFunctionError;
  }

  const statements: RoleStatement[] = [];
  if (properties.onFailure) {
    const arnPath = [...path, "properties", "onFailure", "arn"];
    const destination = ctx.resolve(properties.onFailure.arn, arnPath, diagnostics);
    expectService(destination, properties.onFailure.type, "onFailure.arn", arnPath, diagnostics);
    out.DestinationConfig = { OnFailure: { Destination: destination.value } };
    // Lambda sends the failed batch's metadata with the function's own role.
    const statement = sendToStatement(properties.onFailure.type, destination.value);
    if (statement) statements.push({ role: target.role, statement });
  }
  return { properties: out, statements };
}
