import "server-only";
import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import type { AwsConnectionConfig } from "./connection-config";
import { requestHandlerOptions } from "./request-handler";
import { capOverrideResponses } from "./response-cap";

export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}
export type CredentialsProvider = () => Promise<AwsCredentials>;

/**
 * Emulators accept any signature; the SDK still wants credentials to sign with, and must not go
 * looking for real ones (a developer's laptop may hold production keys).
 */
export const EMULATOR_CREDENTIALS: AwsCredentials = { accessKeyId: "lambdaplane-emulator", secretAccessKey: "lambdaplane-emulator" };

/** Assumed-role sessions last an hour; refresh five minutes before they run out. */
const SESSION_SECONDS = 3600;
const REFRESH_MARGIN_MS = 5 * 60 * 1000;

export interface AssumeRoleParams {
  roleArn: string;
  externalId: string | null;
  region: string;
  endpoint: string | null;
  /** Credentials to call STS with; undefined means the server's default chain. */
  source: AwsCredentials | undefined;
  sessionName: string;
  /** SDK attempts and per-attempt timeout for the AssumeRole call. */
  maxAttempts?: number;
  timeoutMs?: number;
}

/** A provider that assumes the role on first use and again shortly before the session expires. */
export function assumeRoleProvider(params: AssumeRoleParams): CredentialsProvider {
  const requestHandler = requestHandlerOptions(params.endpoint, params.timeoutMs);
  const sts = capOverrideResponses(new STSClient({
    ...(requestHandler ? { requestHandler } : {}),
    region: params.region,
    ...(params.endpoint ? { endpoint: params.endpoint } : {}),
    ...(params.source ? { credentials: params.source } : {}),
    ...(params.maxAttempts ? { maxAttempts: params.maxAttempts } : {}),
  }), params.endpoint);
  let cached: AwsCredentials | undefined;
  let pending: Promise<AwsCredentials> | undefined;

  const fresh = (c: AwsCredentials | undefined): c is AwsCredentials =>
    c !== undefined && (c.expiration === undefined || c.expiration.getTime() - Date.now() > REFRESH_MARGIN_MS);

  return async () => {
    if (fresh(cached)) return cached;
    pending ??= sts
      .send(
        new AssumeRoleCommand({
          RoleArn: params.roleArn,
          RoleSessionName: params.sessionName,
          DurationSeconds: SESSION_SECONDS,
          ...(params.externalId ? { ExternalId: params.externalId } : {}),
        }),
      )
      .then((out) => {
        const c = out.Credentials;
        if (!c?.AccessKeyId || !c.SecretAccessKey) throw new Error(`AssumeRole on ${params.roleArn} returned no credentials.`);
        cached = { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken, expiration: c.Expiration };
        return cached;
      })
      .finally(() => {
        pending = undefined;
      });
    return pending;
  };
}

/** The credentials clients of this connection sign with; undefined lets the SDK use its default chain. */
export function connectionCredentials(
  connection: AwsConnectionConfig,
  region: string,
  limits: { maxAttempts?: number; timeoutMs?: number } = {},
): AwsCredentials | CredentialsProvider | undefined {
  const source = connection.endpoint ? EMULATOR_CREDENTIALS : undefined;
  if (connection.credentialType === "default_chain") return source;
  if (!connection.roleArn) throw new Error("This connection assumes an IAM role but has no role ARN.");
  return assumeRoleProvider({
    roleArn: connection.roleArn,
    externalId: connection.externalId,
    region,
    endpoint: connection.endpoint,
    source,
    sessionName: "lambdaplane",
    ...limits,
  });
}
