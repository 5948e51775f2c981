import "server-only";
import { z } from "zod";
import type { Db } from "@/server/db/types";
import { isUniqueViolation } from "@/server/db/errors";
import { ActionError, invalid, notFound } from "@/server/auth/errors";
import { decryptSecret, encryptSecret } from "@/server/crypto";
import { checkConnectionAllowed } from "./connection-policy";
import { generateExternalId } from "./external-id";
import { regionSchema } from "@/lib/names";

// AWS connections of an organization: data access behind the server actions. Every lookup is
// scoped to the organization, so another organization's id is simply not found.

const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;

/** Forms send "" for an empty field: that, null and a missing field all mean "none". */
const optionalText = (schema: z.ZodType<string>) =>
  z.preprocess((v) => (v === "" ? null : v), schema.nullish()).transform((v) => v ?? null);

export const connectionFieldsSchema = z.object({
  name: z.string().trim().min(1, "Name is required.").max(64, "Name must be at most 64 characters."),
  defaultRegion: regionSchema,
  credentialType: z.enum(["assume_role", "default_chain"]),
  roleArn: optionalText(z.string().trim().regex(ROLE_ARN, "Role ARN must look like arn:aws:iam::123456789012:role/name.")),
  endpoint: optionalText(
    z
      .string()
      .trim()
      .url("Endpoint must be a URL such as http://127.0.0.1:5000.")
      .refine((v) => /^https?:\/\//.test(v), "Endpoint must be an http or https URL."),
  ),
});
export type ConnectionFields = z.infer<typeof connectionFieldsSchema>;

/** The connection's own fields out of an action input that also carries routing fields. */
export function connectionFieldsOf({ name, defaultRegion, credentialType, roleArn, endpoint }: ConnectionFields): ConnectionFields {
  return { name, defaultRegion, credentialType, roleArn, endpoint };
}

/** What the UI may show: everything but the ciphertext; the external id is shown because the user must put it in the trust policy. */
export interface ConnectionView {
  id: string;
  name: string;
  defaultRegion: string;
  credentialType: "assume_role" | "default_chain";
  roleArn: string | null;
  externalId: string | null;
  endpoint: string | null;
}

type ConnectionRow = Omit<ConnectionView, "externalId"> & { externalIdEncrypted: string | null; organizationId: string };

export function viewOf(row: ConnectionRow): ConnectionView {
  return {
    id: row.id,
    name: row.name,
    defaultRegion: row.defaultRegion,
    credentialType: row.credentialType,
    roleArn: row.roleArn,
    externalId: row.externalIdEncrypted ? decryptSecret(row.externalIdEncrypted) : null,
    endpoint: row.endpoint,
  };
}

/** A summary for the audit log: never the external id. */
export function auditSummary(row: Pick<ConnectionRow, "name" | "defaultRegion" | "credentialType" | "roleArn" | "endpoint">) {
  return { name: row.name, defaultRegion: row.defaultRegion, credentialType: row.credentialType, roleArn: row.roleArn, endpoint: row.endpoint };
}

function requireRoleArn(fields: Pick<ConnectionFields, "credentialType" | "roleArn">) {
  if (fields.credentialType === "assume_role" && !fields.roleArn) throw invalid("roleArn", "A role ARN is required to assume a role.");
}

async function guardName<T>(name: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (isUniqueViolation(e)) throw invalid("name", `A connection named "${name}" already exists in this organization.`);
    throw e;
  }
}

export async function findConnection(client: Db, organizationId: string, connectionId: string) {
  return client.awsConnection.findFirst({ where: { id: connectionId, organizationId } });
}

export async function listConnections(client: Db, organizationId: string): Promise<ConnectionView[]> {
  const rows = await client.awsConnection.findMany({ where: { organizationId }, orderBy: { name: "asc" } });
  return rows.map(viewOf);
}

export async function createConnection(tx: Db, organizationId: string, fields: ConnectionFields) {
  requireRoleArn(fields);
  checkConnectionAllowed(fields);
  return guardName(fields.name, () =>
    tx.awsConnection.create({
      data: {
        organizationId,
        ...fields,
        // Generated for every connection, so switching one to assume_role later keeps a stable id.
        externalIdEncrypted: encryptSecret(generateExternalId()),
      },
    }),
  );
}

export async function updateConnection(tx: Db, organizationId: string, connectionId: string, fields: ConnectionFields) {
  const before = await findConnection(tx, organizationId, connectionId);
  if (!before) throw notFound("Connection not found.");
  requireRoleArn(fields);
  checkConnectionAllowed(fields);
  const after = await guardName(fields.name, () =>
    tx.awsConnection.update({
      where: { id: connectionId },
      data: { ...fields, ...(before.externalIdEncrypted ? {} : { externalIdEncrypted: encryptSecret(generateExternalId()) }) },
    }),
  );
  return { before, after };
}

export async function deleteConnection(tx: Db, organizationId: string, connectionId: string) {
  const connection = await findConnection(tx, organizationId, connectionId);
  if (!connection) throw notFound("Connection not found.");
  const stages = await tx.stage.findMany({
    where: { awsConnectionId: connectionId },
    select: { name: true, stack: { select: { name: true } } },
    orderBy: [{ stack: { name: "asc" } }, { name: "asc" }],
  });
  if (stages.length > 0) {
    const names = stages.map((s) => `${s.stack.name}/${s.name}`).join(", ");
    throw new ActionError(409, `The connection "${connection.name}" is used by the stages ${names}: move them to another connection first.`);
  }
  await tx.awsConnection.delete({ where: { id: connectionId } });
  return connection;
}
