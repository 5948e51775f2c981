import "server-only";
import type { Db } from "@/server/db/types";
import { ORG_SSO_PREFIX } from "./config";
import { emailDomain } from "./email";

export interface SsoChoice {
  providerId: string;
  organizationName: string;
}

/** The organization SSO connections that accept this email's domain. */
export async function ssoChoicesForEmail(client: Db, email: string): Promise<SsoChoice[]> {
  const conns = await client.ssoConnection.findMany({
    where: { allowedDomains: { has: emailDomain(email) } },
    select: { id: true, organization: { select: { name: true } } },
    orderBy: { createdAt: "asc" },
  });
  return conns.map((c) => ({ providerId: `${ORG_SSO_PREFIX}${c.id}`, organizationName: c.organization.name }));
}
