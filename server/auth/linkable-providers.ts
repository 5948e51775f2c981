import "server-only";
import type { Db } from "@/server/db/types";
import { DEFAULT_OIDC_PROVIDER_ID, ORG_SSO_PREFIX, defaultOidc } from "./config";

export interface LinkableProvider {
  id: string;
  name: string;
}

/** The sign-in methods a person may link: the instance IdP and the SSO connections of their organizations. */
export async function linkableProviders(client: Db, userId: string): Promise<LinkableProvider[]> {
  const instance = defaultOidc();
  const connections = await client.ssoConnection.findMany({
    where: { organization: { memberships: { some: { userId } } } },
    select: { id: true, organization: { select: { name: true } } },
    orderBy: { createdAt: "asc" },
  });
  return [
    ...(instance ? [{ id: DEFAULT_OIDC_PROVIDER_ID, name: instance.name }] : []),
    ...connections.map((c) => ({ id: `${ORG_SSO_PREFIX}${c.id}`, name: `${c.organization.name} single sign-on` })),
  ];
}
