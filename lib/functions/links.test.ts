import { describe, expect, it } from "vitest";
import { functionLinks, functionPagePath } from "./links";

describe("function links", () => {
  it("the page path encodes stage and function names", () => {
    expect(functionPagePath("/acme/stacks/shop", "dev", "a b")).toBe("/acme/stacks/shop/functions/dev/a%20b");
  });
  it("logs, metrics and test invoke open the logs page on the function, with the viewer's own parameters", () => {
    const links = functionLinks("/acme/stacks/shop", "stage-1", "api");
    const url = new URL(links.logs, "http://x");
    expect(url.pathname).toBe("/acme/stacks/shop/logs");
    expect(Object.fromEntries(url.searchParams)).toEqual({ stage: "stage-1", function: "api", range: "1h" });
    expect(links.metrics).toBe(`${links.logs}#metrics`);
    expect(links.invoke).toBe(`${links.logs}#test-invoke`);
  });
});
