import "server-only";
import type { ConnectionView } from "./connections";
import { parsePrincipal, PRINCIPAL_ENV, roleTemplate, trustPolicy } from "./trust-policy";

export type RoleSetup =
  | { ok: true; principalArn: string; trustPolicy: ReturnType<typeof trustPolicy>; roleTemplate: ReturnType<typeof roleTemplate> }
  | { ok: false; message: string };

/** The trust policy and role template a user needs for an assume-role connection. */
export function roleSetup(connection: ConnectionView, env: Record<string, string | undefined> = process.env): RoleSetup {
  if (connection.credentialType !== "assume_role") {
    return { ok: false, message: "This connection uses the server's default credential chain; there is no role to create." };
  }
  if (!connection.externalId) return { ok: false, message: "This connection has no external id yet: save it again to generate one." };
  const principal = parsePrincipal(env[PRINCIPAL_ENV]);
  if (!principal.ok) return principal;
  const input = { principalArn: principal.arn, externalId: connection.externalId };
  return {
    ok: true,
    principalArn: principal.arn,
    trustPolicy: trustPolicy(input),
    roleTemplate: roleTemplate({ ...input, connectionName: connection.name }),
  };
}
