"use server";
import { z } from "zod";
import { defineAction } from "@/server/actions/define-action";
import { auditSummary, deleteConnection } from "@/server/aws/connections";

export const deleteAwsConnection = defineAction({
  action: "aws_connection.delete",
  mode: "write",
  permission: "aws:manage",
  input: z.object({ orgSlug: z.string(), connectionId: z.string().min(1) }),
  async run({ tx, org }, { connectionId }) {
    const removed = await deleteConnection(tx, org.id, connectionId);
    return { data: null, audit: { targetType: "aws_connection", targetId: connectionId, before: auditSummary(removed) } };
  },
});
