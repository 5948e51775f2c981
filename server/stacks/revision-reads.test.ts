import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { definitionYaml } from "@/bench/stacks";
import { closeComputePool, whenComputeIdle } from "@/server/compute/pool";
import { revisionCostDifference, revisionDefinition } from "./revision-reads";

// Real worker threads (server/compute): the reads a page makes of stored revisions.
beforeAll(whenComputeIdle, 120_000);
afterAll(closeComputePool);

const revision = (id: string, functions: number) => ({ id, number: 1, yaml: definitionYaml(functions) });

describe("reads of stored revisions", () => {
  it("parses a revision once: the second read is the kept result", async () => {
    const r = revision("rev-kept", 3);
    const first = await revisionDefinition(r, "org-kept");
    expect(Object.keys(first?.resources ?? {}).length).toBeGreaterThan(0);
    expect(await revisionDefinition(r, "org-kept")).toBe(first);
  }, 60_000);

  it("a page reading 12 revisions of one organization at once gets them all, not the pool's 429 for busy organizations", async () => {
    const reads = Array.from({ length: 12 }, (_, i) => revisionDefinition(revision(`rev-many-${i}`, 2), "org-many"));
    const definitions = await Promise.all(reads);
    expect(definitions.every((d) => d !== null)).toBe(true);
  }, 60_000);

  it("a revision that no longer parses reads as null, and a cost difference says why", async () => {
    expect(await revisionDefinition({ id: "rev-bad", number: 7, yaml: "resources: [" }, "org-bad")).toBeNull();
    const cost = await revisionCostDifference(null, { id: "rev-bad", number: 7, yaml: "resources: [" }, "us-east-1", "org-bad");
    expect(cost).toEqual({ ok: false, reason: "revision 7 is not valid, so it has no estimate" });
  }, 60_000);
});
