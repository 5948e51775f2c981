import { describe, expect, it } from "vitest";
import { configurationView, environmentView } from "./configuration-view";

const OUT = {
  Configuration: {
    FunctionName: "shop-dev-api",
    Runtime: "nodejs22.x" as const,
    Architectures: ["arm64" as const],
    MemorySize: 256,
    Timeout: 10,
    EphemeralStorage: { Size: 1024 },
    Handler: "index.handler",
    Role: "arn:aws:iam::123456789012:role/shop-dev-api",
    Environment: { Variables: { STRIPE_KEY: "sk_live_secret", A_TABLE: "orders" } },
    VpcConfig: { VpcId: "", SubnetIds: [], SecurityGroupIds: [] },
    CodeSize: 2048,
    CodeSha256: "abc=",
    LastModified: "2026-12-01T08:00:00.000+0000",
  },
};

describe("environmentView", () => {
  it("GIVEN a viewer who may deploy WHEN shown THEN names and values, sorted by name", () => {
    expect(environmentView({ B: "2", A: "1" }, true)).toEqual([
      { name: "A", value: "1" },
      { name: "B", value: "2" },
    ]);
  });
  it("GIVEN a viewer who may not deploy WHEN shown THEN names only", () => {
    expect(environmentView({ B: "2", A: "1" }, false)).toEqual([
      { name: "A", value: null },
      { name: "B", value: null },
    ]);
  });
});

describe("configurationView", () => {
  it("keeps the fields the page shows and withholds values when asked", () => {
    const view = configurationView(OUT, false);
    expect(view).toMatchObject({ runtime: "nodejs22.x", architectures: ["arm64"], memoryMb: 256, timeoutSeconds: 10, ephemeralStorageMb: 1024, codeSizeBytes: 2048, environmentRedacted: true });
    expect(JSON.stringify(view)).not.toContain("sk_live_secret");
  });
  it("an empty VpcConfig (Lambda sends one for every function) is no VPC; a real one is kept", () => {
    expect(configurationView(OUT, true).vpc).toBeNull();
    const inVpc = configurationView({ Configuration: { ...OUT.Configuration, VpcConfig: { VpcId: "vpc-1", SubnetIds: ["subnet-1"], SecurityGroupIds: ["sg-1"] } } }, true);
    expect(inVpc.vpc).toEqual({ vpcId: "vpc-1", subnetIds: ["subnet-1"], securityGroupIds: ["sg-1"] });
  });
  it("never carries the code's download URL", () => {
    const view = configurationView({ ...OUT, Code: { Location: "https://awslambda-eu-west-1-tasks.s3.amazonaws.com/snapshots/x?X-Amz-Signature=1" } } as typeof OUT, true);
    expect(JSON.stringify(view)).not.toContain("X-Amz-Signature");
  });
  it("nothing to withhold is not 'redacted'", () => {
    expect(configurationView({ Configuration: { ...OUT.Configuration, Environment: undefined } }, false).environmentRedacted).toBe(false);
  });
});
