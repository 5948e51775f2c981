import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { defineAction } from "@/server/actions/define-action";
import { sessionCookie } from "@/server/actions/test-session";
import { withRequestHeaders } from "@/server/auth/request-context";
import { setupTestDatabase } from "@/server/db/test-database";
import { currentRequestScope } from "./request-scope";

// Server actions run under the request's log scope (server/ops/log.ts prints it on every line):
// the caller's sane X-Request-Id or a new one, the person once authenticated and the organization once
// the membership is resolved.

const database = setupTestDatabase();
let cookie: string;
let ownerId: string;

const echoScope = defineAction({
  action: "test.scope",
  mode: "read",
  permission: "logs:read",
  input: z.object({ orgSlug: z.string() }),
  run: async () => ({ ...currentRequestScope() }),
});

beforeAll(async () => {
  const org = await database.prisma.organization.create({ data: { slug: "acme", name: "Acme" } });
  const owner = await database.prisma.user.create({ data: { email: "owner@acme.test", memberships: { create: { organizationId: org.id, role: "owner" } } } });
  cookie = await sessionCookie(owner);
  ownerId = owner.id;
});

describe("a server action's log scope", () => {
  it("carries the request id, the organization and the person (the compute pool's fairness counts per person)", async () => {
    const given = await withRequestHeaders(new Headers({ cookie, "x-request-id": "edge-42" }), () => echoScope({ orgSlug: "acme" }));
    expect(given).toEqual({ ok: true, data: { requestId: "edge-42", org: "acme", userId: ownerId } });
    const made = await withRequestHeaders(new Headers({ cookie, "x-request-id": "x".repeat(500) }), () => echoScope({ orgSlug: "acme" }));
    expect(made).toEqual({ ok: true, data: { requestId: expect.stringMatching(/^[0-9a-f-]{36}$/), org: "acme", userId: ownerId } });
    expect(currentRequestScope()).toBeUndefined();
  });
});
