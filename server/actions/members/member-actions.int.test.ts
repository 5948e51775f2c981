import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/server/db/test-database";
import { asUser } from "@/server/actions/test-session";
import { changeMemberRole } from "./change-member-role";
import { removeMember } from "./remove-member";

const database = setupTestDatabase();
let org: { id: string; slug: string };
const people: Record<string, { id: string; email: string; membershipId: string }> = {};

beforeAll(async () => {
  const p = database.prisma;
  org = await p.organization.create({ data: { slug: "acme", name: "Acme" } });
  for (const [key, role] of [["owner", "owner"], ["admin", "admin"], ["viewer", "viewer"]] as const) {
    const user = await p.user.create({ data: { email: `${key}@acme.test` } });
    const m = await p.membership.create({ data: { userId: user.id, organizationId: org.id, role } });
    people[key] = { id: user.id, email: user.email, membershipId: m.id };
  }
});

const roleOf = async (key: string) => (await database.prisma.membership.findUniqueOrThrow({ where: { id: people[key].membershipId } })).role;

describe("member management", () => {
  it("refuses to demote or remove the last owner", async () => {
    const demote = await asUser(people.owner, () => changeMemberRole({ orgSlug: org.slug, membershipId: people.owner.membershipId, role: "admin" }));
    expect(demote).toMatchObject({ ok: false, status: 409 });
    const remove = await asUser(people.owner, () => removeMember({ orgSlug: org.slug, membershipId: people.owner.membershipId }));
    expect(remove).toMatchObject({ ok: false, status: 409 });
    expect(await roleOf("owner")).toBe("owner");
  });

  it("keeps the owner role for owners: an admin can neither grant it nor touch an owner", async () => {
    expect(await asUser(people.admin, () => changeMemberRole({ orgSlug: org.slug, membershipId: people.viewer.membershipId, role: "owner" }))).toMatchObject({ ok: false, status: 403 });
    expect(await asUser(people.admin, () => removeMember({ orgSlug: org.slug, membershipId: people.owner.membershipId }))).toMatchObject({ ok: false, status: 403 });
    expect(await roleOf("viewer")).toBe("viewer");
  });

  it("lets an admin change a viewer's role, audited with before and after", async () => {
    const r = await asUser(people.admin, () => changeMemberRole({ orgSlug: org.slug, membershipId: people.viewer.membershipId, role: "deployer" }));
    expect(r).toEqual({ ok: true, data: { role: "deployer" } });
    const audit = await database.prisma.auditEvent.findFirstOrThrow({ where: { action: "member.change_role" } });
    expect(audit).toMatchObject({ actorEmail: people.admin.email, before: { email: people.viewer.email, role: "viewer" }, after: { email: people.viewer.email, role: "deployer" } });
  });

  it("with a second owner, the first may step down", async () => {
    expect(await asUser(people.owner, () => changeMemberRole({ orgSlug: org.slug, membershipId: people.admin.membershipId, role: "owner" }))).toMatchObject({ ok: true });
    expect(await asUser(people.owner, () => changeMemberRole({ orgSlug: org.slug, membershipId: people.owner.membershipId, role: "admin" }))).toMatchObject({ ok: true });
    expect(await roleOf("owner")).toBe("admin");
  });

  it("refuses a viewer (403) and validates the role name", async () => {
    expect(await asUser(people.viewer, () => removeMember({ orgSlug: org.slug, membershipId: people.admin.membershipId }))).toMatchObject({ ok: false });
    const bad = await asUser(people.admin, () => changeMemberRole({ orgSlug: org.slug, membershipId: people.viewer.membershipId, role: "superuser" }));
    expect(bad).toMatchObject({ ok: false, status: 400 });
    expect(bad.ok ? "" : bad.fieldErrors?.role).toMatch(/owner|admin|deployer|editor|viewer/);
  });
});
