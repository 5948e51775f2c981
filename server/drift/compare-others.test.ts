import { describe, expect, it } from "vitest";
import { compareAlias } from "./compare-alias";
import { compareEventSourceMapping } from "./compare-event-source-mapping";

const scope = { physicalIds: { WorkerEvent0EventSourceMapping: "uuid-1" }, pseudo: {} };

describe("compareEventSourceMapping", () => {
  const rendered = { BatchSize: 10, FunctionName: { Ref: "WorkerFunction" }, EventSourceArn: { "Fn::GetAtt": ["jobs", "Arn"] } };

  it("GIVEN the mapping as rendered (window and enabled left to defaults) THEN no drift", () => {
    expect(compareEventSourceMapping("M", rendered, { BatchSize: 10, MaximumBatchingWindowInSeconds: 0, State: "Enabled" }, scope)).toEqual({ drifts: [], unknown: [] });
  });

  it("GIVEN batch size, window and state changed outside THEN reports each with both values", () => {
    expect(compareEventSourceMapping("M", rendered, { BatchSize: 5, MaximumBatchingWindowInSeconds: 20, State: "Disabled" }, scope).drifts).toEqual([
      { resource: "M", property: "BatchSize", deployed: 10, live: 5 },
      { resource: "M", property: "MaximumBatchingWindowInSeconds", deployed: 0, live: 20 },
      { resource: "M", property: "Enabled", deployed: true, live: false },
    ]);
  });

  it("GIVEN the mapping deleted outside THEN one drift naming its id", () => {
    expect(compareEventSourceMapping("WorkerEvent0EventSourceMapping", rendered, null, scope).drifts).toEqual([
      { resource: "WorkerEvent0EventSourceMapping", property: "(resource)", deployed: "uuid-1", live: null },
    ]);
  });
});

describe("compareAlias", () => {
  it("GIVEN an alias without weights WHEN someone added a canary weight THEN reports the routing", () => {
    const props = { Name: "live", FunctionName: { Ref: "ApiFunction" }, FunctionVersion: { "Fn::GetAtt": ["ApiVersion", "Version"] } };
    expect(compareAlias("ApiAlias", props, { Name: "live" }, scope)).toEqual({ drifts: [], unknown: [] });
    expect(compareAlias("ApiAlias", props, { Name: "live", RoutingConfig: { AdditionalVersionWeights: { "3": 0.1 } } }, scope).drifts).toEqual([
      { resource: "ApiAlias", property: "RoutingConfig", deployed: {}, live: { "3": 0.1 } },
    ]);
  });

  it("GIVEN rendered weights equal to live THEN no drift; GIVEN the alias gone THEN drift", () => {
    const props = { Name: "live", RoutingConfig: { AdditionalVersionWeights: [{ FunctionVersion: "2", FunctionWeight: 0.2 }] } };
    expect(compareAlias("ApiAlias", props, { Name: "live", RoutingConfig: { AdditionalVersionWeights: { "2": 0.2 } } }, scope).drifts).toEqual([]);
    expect(compareAlias("ApiAlias", props, null, scope).drifts).toEqual([{ resource: "ApiAlias", property: "(resource)", deployed: "live", live: null }]);
  });
});
