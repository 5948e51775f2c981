import { describe, expect, it, beforeAll } from "vitest";
import { asUser } from "@/server/actions/test-session";
import { setupTestDatabase } from "@/server/db/test-database";
import { seedOrganization } from "@/server/deploy/test-support";
import { TENANT_LIMITS } from "@/server/tenant-limits";
import { listSavedPayloads } from "@/server/invoke/saved-payloads";
import { deletePayload } from "./delete-payload";
import { savePayload } from "./save-payload";

const database = setupTestDatabase();
let people: Awaited<ReturnType<typeof seedOrganization>>;
let stackId: string;

beforeAll(async () => {
  people = await seedOrganization(database.prisma, "payloadco");
  stackId = (await database.prisma.stack.create({ data: { organizationId: people.org.id, name: "shop" } })).id;
});

describe("saved test-invoke payloads", () => {
  it("saves per function, replaces by name, audits, and deletes", async () => {
    const save = (payload: string, user = people.deployer) => asUser(user, () => savePayload({ orgSlug: people.org.slug, stackId, functionName: "api", name: "order", payload }));
    const first = await save('{"id":1}');
    expect(first.ok).toBe(true);
    const second = await save('{"id":2}');
    expect(second.ok && first.ok && second.data.id).toBe(first.ok && first.data.id);
    const listed = await listSavedPayloads(database.prisma, people.org.id, stackId);
    expect(listed.map((p) => [p.functionName, p.name, p.payload])).toEqual([["api", "order", '{"id":2}']]);

    const audits = await database.prisma.auditEvent.findMany({ where: { organizationId: people.org.id, action: "payload.save" }, orderBy: { at: "asc" } });
    expect(audits.map((a) => [a.before, a.after])).toEqual([
      [null, { functionName: "api", name: "order", bytes: 8 }],
      [{ functionName: "api", name: "order", bytes: 8 }, { functionName: "api", name: "order", bytes: 8 }],
    ]);

    const removed = await asUser(people.deployer, () => deletePayload({ orgSlug: people.org.slug, payloadId: listed[0].id }));
    expect(removed.ok).toBe(true);
    expect(await listSavedPayloads(database.prisma, people.org.id, stackId)).toEqual([]);
  });

  it("names the field of bad input and keeps viewers out", async () => {
    const bad = await asUser(people.owner, () => savePayload({ orgSlug: people.org.slug, stackId, functionName: "api", name: " ", payload: "{" }));
    expect(bad).toMatchObject({ ok: false, status: 400, fieldErrors: { name: "Name is required.", payload: expect.stringMatching(/^The payload is not valid JSON/) } });
    const viewer = await asUser(people.viewer, () => savePayload({ orgSlug: people.org.slug, stackId, functionName: "api", name: "x", payload: "{}" }));
    expect(viewer).toMatchObject({ ok: false, status: 403 });
  });
});

describe("bounds on saved payloads", () => {
  it("refuses a payload over 256 KB and more than 50 payloads per function, naming the limit", async () => {
    const save = (name: string, payload: string) => asUser(people.deployer, () => savePayload({ orgSlug: people.org.slug, stackId, functionName: "worker", name, payload }));
    const big = await save("big", JSON.stringify({ data: "x".repeat(256 * 1024) }));
    expect(big).toMatchObject({ ok: false, status: 400, fieldErrors: { payload: "a saved payload is limited to 256 KB" } });

    await database.prisma.savedPayload.createMany({ data: Array.from({ length: 50 }, (_, i) => ({ stackId, functionName: "worker", name: `p${i}`, payload: "{}" })) });
    const fiftyFirst = await save("one-more", "{}");
    expect(fiftyFirst).toMatchObject({ ok: false, status: 400, error: "name: at most 50 saved payloads per function (worker); delete one first." });
    // Replacing one of the fifty by name is still allowed.
    expect(await save("p0", '{"v":2}')).toMatchObject({ ok: true });
  });

  it("takes only a function name as the stack's resource names are written, and nothing is saved otherwise", async () => {
    const save = (functionName: string) => asUser(people.deployer, () => savePayload({ orgSlug: people.org.slug, stackId, functionName, name: "x", payload: "{}" }));
    const before = await database.prisma.savedPayload.count();
    expect(await save("f".repeat(129))).toMatchObject({ ok: false, status: 400, fieldErrors: { functionName: expect.stringMatching(/128/) } });
    expect(await save("../api")).toMatchObject({ ok: false, status: 400, fieldErrors: { functionName: "must start with a letter and contain only letters and digits" } });
    expect(await save("")).toMatchObject({ ok: false, status: 400, fieldErrors: { functionName: "Choose a function." } });
    expect(await database.prisma.savedPayload.count()).toBe(before);
  });

  it("refuses more than savedPayloadsPerStack payloads in one stack, whatever the function names, and saves nothing", async () => {
    const limit = TENANT_LIMITS.savedPayloadsPerStack;
    const crowded = (await database.prisma.stack.create({ data: { organizationId: people.org.id, name: "crowded" } })).id;
    await database.prisma.savedPayload.createMany({ data: Array.from({ length: limit }, (_, i) => ({ stackId: crowded, functionName: `invented${i}`, name: "p", payload: "{}" })) });
    const refused = await asUser(people.deployer, () => savePayload({ orgSlug: people.org.slug, stackId: crowded, functionName: "another", name: "p", payload: "{}" }));
    expect(refused).toMatchObject({ ok: false, status: 400, error: `name: at most ${limit} saved payloads per stack; delete one first.` });
    expect(await database.prisma.savedPayload.count({ where: { stackId: crowded } })).toBe(limit);
    // Replacing one by name still works at the limit.
    expect(await asUser(people.deployer, () => savePayload({ orgSlug: people.org.slug, stackId: crowded, functionName: "invented0", name: "p", payload: '{"v":2}' }))).toMatchObject({ ok: true });
  });
});
