import { describe, expect, it } from "vitest";
import { analyzeStack } from "@/server/stack/validate";
import { DEMO_STACK_YAML } from "@/server/db/seed";
import { STARTER_YAML } from "./starter";

describe("stacks Lambdaplane creates itself", () => {
  it.each([
    ["a new stack's first revision", STARTER_YAML],
    ["the seeded demo stack", DEMO_STACK_YAML],
  ])("%s is a valid definition", (_what, yaml) => {
    const result = analyzeStack(yaml, { file: "stack.yml" });
    expect(result.diagnostics).toEqual([]);
    expect(Object.keys(result.definition!.resources).length).toBeGreaterThan(0);
  });
});
