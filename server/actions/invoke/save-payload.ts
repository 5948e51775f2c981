"use server";
import { z } from "zod";
import { defineAction } from "@/server/actions/define-action";
import { payloadNameSchema, payloadSchema } from "@/lib/invoke/payload";
import { ResourceNameSchema } from "@/lib/stack/schema";
import { savePayload as save } from "@/server/invoke/saved-payloads";
import { utf8Bytes, withinBytes } from "@/server/stacks/size-limits";
import { TENANT_LIMITS } from "@/server/tenant-limits";

/** Saves a test-invoke payload for one function of a stack (replacing one of the same name). */
export const savePayload = defineAction({
  action: "payload.save",
  mode: "write",
  permission: "function:invoke",
  input: z.object({
    orgSlug: z.string(),
    stackId: z.string().min(1),
    // A function's name in the definition (the stack's resource names), so not any string at all.
    functionName: z.string().min(1, "Choose a function.").pipe(ResourceNameSchema),
    name: payloadNameSchema,
    payload: withinBytes(z.string(), TENANT_LIMITS.savedPayloadBytes, `a saved payload is limited to ${TENANT_LIMITS.savedPayloadBytes / 1024} KB`).pipe(payloadSchema),
  }),
  async run({ tx, org, user }, input) {
    const { before, after } = await save(tx, org.id, { ...input, userId: user.id });
    const summary = (p: typeof after) => ({ functionName: p.functionName, name: p.name, bytes: utf8Bytes(p.payload) });
    return { data: after, audit: { targetType: "saved_payload", targetId: after.id, before: before ? summary(before) : null, after: summary(after) } };
  },
});
