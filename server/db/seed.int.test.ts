import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseStack } from "@/lib/stack/parse";
import { DEMO_ORG_SLUG } from "../orgs/demo";
import { STARTER_HANDLER, STARTER_HANDLER_PATH, STARTER_YAML } from "../stacks/starter";
import { DEMO_STACK_NAME, seedDemo } from "./seed";
import { setupTestDatabase } from "./test-database";

const database = setupTestDatabase();

describe("seedDemo", () => {
  it("gives a fresh install the Demo organization with the hello-api stack at revision 1", async () => {
    expect(await seedDemo(database.prisma)).toBe(true);

    const organization = await database.prisma.organization.findUniqueOrThrow({
      where: { slug: DEMO_ORG_SLUG },
      include: { memberships: true, stacks: { include: { revisions: true } } },
    });
    expect(organization.name).toBe("Demo");
    expect(organization.memberships).toEqual([]);
    expect(organization.stacks.map((stack) => stack.name)).toEqual([DEMO_STACK_NAME]);
    const [revision] = organization.stacks[0].revisions;
    expect(organization.stacks[0].revisions).toHaveLength(1);
    expect(revision.number).toBe(1);
    expect(revision.yaml).toBe(STARTER_YAML);
    expect(revision.definition).toEqual(parse(STARTER_YAML));
    expect(revision.code).toEqual({ [STARTER_HANDLER_PATH]: STARTER_HANDLER });
  });

  it("does nothing once an organization exists", async () => {
    expect(await seedDemo(database.prisma)).toBe(false);
    expect(await database.prisma.organization.count()).toBe(1);
    expect(await database.prisma.stackRevision.count()).toBe(1);
  });
});

describe("the demo stack", () => {
  it("is a valid stack definition whose function points at the seeded handler", () => {
    const result = parseStack(STARTER_YAML);
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const resources = parse(STARTER_YAML).resources;
    expect(resources.helloApi.type).toBe("http-api-gateway");
    expect(resources.hello.properties.packaging.properties.entryfilePath).toBe(STARTER_HANDLER_PATH);
    expect(resources.hello.properties.events[0].properties.httpApiGatewayName).toBe("helloApi");
  });
});
