import { describe, expect, it } from "vitest";
import { analyzeStack } from "@/lib/stack";
import { STARTER_YAML } from "@/server/stacks/starter";
import { functionsOfRevision, renderNameOf } from "./functions-of-revision";

describe("functionsOfRevision", () => {
  it("names each function and its log group as the renderer does", () => {
    expect(functionsOfRevision(analyzeStack(STARTER_YAML).definition!, "orders", "dev")).toEqual([
      { name: "hello", physicalName: "orders-dev-hello", logGroupName: "/aws/lambda/orders-dev-hello" },
    ]);
  });
  it("keeps the name the stage was deployed under after a rename", () => {
    expect(renderNameOf("orders-dev", "dev", "renamed")).toBe("orders");
    expect(renderNameOf(null, "dev", "renamed")).toBe("renamed");
  });
  it("lists nothing for a revision that does not parse", () => {
    expect(functionsOfRevision(null, "s", "dev")).toEqual([]);
  });
});
