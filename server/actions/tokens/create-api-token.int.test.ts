import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/server/db/test-database";
import { asUser } from "@/server/actions/test-session";
import { MAX_TOKEN_DAYS, MIN_TOKEN_DAYS } from "@/lib/tokens/scopes";
import { createApiToken } from "./create-api-token";

const database = setupTestDatabase();
let owner: { id: string; email: string };

beforeAll(async () => {
  const org = await database.prisma.organization.create({ data: { slug: "acme", name: "Acme" } });
  owner = await database.prisma.user.create({ data: { email: "owner@acme.test" } });
  await database.prisma.membership.create({ data: { userId: owner.id, organizationId: org.id, role: "owner" } });
});

const create = (expiresInDays: number) => asUser(owner, () => createApiToken({ orgSlug: "acme", name: `t${expiresInDays}`, scopes: ["read"], expiresInDays }));

describe("API token expiry (README: 7 days to a year)", () => {
  it("refuses a life shorter than 7 days or longer than a year, naming the field", async () => {
    expect(await create(1)).toMatchObject({ ok: false, status: 400, error: `expiresInDays: at least ${MIN_TOKEN_DAYS} days` });
    expect(await create(MAX_TOKEN_DAYS + 1)).toMatchObject({ ok: false, status: 400, error: `expiresInDays: at most ${MAX_TOKEN_DAYS} days` });
    expect(await database.prisma.apiToken.count()).toBe(0);
  });

  it("accepts both bounds", async () => {
    for (const days of [MIN_TOKEN_DAYS, MAX_TOKEN_DAYS]) {
      const r = await create(days);
      expect(r.ok, String(days)).toBe(true);
      const row = await database.prisma.apiToken.findFirstOrThrow({ where: { name: `t${days}` } });
      expect(Math.round((row.expiresAt!.getTime() - row.createdAt.getTime()) / 86_400_000)).toBe(days);
    }
  });
});
