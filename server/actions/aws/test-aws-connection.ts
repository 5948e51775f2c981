"use server";
import { z } from "zod";
import { defineAction } from "@/server/actions/define-action";
import { notFound } from "@/server/auth/errors";
import { connectionConfig } from "@/server/aws/connection-config";
import { findConnection } from "@/server/aws/connections";
import { regionSchema } from "@/lib/names";
import { testConnection } from "@/server/aws/test-connection";

/**
 * Who the connection acts as (STS GetCallerIdentity); a failed check is data ({ ok: false, message }), not an error.
 * A read: it changes nothing, and the call to AWS must not hold a database connection while it waits.
 */
export const testAwsConnection = defineAction({
  action: "aws_connection.test",
  mode: "read",
  permission: "aws:manage",
  input: z.object({ orgSlug: z.string(), connectionId: z.string().min(1), region: regionSchema.optional() }),
  async run({ db, org }, { connectionId, region }) {
    const row = await findConnection(db, org.id, connectionId);
    if (!row) throw notFound("Connection not found.");
    // The person waits for the answer: a silent endpoint is reported after a few seconds.
    return testConnection(connectionConfig(row), region ?? row.defaultRegion, { timeoutMs: 3500 });
  },
});
