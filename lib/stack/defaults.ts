// Defaults the seed documents (or AWS applies) for properties the user may omit. The parser never injects
// them, so a definition prints back exactly as written; the renderer, cost model and UI read them here.
import type { Architecture, DeploymentStrategy, LambdaRuntime, LbListener, StartingPosition } from "./schema";

// ---- function ----
/** Seed 000, LambdaFunction API reference: `timeout` Default: 10. */
export const DEFAULT_FUNCTION_TIMEOUT_SECONDS = 10;
/** Not in the seed; AWS Lambda's own default MemorySize. */
export const DEFAULT_FUNCTION_MEMORY_MB = 128;
/** AWS Lambda's default (and minimum) ephemeral storage. */
export const DEFAULT_EPHEMERAL_STORAGE_MB = 512;
export const DEFAULT_ARCHITECTURE: Architecture = "x86_64";
/** Seed 000 and 001, logging: retentionDays Default: 180. */
export const DEFAULT_LOG_RETENTION_DAYS = 180;
/** Alias created when `deployment` is set without `aliasName` (a Lambdaplane choice, not from the seed). */
export const DEFAULT_DEPLOYMENT_ALIAS_NAME = "live";
/** CodeDeploy predefined configurations are named `CodeDeployDefault.Lambda<strategy>`. */
export function codeDeployConfigName(strategy: DeploymentStrategy): string {
  return `CodeDeployDefault.Lambda${strategy}`;
}

/**
 * Runtime picked per source language when `runtime` is omitted (see detectRuntime): the newest that both
 * AWS Lambda and cfn-lint accept (nodejs24.x and python3.14 checked with cfn-lint 1.51, 2026-12).
 */
export const DEFAULT_RUNTIME_BY_LANGUAGE = {
  node: "nodejs24.x",
  python: "python3.14",
  ruby: "ruby3.4",
  java: "java21",
  go: "provided.al2023",
} as const satisfies Record<string, LambdaRuntime>;

// ---- edge-lambda-function (seed 001, EdgeLambdaFunction API reference) ----
export const DEFAULT_EDGE_MEMORY_MB = 128;
export const DEFAULT_EDGE_TIMEOUT_SECONDS = 3;

// ---- events (seed 000 API references) ----
/** HttpApiIntegration payloadFormat Default: '1.0'. */
export const DEFAULT_HTTP_PAYLOAD_FORMAT = "1.0" as const;
/** SqsIntegration batchSize Default: 10. */
export const DEFAULT_SQS_BATCH_SIZE = 10;
/** KinesisIntegration batchSize Default: 10. */
export const DEFAULT_KINESIS_BATCH_SIZE = 10;
/** DynamoDbIntegration batchSize Default: 100. */
export const DEFAULT_DYNAMODB_BATCH_SIZE = 100;
/** KafkaTopicIntegration batchSize Default: 100. */
export const DEFAULT_KAFKA_BATCH_SIZE = 100;
/** KinesisIntegration and DynamoDbIntegration startingPosition Default: TRIM_HORIZON (used for Kafka too). */
export const DEFAULT_STARTING_POSITION: StartingPosition = "TRIM_HORIZON";

// ---- application-load-balancer ----
/** The listener an application-load-balancer gets when it declares none. */
export const DEFAULT_ALB_LISTENER: LbListener = { port: 80, protocol: "HTTP" };
