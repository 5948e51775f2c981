import "server-only";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { cloudWatchLogsClient, stsClient } from "@/server/aws/clients";
import type { AwsConnectionConfig } from "@/server/aws/connection-config";
import { AwsCallError, translateAwsError } from "@/server/aws/errors";
import type { LogTarget } from "@/lib/logs/types";
import type { LogSource } from "./queries";

// From a stage's log source to what the AWS calls need: the functions asked for, the client, ARNs.

export class LogSourceError extends Error {
  constructor(
    readonly status: 400 | 404 | 409,
    message: string,
  ) {
    super(message);
  }
}

export interface ReadySource {
  source: LogSource;
  connection: AwsConnectionConfig;
  functions: LogTarget[];
}

/** The stage's deployed functions (one, when `functionName` is given), or why there are none to read. */
export function readySource(source: LogSource, functionName: string | null): ReadySource {
  if (!source.connection) throw new LogSourceError(409, `The stage ${source.name} has no AWS connection: choose one in the stage's settings.`);
  if (!source.deployedAt) throw new LogSourceError(409, `The stage ${source.name} has not been deployed yet: deploy it, then its functions' logs appear here.`);
  const functions = functionName ? source.functions.filter((f) => f.name === functionName) : source.functions;
  if (functionName && functions.length === 0) {
    throw new LogSourceError(404, `function: the stage ${source.name} has no deployed function named "${functionName}".`);
  }
  return { source, connection: source.connection, functions };
}

export const logsClientOf = (ready: ReadySource) => cloudWatchLogsClient(ready.connection, ready.source.region);

/** Log group ARNs need the account: asked of STS once per tail. */
export async function logGroupArnResolver(ready: ReadySource): Promise<(logGroupName: string) => string> {
  const sts = stsClient(ready.connection, ready.source.region);
  let identity;
  try {
    identity = await sts.send(new GetCallerIdentityCommand({}));
  } catch (error) {
    throw new AwsCallError(translateAwsError(error, { action: "sts:GetCallerIdentity", doing: "finding the account the log groups belong to", endpoint: ready.connection.endpoint }));
  } finally {
    sts.destroy();
  }
  const partition = identity.Arn?.split(":")[1] ?? "aws";
  return (name) => `arn:${partition}:logs:${ready.source.region}:${identity.Account}:log-group:${name}`;
}
