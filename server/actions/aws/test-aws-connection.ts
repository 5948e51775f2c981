"use server";
import { z } from "zod";
import { defineAction } from "@/server/actions/define-action";
import { notFound } from "@/server/auth/errors";
import { connectionConfig } from "@/server/aws/connection-config";
import { findConnection } from "@/server/aws/connections";
import { regionSchema } from "@/server/aws/regions";
import { testConnection } from "@/server/aws/test-connection";

/** Who the connection acts as (STS GetCallerIdentity); a failed check is data ({ ok: false, message }), not an error. */
export const testAwsConnection = defineAction({
  action: "aws_connection.test",
  permission: "aws:manage",
  input: z.object({ orgSlug: z.string(), connectionId: z.string().min(1), region: regionSchema.optional() }),
  async run({ tx, org }, { connectionId, region }) {
    const row = await findConnection(tx, org.id, connectionId);
    if (!row) throw notFound("Connection not found.");
    // Bounded well inside the action's transaction timeout (5 s).
    const result = await testConnection(connectionConfig(row), region ?? row.defaultRegion, { timeoutMs: 3500 });
    return { data: result, audit: null };
  },
});
