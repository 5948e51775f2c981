import { describe, expect, it } from "vitest";
import { analyzeStack } from "@/lib/stack/validate";
import { EMPTY_YAML, emptyRevision, STARTER_HANDLER_PATH, STARTER_YAML } from "./starter";

describe("the starter stack (new stacks and the seeded demo)", () => {
  it("is a valid definition whose handler path is the stored code's", () => {
    const result = analyzeStack(STARTER_YAML, { file: "stack.yml" });
    expect(result.diagnostics).toEqual([]);
    expect(Object.keys(result.definition!.resources)).toEqual(["helloApi", "hello"]);
    expect(STARTER_YAML).toContain(`entryfilePath: ${STARTER_HANDLER_PATH}`);
  });

  it("has an empty counterpart that parses to no resources", () => {
    const result = analyzeStack(EMPTY_YAML);
    expect(result.diagnostics).toEqual([]);
    expect(result.definition).toEqual(emptyRevision("x").definition);
  });
});
