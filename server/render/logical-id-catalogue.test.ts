// The editor's rename moves raw CloudFormation references to a renamed resource's rendered logical
// ids using lib/stack/logical-ids.ts. This keeps that catalogue honest: every id the renderer gives a
// seed fixture is claimed by exactly the one stack resource it was made for.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderFile } from "@/cli/pipeline";
import { derivedLogicalIdSuffix, parseStack, type StackDefinition } from "@/lib/stack";

const FIXTURES = path.join(import.meta.dirname, "fixtures");
const fixtures = readdirSync(FIXTURES).filter((f) => f.endsWith(".yml")).sort();
// Ids shared by the whole stack rather than made for one resource.
const SHARED = /^(DefaultVpc|CodeDeployApplication$|CodeDeployServiceRole$|SnsDeadLetterQueuePolicy[0-9a-f]{8}$)/;

const claimants = (definition: StackDefinition, logicalId: string) =>
  Object.entries(definition.resources)
    .filter(([name, r]) => derivedLogicalIdSuffix(r.type, name, logicalId) !== undefined)
    .map(([name]) => name);

describe("logical ids derived from resource names", () => {
  it.each(fixtures)("%s: each rendered id belongs to exactly one resource, or to the stack", async (file) => {
    const definition = parseStack(readFileSync(path.join(FIXTURES, file), "utf8")).definition!;
    const result = await renderFile(path.join(FIXTURES, file), { stackName: "fixture", stage: "dev", region: "us-east-1" });
    const ids = Object.keys(result.template!.Resources);
    const unclaimed = ids.filter((id) => !Object.hasOwn(definition.cloudformationResources ?? {}, id) && !SHARED.test(id) && claimants(definition, id).length !== 1);
    expect(unclaimed.map((id) => [id, claimants(definition, id)])).toEqual([]);
    expect(ids.length).toBeGreaterThan(0);
  });
});
