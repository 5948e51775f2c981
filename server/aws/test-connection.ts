import "server-only";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { awsClients } from "./clients";
import type { AwsConnectionConfig } from "./connection-config";
import { translateAwsError } from "./errors";

/** `details`: the raw error text behind the message, for the "Details" toggle. */
export type ConnectionTestResult = { ok: true; account: string; arn: string } | { ok: false; message: string; details?: string };

/** Who the connection acts as in AWS (STS GetCallerIdentity), or why it cannot. */
export async function testConnection(
  connection: AwsConnectionConfig,
  region: string,
  options: { timeoutMs?: number } = {},
): Promise<ConnectionTestResult> {
  const timeoutMs = options.timeoutMs ?? 4000;
  const { sts } = awsClients(connection, region, { maxAttempts: 1, timeoutMs });
  const doing = connection.credentialType === "assume_role" ? `assuming ${connection.roleArn}` : undefined;
  try {
    const out = await sts.send(new GetCallerIdentityCommand({}), { abortSignal: AbortSignal.timeout(timeoutMs) });
    if (!out.Account || !out.Arn) return { ok: false, message: "STS answered without an account or ARN." };
    return { ok: true, account: out.Account, arn: out.Arn };
  } catch (error) {
    const { message, details } = translateAwsError(error, { action: "sts:GetCallerIdentity", doing, endpoint: connection.endpoint });
    return { ok: false, message, ...(details ? { details } : {}) };
  } finally {
    sts.destroy();
  }
}
