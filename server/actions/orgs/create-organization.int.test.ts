import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/server/db/test-database";
import { asUser } from "@/server/actions/test-session";
import { TENANT_LIMITS } from "@/server/tenant-limits";
import { createOrganization } from "./create-organization";

const database = setupTestDatabase();
let founder: { id: string; email: string };

beforeAll(async () => {
  founder = await database.prisma.user.create({ data: { email: "founder@example.test" } });
});

const owned = () => database.prisma.membership.count({ where: { userId: founder.id, role: "owner" } });

describe("createOrganization", () => {
  it("refuses an organization past organizationsPerUser with the limit and what to do, and creates nothing", async () => {
    const limit = TENANT_LIMITS.organizationsPerUser;
    for (let i = 1; i < limit; i++) {
      const org = await database.prisma.organization.create({ data: { slug: `owned-${i}`, name: `Owned ${i}` } });
      await database.prisma.membership.create({ data: { userId: founder.id, organizationId: org.id, role: "owner" } });
    }
    const admin = await database.prisma.organization.create({ data: { slug: "administered", name: "Administered" } });
    await database.prisma.membership.create({ data: { userId: founder.id, organizationId: admin.id, role: "admin" } });
    // Only owned organizations count: the one where the founder is an admin leaves room for one more.
    expect(await asUser(founder, () => createOrganization({ name: "Last one" }))).toMatchObject({ ok: true, data: { slug: "last-one" } });
    expect(await owned()).toBe(limit);

    const organizations = await database.prisma.organization.count();
    const refused = await asUser(founder, () => createOrganization({ name: "One too many" }));
    expect(refused).toMatchObject({ ok: false, status: 400, fieldErrors: { name: `at most ${limit} organizations owned per person` } });
    expect(refused.ok ? "" : refused.error).toMatch(/make someone else owner of one you no longer run/);
    expect(await database.prisma.organization.count()).toBe(organizations);
  });
});
