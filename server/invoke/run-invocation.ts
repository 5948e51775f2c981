import "server-only";
import { z } from "zod";
import { db } from "@/server/db/client";
import { recordAudit } from "@/server/audit/record";
import { lambdaClient } from "@/server/aws/clients";
import { fieldErrorsOf } from "@/server/actions/define-action";
import type { OrgMembership } from "@/server/auth/membership";
import type { SessionUser } from "@/server/auth/session-token";
import { findLogSource } from "@/server/logs/queries";
import { LogSourceError, readySource } from "@/server/logs/source-clients";
import { awsCallErrorResponse } from "@/server/logs/route-support";
import { INVOCATION_TYPES, invokeFunction } from "./invoke";
import { AwsCallError } from "@/server/aws/errors";
import { payloadProblem } from "@/lib/invoke/payload";
import { ActionError } from "@/server/auth/errors";
import { BODY_LIMITS, readJsonBody } from "@/server/api/read-body";

// A test invocation, behind POST /api/orgs/[org]/stages/[stageId]/invoke. It is a route, not a
// server action, because the call can last as long as the function's timeout (up to 15 minutes)
// and actions run inside a short database transaction; the audit event is written after it.

const inputSchema = z
  .object({
    function: z.string().min(1, "Choose a function."),
    type: z.enum(INVOCATION_TYPES, { message: `type must be one of ${INVOCATION_TYPES.join(", ")}.` }),
    payload: z.string(),
  })
  .superRefine((v, ctx) => {
    const problem = payloadProblem(v.payload, v.type);
    if (problem) ctx.addIssue({ code: "custom", path: ["payload"], message: problem });
  });

const error = (status: number, message: string, fieldErrors?: Record<string, string>) => Response.json({ error: message, ...(fieldErrors ? { fieldErrors } : {}) }, { status });

export async function runInvocation(request: Request, stageId: string, ctx: OrgMembership & { user: SessionUser }): Promise<Response> {
  let body: unknown;
  try {
    body = await readJsonBody(request, BODY_LIMITS.invoke);
  } catch (e) {
    if (e instanceof ActionError) return error(e.status, e.message);
    throw e;
  }
  const parsed = inputSchema.safeParse(body);
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    const [field, message] = Object.entries(fieldErrors)[0];
    return error(400, `${field}: ${message}`, fieldErrors);
  }
  const source = await findLogSource(db(), ctx.org.id, stageId);
  if (!source) return error(404, "Stage not found.");
  try {
    const ready = readySource(source, parsed.data.function);
    const fn = ready.functions[0];
    const result = await invokeFunction(lambdaClient(ready.connection, source.region), {
      functionName: fn.physicalName,
      payload: parsed.data.payload,
      type: parsed.data.type,
      endpoint: ready.connection.endpoint,
    });
    await recordAudit(db(), {
      organizationId: ctx.org.id,
      actor: ctx.user,
      action: "function.invoke",
      targetType: "function",
      targetId: fn.physicalName,
      after: { stage: source.name, function: fn.name, type: parsed.data.type, statusCode: result.statusCode, functionError: result.functionError },
    });
    return Response.json(result);
  } catch (e) {
    if (e instanceof LogSourceError) return error(e.status, e.message);
    if (e instanceof AwsCallError) return awsCallErrorResponse(e);
    throw e;
  }
}
