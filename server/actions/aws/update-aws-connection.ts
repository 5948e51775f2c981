"use server";
import { z } from "zod";
import { defineAction } from "@/server/actions/define-action";
import { auditSummary, connectionFieldsOf, connectionFieldsSchema, updateConnection, viewOf } from "@/server/aws/connections";

export const updateAwsConnection = defineAction({
  action: "aws_connection.update",
  mode: "write",
  permission: "aws:manage",
  input: connectionFieldsSchema.extend({ orgSlug: z.string(), connectionId: z.string().min(1) }),
  async run({ tx, org }, { connectionId, ...input }) {
    const { before, after } = await updateConnection(tx, org.id, connectionId, connectionFieldsOf(input));
    return {
      data: viewOf(after),
      audit: { targetType: "aws_connection", targetId: connectionId, before: auditSummary(before), after: auditSummary(after) },
    };
  },
});
