// The editor's rename moves raw CloudFormation references to a renamed resource's rendered logical
// ids using lib/stack/logical-ids.ts. This keeps that catalogue honest: every id the renderer gives a
// seed fixture is claimed by exactly the one stack resource it was made for, and every suffix the
// catalogue lists is rendered by some fixture (a suffix no fixture renders would go unchecked).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { renderFile } from "./pipeline";
import { derivedLogicalIdSuffix, LOGICAL_ID_SUFFIXES, parseStack, type StackDefinition, type StackResourceType } from "@/lib/stack";

const FIXTURES = path.join(import.meta.dirname, "..", "server", "render", "fixtures");
const fixtures = readdirSync(FIXTURES).filter((f) => f.endsWith(".yml")).sort();
// Ids shared by the whole stack rather than made for one resource.
const SHARED = /^(DefaultVpc|CodeDeployApplication$|CodeDeployServiceRole$|SnsDeadLetterQueuePolicy[0-9a-f]{8}$)/;

const claimants = (definition: StackDefinition, logicalId: string) =>
  Object.entries(definition.resources)
    .filter(([name, r]) => derivedLogicalIdSuffix(r.type, name, logicalId) !== undefined)
    .map(([name]) => name);

const rendered = new Map<string, { definition: StackDefinition; ids: string[] }>();
beforeAll(async () => {
  for (const file of fixtures) {
    const definition = parseStack(readFileSync(path.join(FIXTURES, file), "utf8")).definition!;
    const result = await renderFile(path.join(FIXTURES, file), { stackName: "fixture", stage: "dev", region: "us-east-1" });
    rendered.set(file, { definition, ids: Object.keys(result.template!.Resources) });
  }
}, 60_000);

describe("logical ids derived from resource names", () => {
  it.each(fixtures)("%s: each rendered id belongs to exactly one resource, or to the stack", (file) => {
    const { definition, ids } = rendered.get(file)!;
    const unclaimed = ids.filter((id) => !Object.hasOwn(definition.cloudformationResources ?? {}, id) && !SHARED.test(id) && claimants(definition, id).length !== 1);
    expect(unclaimed.map((id) => [id, claimants(definition, id)])).toEqual([]);
    expect(ids.length).toBeGreaterThan(0);
  });

  it("every suffix in the catalogue is rendered for its type by some fixture", () => {
    const seen = new Set<string>();
    for (const { definition, ids } of rendered.values())
      for (const id of ids)
        for (const [name, r] of Object.entries(definition.resources)) {
          const suffix = derivedLogicalIdSuffix(r.type, name, id);
          if (suffix !== undefined) seen.add(`${r.type} ${suffix}`);
        }
    const missing = (Object.entries(LOGICAL_ID_SUFFIXES) as [StackResourceType, readonly string[]][]).flatMap(([type, suffixes]) =>
      suffixes.filter((s) => ![...seen].some((t) => new RegExp(`^${type} (?:${s})$`).test(t))).map((s) => `${type}: ${s}`),
    );
    expect(missing).toEqual([]);
  });
});
