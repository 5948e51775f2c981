import { describe, expect, it } from "vitest";
import { costLogicalId } from "./cost-logical-id";

describe("costLogicalId", () => {
  it("names the logical id the renderer gives the stack resource, or the cloudformationResources id", () => {
    expect(costLogicalId({ kind: "resource", type: "function", resource: "my-worker" })).toBe("MyWorkerFunction");
    expect(costLogicalId({ kind: "resource", type: "http-api-gateway", resource: "api" })).toBe("ApiHttpApi");
    expect(costLogicalId({ kind: "resource", type: "dynamo-db-table", resource: "orders" })).toBe("OrdersTable");
    expect(costLogicalId({ kind: "cloudformation", type: "AWS::SQS::Queue", resource: "JobsQueue" })).toBe("JobsQueue");
  });

  it("has none for costs of no one resource", () => {
    expect(costLogicalId({ kind: "account", type: "free tier", resource: "Free tier" })).toBeNull();
    expect(costLogicalId({ kind: "secret", type: "secret", resource: "db-password" })).toBeNull();
  });
});
