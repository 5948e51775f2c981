import { describe, expect, it } from "vitest";
import type { FunctionConfiguration } from "@aws-sdk/client-lambda";
import { compareFunction, type DeployedFunction } from "./compare-function";
import type { ResolveScope } from "./resolve-value";

const SHA_HEX = "a".repeat(64);
const SHA_B64 = Buffer.from(SHA_HEX, "hex").toString("base64");

const scope: ResolveScope = {
  physicalIds: { ApiFunction: "shop-dev-api", ApiRole: "shop-dev-ApiRole-XYZ", jobsQueue: "https://sqs/jobs" },
  pseudo: { "AWS::Region": "eu-west-1" },
};

const deployed = (properties: DeployedFunction["properties"] = {}): DeployedFunction => ({
  logicalId: "ApiFunction",
  codeSha256Hex: SHA_HEX,
  properties: {
    FunctionName: "shop-dev-api",
    Role: { "Fn::GetAtt": ["ApiRole", "Arn"] },
    Runtime: "nodejs24.x",
    Handler: "index.default",
    MemorySize: 256,
    Timeout: 10,
    Architectures: ["arm64"],
    Environment: { Variables: { STAGE: "dev", QUEUE: { Ref: "jobsQueue" } } },
    ...properties,
  },
});

const live = (configuration: Partial<FunctionConfiguration> = {}, reservedConcurrency: number | null = null) => ({
  reservedConcurrency,
  configuration: {
    FunctionName: "shop-dev-api",
    Role: "arn:aws:iam::123456789012:role/shop-dev-ApiRole-XYZ",
    Runtime: "nodejs24.x",
    Handler: "index.default",
    MemorySize: 256,
    Timeout: 10,
    Architectures: ["arm64"],
    EphemeralStorage: { Size: 512 },
    Environment: { Variables: { STAGE: "dev", QUEUE: "https://sqs/jobs" } },
    CodeSha256: SHA_B64,
    ...configuration,
  } as FunctionConfiguration,
});

describe("compareFunction", () => {
  it("GIVEN a function as deployed WHEN nothing changed THEN reports no drift and nothing unknown", () => {
    expect(compareFunction(deployed(), live(), scope)).toEqual({ drifts: [], unknown: [] });
  });

  it("GIVEN memory, one variable and the code changed outside THEN reports exactly those three with both values", () => {
    const result = compareFunction(
      deployed(),
      live({ MemorySize: 1024, Environment: { Variables: { STAGE: "hotfix", QUEUE: "https://sqs/jobs" } }, CodeSha256: "other=" }),
      scope,
    );
    expect(result.drifts).toEqual([
      { resource: "ApiFunction", property: "MemorySize", deployed: 256, live: 1024 },
      { resource: "ApiFunction", property: "Environment.STAGE", deployed: "dev", live: "hotfix" },
      { resource: "ApiFunction", property: "CodeSha256", deployed: SHA_B64, live: "other=" },
    ]);
  });

  it("GIVEN properties the template leaves out WHEN live has AWS's defaults THEN no drift; WHEN live differs from the default THEN drift", () => {
    const bare = deployed();
    bare.properties = Object.fromEntries(Object.entries(bare.properties).filter(([k]) => !["MemorySize", "Timeout", "Architectures"].includes(k)));
    expect(compareFunction(bare, live({ MemorySize: 128, Timeout: 3, Architectures: undefined }), scope).drifts).toEqual([]);
    expect(compareFunction(bare, live({ MemorySize: 128, Timeout: 30, Architectures: ["x86_64"] }), scope).drifts).toEqual([
      { resource: "ApiFunction", property: "Timeout", deployed: 3, live: 30 },
    ]);
  });

  it("GIVEN a variable added outside and one removed THEN reports both, absent as null", () => {
    const result = compareFunction(deployed(), live({ Environment: { Variables: { QUEUE: "https://sqs/jobs", DEBUG: "1" } } }), scope);
    expect(result.drifts).toEqual([
      { resource: "ApiFunction", property: "Environment.DEBUG", deployed: null, live: "1" },
      { resource: "ApiFunction", property: "Environment.STAGE", deployed: "dev", live: null },
    ]);
  });

  it("GIVEN a variable CloudFormation resolves from an attribute THEN it is unknown, never a drift", () => {
    const result = compareFunction(
      deployed({ Environment: { Variables: { STAGE: "dev", QUEUE: { Ref: "jobsQueue" }, TABLE: { "Fn::GetAtt": ["ordersTable", "Arn"] } } } }),
      live({ Environment: { Variables: { STAGE: "dev", QUEUE: "https://sqs/jobs", TABLE: "arn:aws:dynamodb:whatever" } } }),
      scope,
    );
    expect(result.drifts).toEqual([]);
    expect(result.unknown).toEqual([{ resource: "ApiFunction", property: "Environment.TABLE", reason: expect.any(String) }]);
  });

  it("GIVEN the role, runtime, handler, architecture, layers and reserved concurrency changed THEN names each", () => {
    const result = compareFunction(
      deployed({ ReservedConcurrentExecutions: 5 }),
      live(
        {
          Role: "arn:aws:iam::123456789012:role/admin",
          Runtime: "nodejs22.x",
          Handler: "index.other",
          Architectures: ["x86_64"],
          Layers: [{ Arn: "arn:aws:lambda:eu-west-1:1:layer:x:1" }],
        },
        50,
      ),
      scope,
    );
    expect(result.drifts.map((d) => [d.property, d.deployed, d.live])).toEqual([
      ["Runtime", "nodejs24.x", "nodejs22.x"],
      ["Handler", "index.default", "index.other"],
      ["Architectures", ["arm64"], ["x86_64"]],
      ["Layers", [], ["arn:aws:lambda:eu-west-1:1:layer:x:1"]],
      ["ReservedConcurrentExecutions", 5, 50],
      ["Role", "shop-dev-ApiRole-XYZ", "admin"],
    ]);
  });

  it("GIVEN reserved concurrency set outside on a function without it THEN drift from none", () => {
    expect(compareFunction(deployed(), live({}, 7), scope).drifts).toEqual([
      { resource: "ApiFunction", property: "ReservedConcurrentExecutions", deployed: null, live: 7 },
    ]);
  });

  it("GIVEN the function was deleted outside THEN one drift for the resource", () => {
    expect(compareFunction(deployed(), null, scope).drifts).toEqual([{ resource: "ApiFunction", property: "(resource)", deployed: "shop-dev-api", live: null }]);
  });

  it("GIVEN code not packaged by Lambdaplane THEN the code hash is not compared", () => {
    expect(compareFunction({ ...deployed(), codeSha256Hex: null }, live({ CodeSha256: "other=" }), scope).drifts).toEqual([]);
  });

  it("GIVEN VPC subnets from Refs THEN compares them as sets of physical ids", () => {
    const vpcScope = { ...scope, physicalIds: { ...scope.physicalIds, SubnetA: "subnet-a", SubnetB: "subnet-b", Sg: "sg-1" } };
    const withVpc = deployed({ VpcConfig: { SubnetIds: [{ Ref: "SubnetA" }, { Ref: "SubnetB" }], SecurityGroupIds: [{ Ref: "Sg" }] } });
    expect(compareFunction(withVpc, live({ VpcConfig: { SubnetIds: ["subnet-b", "subnet-a"], SecurityGroupIds: ["sg-1"] } }), vpcScope).drifts).toEqual([]);
    expect(compareFunction(withVpc, live({ VpcConfig: { SubnetIds: ["subnet-a"], SecurityGroupIds: ["sg-1"] } }), vpcScope).drifts).toEqual([
      { resource: "ApiFunction", property: "VpcConfig.SubnetIds", deployed: ["subnet-a", "subnet-b"], live: ["subnet-a"] },
    ]);
  });
});
