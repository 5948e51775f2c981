import "server-only";
import { InvokeCommand, type LambdaClient } from "@aws-sdk/client-lambda";
import { AwsCallError, translateAwsError } from "@/server/aws/errors";
import { toLogLine } from "@/server/logs/log-line";
import type { InvokeResult } from "@/lib/logs/invoke";

// Test invocation of a deployed function. The tail log (LogType: Tail, the last 4 KB of the
// invocation's log, base64) is decoded and its REPORT line read for duration and memory.

export const INVOCATION_TYPES = ["RequestResponse", "Event", "DryRun"] as const;
export type InvocationType = (typeof INVOCATION_TYPES)[number];

function reportOf(tail: string | null) {
  if (!tail) return null;
  for (const message of tail.split("\n")) {
    const line = toLogLine({ id: "", timestamp: 0, logStream: "", message }, "");
    if (line.report) return line.report;
  }
  return null;
}

export async function invokeFunction(
  lambda: LambdaClient,
  input: { functionName: string; payload: string; type: InvocationType; endpoint?: string | null },
): Promise<InvokeResult> {
  const started = Date.now();
  let out;
  try {
    out = await lambda.send(
      new InvokeCommand({
        FunctionName: input.functionName,
        InvocationType: input.type,
        Payload: new TextEncoder().encode(input.payload),
        ...(input.type === "RequestResponse" ? { LogType: "Tail" } : {}),
      }),
    );
  } catch (error) {
    throw new AwsCallError(translateAwsError(error, { action: "lambda:InvokeFunction", doing: `invoking ${input.functionName}`, endpoint: input.endpoint }));
  }
  const tail = out.LogResult ? Buffer.from(out.LogResult, "base64").toString("utf8") : null;
  return {
    invocationType: input.type,
    statusCode: out.StatusCode ?? null,
    functionError: out.FunctionError ?? null,
    executedVersion: out.ExecutedVersion ?? null,
    responseBody: out.Payload && out.Payload.length > 0 ? new TextDecoder().decode(out.Payload) : null,
    logTail: tail,
    report: reportOf(tail),
    roundTripMs: Date.now() - started,
  };
}
