import "server-only";
import { CloudFormationClient } from "@aws-sdk/client-cloudformation";
import { CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import { LambdaClient } from "@aws-sdk/client-lambda";
import { S3Client } from "@aws-sdk/client-s3";
import { STSClient } from "@aws-sdk/client-sts";
import type { AwsConnectionConfig } from "./connection-config";
import { ConnectionNotAllowed, connectionRefusal } from "./connection-policy";
import { connectionCredentials } from "./credentials";
import { requestHandlerOptions } from "./request-handler";
import { capOverrideResponses } from "./response-cap";

export interface AwsClients {
  cloudFormation: CloudFormationClient;
  s3: S3Client;
  sts: STSClient;
}

export interface ClientOptions {
  /** SDK attempts per call (default 3); tests and interactive checks use fewer. */
  maxAttempts?: number;
  /** Milliseconds to wait for a connection and for a response, per attempt. */
  timeoutMs?: number;
}

/**
 * The SDK client configuration shared by every service client of a connection in one region. A
 * connection the instance settings refuse gets no endpoint and credentials that fail with the
 * reason, so its first call says why, where the caller already reports AWS errors.
 */
export function clientConfig(connection: AwsConnectionConfig, region: string, options: ClientOptions = {}) {
  const refusal = connectionRefusal(connection);
  if (refusal) {
    return { region, credentials: () => Promise.reject(new ConnectionNotAllowed(refusal)), maxAttempts: 1, customUserAgent: "lambdaplane" };
  }
  const credentials = connectionCredentials(connection, region, options);
  const requestHandler = requestHandlerOptions(connection.endpoint, options.timeoutMs);
  return {
    region,
    ...(connection.endpoint ? { endpoint: connection.endpoint } : {}),
    ...(credentials ? { credentials } : {}),
    ...(options.maxAttempts ? { maxAttempts: options.maxAttempts } : {}),
    ...(requestHandler ? { requestHandler } : {}),
    customUserAgent: "lambdaplane",
  };
}

/** Clients for one connection and region. S3 uses path-style URLs against an emulator (no bucket DNS there). */
export function awsClients(connection: AwsConnectionConfig, region: string, options: ClientOptions = {}): AwsClients {
  const config = clientConfig(connection, region, options);
  const { endpoint } = connection;
  return {
    cloudFormation: capOverrideResponses(new CloudFormationClient(config), endpoint),
    s3: capOverrideResponses(new S3Client({ ...config, forcePathStyle: endpoint !== null }), endpoint),
    sts: capOverrideResponses(new STSClient(config), endpoint),
  };
}

export function stsClient(connection: AwsConnectionConfig, region: string, options: ClientOptions = {}): STSClient {
  return capOverrideResponses(new STSClient(clientConfig(connection, region, options)), connection.endpoint);
}

/**
 * CloudWatch Logs for one connection and region. StartLiveTail is sent to a `streaming-` host
 * prefix of the endpoint; an endpoint override is one host, so the prefix is left off there.
 */
export function cloudWatchLogsClient(connection: AwsConnectionConfig, region: string, options: ClientOptions = {}): CloudWatchLogsClient {
  return capOverrideResponses(new CloudWatchLogsClient({ ...clientConfig(connection, region, options), disableHostPrefix: connection.endpoint !== null }), connection.endpoint);
}

export function lambdaClient(connection: AwsConnectionConfig, region: string, options: ClientOptions = {}): LambdaClient {
  return capOverrideResponses(new LambdaClient(clientConfig(connection, region, options)), connection.endpoint);
}

export function cloudWatchClient(connection: AwsConnectionConfig, region: string, options: ClientOptions = {}): CloudWatchClient {
  return capOverrideResponses(new CloudWatchClient(clientConfig(connection, region, options)), connection.endpoint);
}
