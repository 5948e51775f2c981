import "server-only";
import type { Db } from "@/server/db/types";
import { assertRoom, TENANT_LIMITS } from "@/server/tenant-limits";
import { DEMO_ORG_SLUG } from "./demo";

export function slugify(name: string): string {
  return (
    name
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 40) || "org"
  );
}

async function freeSlug(tx: Db, base: string): Promise<string> {
  const taken = new Set(
    (await tx.organization.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((o) => o.slug),
  );
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

/**
 * Creates an organization owned by the user. The first owner of a fresh install also becomes the
 * owner of the seeded demo organization, so the demo stack is theirs to explore.
 */
export async function createOrganization(tx: Db, userId: string, name: string) {
  const owned = await tx.membership.count({ where: { userId, role: "owner" } });
  assertRoom(owned, TENANT_LIMITS.organizationsPerUser, "name", "organizations owned per person", "make someone else owner of one you no longer run and step down there first");
  const freshInstall = (await tx.membership.count({ where: { role: "owner" } })) === 0;
  const org = await tx.organization.create({
    data: { name, slug: await freeSlug(tx, slugify(name)), memberships: { create: { userId, role: "owner" } } },
    select: { id: true, slug: true, name: true },
  });
  if (freshInstall) {
    const demo = await tx.organization.findUnique({ where: { slug: DEMO_ORG_SLUG }, select: { id: true } });
    if (demo) await tx.membership.create({ data: { userId, organizationId: demo.id, role: "owner" } });
  }
  return org;
}
