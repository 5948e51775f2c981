"use server";
import { z } from "zod";
import { defineAction } from "@/server/actions/define-action";
import { auditSummary, connectionFieldsOf, connectionFieldsSchema, createConnection, viewOf } from "@/server/aws/connections";

export const createAwsConnection = defineAction({
  action: "aws_connection.create",
  mode: "write",
  permission: "aws:manage",
  input: connectionFieldsSchema.extend({ orgSlug: z.string() }),
  async run({ tx, org }, input) {
    const row = await createConnection(tx, org.id, connectionFieldsOf(input));
    return { data: viewOf(row), audit: { targetType: "aws_connection", targetId: row.id, after: auditSummary(row) } };
  },
});
