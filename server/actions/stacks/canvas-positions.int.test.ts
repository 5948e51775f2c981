import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/server/db/test-database";
import { asUser } from "@/server/actions/test-session";
import { editorRevision } from "@/server/stacks/queries";
import { STARTER_YAML } from "@/server/stacks/starter";
import { createStack } from "./create-stack";
import { restoreRevision } from "./restore-revision";
import { saveRevision } from "./save-revision";

const database = setupTestDatabase();
let org: { id: string; slug: string };
let editor: { id: string; email: string };
let stackId: string;

beforeAll(async () => {
  const p = database.prisma;
  org = await p.organization.create({ data: { slug: "acme", name: "Acme" } });
  editor = await p.user.create({ data: { email: "editor@acme.test", memberships: { create: { organizationId: org.id, role: "editor" } } } });
  const created = await asUser(editor, () => createStack({ orgSlug: org.slug, name: "orders" }));
  if (!created.ok) throw new Error(created.error);
  stackId = created.data.id;
});

const save = (baseNumber: number, canvasPositions: unknown, yaml = STARTER_YAML) =>
  asUser(editor, () =>
    saveRevision({ orgSlug: org.slug, stackId, baseNumber, yaml, code: { "src/hello.ts": "export default 1;" }, canvasPositions } as Parameters<typeof saveRevision>[0]),
  );
const load = async () => (await editorRevision(database.prisma, org.id, "orders"))!.revision;
const revisionCount = () => database.prisma.stackRevision.count({ where: { stackId } });

describe("canvas positions saved with a revision", () => {
  it("are stored beside the YAML and come back with the revision the editor loads", async () => {
    const positions = { hello: { x: 412, y: -30 }, helloApi: { x: 16.5, y: 16 } };
    expect(await save(1, positions)).toMatchObject({ ok: true, data: { number: 2 } });
    const loaded = await load();
    expect(loaded).toMatchObject({ number: 2, canvasPositions: positions });
    // The definition stays plain Stacktape YAML: no position leaks into it.
    expect(loaded.yaml).toBe(STARTER_YAML);
    const row = await database.prisma.stackRevision.findFirstOrThrow({ where: { stackId, number: 2 } });
    expect(JSON.stringify(row.definition)).not.toContain("412");
  });

  it("are kept from the latest revision, for the nodes that remain, by a save that sends none (REST API, CLI)", async () => {
    const withBus = `${STARTER_YAML}  bus:\n    type: event-bus\n`;
    expect(await save(2, undefined, withBus)).toMatchObject({ ok: true, data: { number: 3 } });
    expect((await load()).canvasPositions).toEqual({ hello: { x: 412, y: -30 }, helloApi: { x: 16.5, y: 16 } });
    expect(await save(3, undefined, "resources:\n  helloApi:\n    type: http-api-gateway\n")).toMatchObject({ ok: true, data: { number: 4 } });
    expect((await load()).canvasPositions).toEqual({ helloApi: { x: 16.5, y: 16 } });
  });

  it("sent as none (Re-arrange) are stored as null, which loads as every node laid out automatically", async () => {
    expect(await save(4, {})).toMatchObject({ ok: true, data: { number: 5 } });
    const row = await database.prisma.stackRevision.findFirstOrThrow({ where: { stackId, number: 5 } });
    expect(row.canvasPositions).toBeNull();
    expect((await load()).canvasPositions).toEqual({});
  });

  it("refuse bad shapes with the field named, and save nothing", async () => {
    const before = await revisionCount();
    const cases: [unknown, string, RegExp][] = [
      [{ hello: { x: "10", y: 0 } }, "canvasPositions.hello.x", /x must be a number/],
      [{ hello: { x: 1 } }, "canvasPositions.hello.y", /y must be a number/],
      [{ hello: { x: 1, y: 2, z: 3 } }, "canvasPositions.hello", /only x and y, not z/],
      [{ hello: { x: 2_000_000, y: 0 } }, "canvasPositions.hello.x", /±1000000/],
      [{ hello: [1, 2] }, "canvasPositions.hello", /\{ x, y \}/],
      [[{ x: 1, y: 2 }], "canvasPositions", /resource name to \{ x, y \}/],
      [{ ghost: { x: 1, y: 2 } }, "canvasPositions.ghost", /no resource named 'ghost' in the definition/],
    ];
    for (const [positions, field, message] of cases) {
      const r = await save(5, positions);
      expect(r, JSON.stringify(positions)).toMatchObject({ ok: false, status: 400 });
      if (r.ok) continue;
      expect(r.fieldErrors?.[field], `${JSON.stringify(positions)}: ${JSON.stringify(r.fieldErrors)}`).toMatch(message);
      expect(r.error.startsWith(`${field}: `)).toBe(true);
    }
    expect(await revisionCount()).toBe(before);
  });

  it("are restored with the revision they were saved with", async () => {
    const r = await asUser(editor, () => restoreRevision({ orgSlug: org.slug, stackId, number: 2, baseNumber: 5 }));
    expect(r).toMatchObject({ ok: true, data: { number: 6 } });
    expect((await load()).canvasPositions).toEqual({ hello: { x: 412, y: -30 }, helloApi: { x: 16.5, y: 16 } });
  });
});
