"use server";
import { z } from "zod";
import { defineAction } from "@/server/actions/define-action";
import { NOTIFICATION_EVENTS, TARGET_KINDS } from "@/lib/notifications/events";
import { createNotificationTarget as create } from "@/server/notifications/targets";

/** Adds a Slack or generic webhook to a stage; a webhook's signing secret is in the answer, once. */
export const createNotificationTarget = defineAction({
  action: "notification_target.create",
  mode: "write",
  permission: "stage:manage",
  input: z.object({
    orgSlug: z.string(),
    stageId: z.string().min(1),
    kind: z.enum(TARGET_KINDS, "choose Slack or webhook"),
    url: z.string().trim().min(1, "enter the webhook's URL").max(2000, "a URL is limited to 2,000 characters"),
    events: z.array(z.enum(NOTIFICATION_EVENTS, "an event is started, succeeded, failed or drifted")).min(1, "choose at least one event"),
  }),
  async run({ tx, org, user }, input) {
    const target = await create(tx, org.id, input, user.id);
    return {
      data: target,
      audit: { targetType: "notification_target", targetId: target.id, after: { stack: target.stack, stage: target.stage, kind: target.kind, url: target.urlHint, events: target.events } },
    };
  },
});
