import "server-only";
import type { Db } from "@/server/db/types";
import { ORG_SSO_PREFIX } from "./config";

/**
 * The one enforced-SSO rule, which every way in calls (organization SSO, the instance IdP, the
 * development login, an invitation, accepting an invitation while signed in): someone who is a
 * member of an organization that enforces SSO, or is about to join one, gets in only through that
 * organization's own connection.
 */
export async function ssoEnforcementRefuses(
  tx: Db,
  who: { userId: string | null; joiningOrganizationId?: string },
  provider: string,
): Promise<boolean> {
  const organizations = [
    ...(who.userId ? [{ memberships: { some: { userId: who.userId } } }] : []),
    ...(who.joiningOrganizationId ? [{ id: who.joiningOrganizationId }] : []),
  ];
  if (organizations.length === 0) return false;
  const enforced = await tx.ssoConnection.findMany({ where: { enforced: true, organization: { OR: organizations } }, select: { id: true } });
  return enforced.length > 0 && !enforced.some((c) => provider === `${ORG_SSO_PREFIX}${c.id}`);
}
