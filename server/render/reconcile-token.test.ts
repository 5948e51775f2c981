import { describe, expect, it } from "vitest";
import { props, renderYaml } from "./test-support";

const YAML = `resources:
  api:
    type: function
    properties:
      packaging:
        type: stacktape-lambda-buildpack
        properties:
          entryfilePath: src/api.ts
`;

describe("reconcileToken", () => {
  it("GIVEN no token THEN functions have no Description; GIVEN a drift reconcile's token THEN each function's Description names it and nothing else changes", () => {
    const plain = renderYaml(YAML).template;
    const reconciled = renderYaml(YAML, { reconcileToken: "dep123" }).template;
    expect(props(plain, "ApiFunction").Description).toBeUndefined();
    expect(props(reconciled, "ApiFunction").Description).toBe("Reconciled by Lambdaplane deployment dep123");
    const rest = Object.fromEntries(Object.entries(props(reconciled, "ApiFunction")).filter(([k]) => k !== "Description"));
    expect(rest).toEqual(props(plain, "ApiFunction"));
  }, 60_000);
});
