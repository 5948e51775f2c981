import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/server/db/test-database";
import { asUser } from "@/server/actions/test-session";
import { createStack as createStackAction } from "@/server/actions/stacks/create-stack";
import { createStack } from "./mutations";

// Names clash ignoring case (mutations.ts says why). The check before the insert cannot see a
// create that has not committed yet; the unique index on (organizationId, lower(name)) can.

const database = setupTestDatabase();
let org: { id: string; slug: string };
let owner: { id: string; email: string };

beforeAll(async () => {
  const p = database.prisma;
  org = await p.organization.create({ data: { slug: "acme", name: "Acme" } });
  owner = await p.user.create({ data: { email: "owner@acme.test", memberships: { create: { organizationId: org.id, role: "owner" } } } });
});

const namesLike = async (name: string) =>
  (await database.prisma.stack.findMany({ where: { organizationId: org.id, name: { equals: name, mode: "insensitive" } }, select: { name: true } })).map((s) => s.name);

/** Resolves once another session of this test database waits for a lock (the blocked insert). */
async function someoneWaitsForALock() {
  for (let i = 0; i < 200; i += 1) {
    const [row] = await database.prisma.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
    if (row.n > 0n) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error("no session ever waited for the uncommitted stack's index entry");
}

describe("stack names ignoring case, under concurrency", () => {
  it("lets one of two concurrent creates differing only in case succeed; the other gets the name field error", async () => {
    const results = await Promise.all([
      asUser(owner, () => createStackAction({ orgSlug: org.slug, name: "Payments" })),
      asUser(owner, () => createStackAction({ orgSlug: org.slug, name: "payments" })),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const refused = results.find((r) => !r.ok);
    expect(refused).toMatchObject({ ok: false, status: 400, fieldErrors: { name: expect.stringMatching(/^A stack named "payments" already exists in this organization\.$/i) } });
    expect(await namesLike("payments")).toHaveLength(1);
  });

  it("maps the index's refusal to the same field error when the check ran before the other create committed", async () => {
    let commit!: () => void;
    let inserted!: () => void;
    const insertedYet = new Promise<void>((r) => (inserted = r));
    const first = database.prisma.$transaction(async (tx) => {
      await tx.stack.create({ data: { organizationId: org.id, name: "Billing" } });
      inserted();
      await new Promise<void>((r) => (commit = r));
    });
    await insertedYet;
    // Its check finds nothing (the first is uncommitted), so its insert waits on the index entry.
    const second = database.prisma.$transaction((tx) => createStack(tx, org.id, "billing", owner.id)).then(
      () => null,
      (e: unknown) => e,
    );
    await someoneWaitsForALock();
    commit();
    await first;
    expect(await second).toMatchObject({ status: 400, fieldErrors: { name: 'A stack named "billing" already exists in this organization.' } });
    expect(await namesLike("billing")).toEqual(["Billing"]);
  });
});
