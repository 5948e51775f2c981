// Checks a test-invoke payload before it is sent or saved. Pure.
import { z } from "zod";

/** Lambda's request payload quotas: 6 MB synchronous, 1 MB asynchronous (Event). */
export const PAYLOAD_LIMIT_BYTES = { RequestResponse: 6 * 1024 * 1024, DryRun: 6 * 1024 * 1024, Event: 1024 * 1024 } as const;

export function payloadProblem(text: string, type: keyof typeof PAYLOAD_LIMIT_BYTES = "RequestResponse"): string | null {
  try {
    JSON.parse(text);
  } catch (e) {
    return `The payload is not valid JSON: ${(e as Error).message}.`;
  }
  const bytes = new TextEncoder().encode(text).length;
  const limit = PAYLOAD_LIMIT_BYTES[type];
  if (bytes > limit) return `The payload is ${bytes.toLocaleString("en")} bytes; ${type} invocations accept at most ${limit.toLocaleString("en")}.`;
  return null;
}

export const payloadSchema = z.string().superRefine((text, ctx) => {
  const problem = payloadProblem(text);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

export const payloadNameSchema = z.string().trim().min(1, "Name is required.").max(64, "Name must be at most 64 characters.");
