import "server-only";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { awsClients } from "./clients";
import type { AwsConnectionConfig } from "./connection-config";
import { describeAwsError } from "./errors";

export type ConnectionTestResult = { ok: true; account: string; arn: string } | { ok: false; message: string };

/** Who the connection acts as in AWS (STS GetCallerIdentity), or why it cannot. */
export async function testConnection(
  connection: AwsConnectionConfig,
  region: string,
  options: { timeoutMs?: number } = {},
): Promise<ConnectionTestResult> {
  const timeoutMs = options.timeoutMs ?? 4000;
  const { sts } = awsClients(connection, region, { maxAttempts: 1, timeoutMs });
  const doing =
    connection.credentialType === "assume_role" ? `assuming ${connection.roleArn} and calling sts:GetCallerIdentity` : "calling sts:GetCallerIdentity";
  try {
    const out = await sts.send(new GetCallerIdentityCommand({}), { abortSignal: AbortSignal.timeout(timeoutMs) });
    if (!out.Account || !out.Arn) return { ok: false, message: "STS answered without an account or ARN." };
    return { ok: true, account: out.Account, arn: out.Arn };
  } catch (error) {
    return { ok: false, message: describeAwsError(error, { doing, endpoint: connection.endpoint }) };
  } finally {
    sts.destroy();
  }
}
