import "server-only";
import type { Db } from "@/server/db/types";
import type { Role } from "@/lib/auth/permissions";

export interface OrgMembership {
  org: { id: string; slug: string; name: string };
  role: Role;
}

export async function findMembership(client: Db, userId: string, orgSlug: string): Promise<OrgMembership | null> {
  const m = await client.membership.findFirst({
    where: { userId, organization: { slug: orgSlug } },
    select: { role: true, organization: { select: { id: true, slug: true, name: true } } },
  });
  return m ? { org: m.organization, role: m.role } : null;
}

export async function listMemberships(client: Db, userId: string): Promise<OrgMembership[]> {
  const rows = await client.membership.findMany({
    where: { userId },
    select: { role: true, organization: { select: { id: true, slug: true, name: true } } },
    orderBy: { organization: { name: "asc" } },
  });
  return rows.map((m) => ({ org: m.organization, role: m.role }));
}
