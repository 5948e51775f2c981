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
import { jsonError } from "@/server/http/json-error";
import { INVOCATION_TYPES, invokeFunction } from "./invoke";
import { payloadProblem } from "@/lib/invoke/payload";
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

export async function runInvocation(request: Request, stageId: string, ctx: OrgMembership & { user: SessionUser }): Promise<Response> {
  // A body over the limit throws an ActionError (413): orgRoute answers it.
  const parsed = inputSchema.safeParse(await readJsonBody(request, BODY_LIMITS.invoke));
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    const [field, message] = Object.entries(fieldErrors)[0];
    return jsonError(400, `${field}: ${message}`, { fieldErrors });
  }
  const source = await findLogSource(db(), ctx.org.id, stageId);
  if (!source) return jsonError(404, "Stage not found.");
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
    if (e instanceof LogSourceError) return jsonError(e.status, e.message);
    throw e;
  }
}
