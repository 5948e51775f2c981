import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/server/db/test-database";
import { exportAuditEvents, csvField } from "./export";
import { auditQuerySchema, listAuditEvents } from "./queries";

const database = setupTestDatabase();
let orgId: string;

async function text(stream: ReadableStream<Uint8Array>) {
  return new Response(stream).text();
}

beforeAll(async () => {
  const org = await database.prisma.organization.create({ data: { slug: "acme", name: "Acme" } });
  orgId = org.id;
  const other = await database.prisma.organization.create({ data: { slug: "other", name: "Other" } });
  // More than one batch, so paging is exercised.
  await database.prisma.auditEvent.createMany({
    data: Array.from({ length: 1205 }, (_, i) => ({
      organizationId: orgId,
      actorEmail: i % 2 ? "ann@acme.test" : "bob@acme.test",
      action: i === 0 ? "stack.rename" : "stack.create",
      targetType: "stack",
      targetId: `s${i}`,
      after: { name: i === 0 ? 'with "quotes", commas' : `n${i}` },
    })),
  });
  await database.prisma.auditEvent.create({ data: { organizationId: other.id, actorEmail: "x@other.test", action: "stack.create", targetType: "stack" } });
});

describe("audit export", () => {
  it("streams every event of the organization as CSV, quoting embedded JSON", async () => {
    const csv = await text(exportAuditEvents(database.prisma, orgId, {}, "csv"));
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe("at,actorEmail,action,targetType,targetId,before,after,apiTokenId");
    expect(lines).toHaveLength(1 + 1205);
    expect(lines[1]).toContain(`stack.rename,stack,s0,,"{""name"":""with \\""quotes\\"", commas""}",`);
    expect(csv).not.toContain("x@other.test");
  });

  it("streams valid JSON and honours the filters", async () => {
    const all = JSON.parse(await text(exportAuditEvents(database.prisma, orgId, {}, "json")));
    expect(all).toHaveLength(1205);
    const anns = JSON.parse(await text(exportAuditEvents(database.prisma, orgId, { actor: "ANN@" }, "json")));
    expect(anns).toHaveLength(602);
    expect(new Set(anns.map((e: { actorEmail: string }) => e.actorEmail))).toEqual(new Set(["ann@acme.test"]));
    const renames = JSON.parse(await text(exportAuditEvents(database.prisma, orgId, { action: "stack.rename" }, "json")));
    expect(renames).toEqual([expect.objectContaining({ action: "stack.rename", targetId: "s0" })]);
  });

  it("matches % and _ in the filters literally, not as wildcards, on the page and in the export", async () => {
    for (const actor of ["%", "ann_", "a%n"]) {
      expect(JSON.parse(await text(exportAuditEvents(database.prisma, orgId, { actor }, "json")))).toEqual([]);
      expect((await listAuditEvents(database.prisma, orgId, auditQuerySchema.parse({ actor }))).total).toBe(0);
    }
    expect(JSON.parse(await text(exportAuditEvents(database.prisma, orgId, { action: "stack_" }, "json")))).toEqual([]);
    await database.prisma.auditEvent.create({ data: { organizationId: orgId, actorEmail: "100%_sure@acme.test", action: "stack.create", targetType: "stack" } });
    const page = await listAuditEvents(database.prisma, orgId, auditQuerySchema.parse({ actor: "100%_" }));
    expect(page.items.map((e) => e.actorEmail)).toEqual(["100%_sure@acme.test"]);
  });

  it("quotes CSV fields only when needed", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField(null)).toBe("");
  });
});
