/* eslint-disable @typescript-eslint/no-explicit-any -- templates and definitions here are plain JSON, navigated by literal paths */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { uploadedTemplateBody, validateTemplateLimits } from "@/server/validate/limits";
import { validateTemplateAgainstSpec } from "@/server/validate/spec";
import { isPlainObject, rewriteReferences } from "@/server/validate/template-refs";
import type { CfTemplate } from "./cfn";
import { needsSplitting, splitIntoNestedStacks, type NestedStackOptions } from "./nested-stacks";

type Json = Record<string, any>;

const asTemplate = (t: Json) => t as unknown as CfTemplate;

const options: NestedStackOptions = { artifactsBucket: "lp-artifacts", region: "eu-west-1", keyPrefix: "shop/dev/templates/" };

/**
 * A stack of `count` functions shaped like the renderer's output: each function has a role, a log
 * group, an HTTP route + integration + permission, an SQS trigger (the queue is stateful, so it
 * stays in the parent) and a schedule + permission. Shared: the HTTP API and stage, a table, a
 * Lambda authorizer used by every route. Fn1 sends its results to Fn0 (a one-way link between
 * groups), and Fn5 is notified by a bucket whose events its schedule rule also matches (the bucket
 * depends on Fn5 and Fn5's rule on the bucket: a circle through the parent, so Fn5's group stays
 * in the parent).
 */
function functionStack(count: number): Json {
  const resources: Json = {
    HttpApi: { Type: "AWS::ApiGatewayV2::Api", Properties: { Name: "shop", ProtocolType: "HTTP" } },
    HttpApiStage: {
      Type: "AWS::ApiGatewayV2::Stage",
      DependsOn: "Fn0Route",
      Properties: { ApiId: { Ref: "HttpApi" }, StageName: "$default", AutoDeploy: true },
    },
    Table: {
      Type: "AWS::DynamoDB::Table",
      Properties: {
        BillingMode: "PAY_PER_REQUEST",
        KeySchema: [{ AttributeName: "pk", KeyType: "HASH" }],
        AttributeDefinitions: [{ AttributeName: "pk", AttributeType: "S" }],
      },
    },
    Uploads: {
      Type: "AWS::S3::Bucket",
      DependsOn: "Fn5BucketPermission",
      Properties: {
        BucketName: "shop-uploads",
        NotificationConfiguration: {
          LambdaConfigurations: [{ Event: "s3:ObjectCreated:*", Function: { "Fn::GetAtt": ["Fn5", "Arn"] } }],
        },
      },
    },
    Fn5BucketPermission: {
      Type: "AWS::Lambda::Permission",
      Properties: {
        FunctionName: { Ref: "Fn5" },
        Action: "lambda:InvokeFunction",
        Principal: "s3.amazonaws.com",
        SourceArn: "arn:aws:s3:::shop-uploads",
      },
    },
    ...functionResources("Auth", []),
    Authorizer: {
      Type: "AWS::ApiGatewayV2::Authorizer",
      Properties: {
        ApiId: { Ref: "HttpApi" },
        AuthorizerType: "REQUEST",
        Name: "auth",
        AuthorizerPayloadFormatVersion: "2.0",
        AuthorizerUri: {
          "Fn::Sub": "arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Auth.Arn}/invocations",
        },
      },
    },
    AuthApiPermission: {
      Type: "AWS::Lambda::Permission",
      Properties: {
        FunctionName: { "Fn::GetAtt": ["Auth", "Arn"] },
        Action: "lambda:InvokeFunction",
        Principal: "apigateway.amazonaws.com",
        SourceArn: { "Fn::Sub": "arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${HttpApi}/authorizers/${Authorizer}" },
      },
    },
  };
  for (let i = 0; i < count; i++) {
    const extra = [{ "Fn::GetAtt": ["Table", "Arn"] }, { "Fn::GetAtt": [`Fn${i}Queue`, "Arn"] }];
    if (i === 1) extra.push({ "Fn::GetAtt": ["Fn0", "Arn"] });
    Object.assign(resources, functionResources(`Fn${i}`, extra), triggers(`Fn${i}`));
  }
  if (count > 5) {
    resources.Fn5Schedule.Properties.EventPattern = { source: ["aws.s3"], detail: { bucket: { name: [{ Ref: "Uploads" }] } } };
  }
  return {
    AWSTemplateFormatVersion: "2010-09-09",
    Description: "shop (dev)",
    Parameters: { ArtifactsBucket: { Type: "String" }, Subnets: { Type: "List<AWS::EC2::Subnet::Id>", Default: "subnet-1" } },
    Resources: resources,
    Outputs: {
      ApiUrl: { Value: { "Fn::GetAtt": ["HttpApi", "ApiEndpoint"] } },
      Fn3Arn: { Value: { "Fn::GetAtt": ["Fn3", "Arn"] }, Export: { Name: { "Fn::Sub": "${AWS::StackName}-fn3" } } },
      Fn3Role: { Value: { "Fn::Sub": "role ${Fn3Role} of ${Fn3.Arn}" } },
    },
  };
}

function functionResources(id: string, policyResources: unknown[]): Json {
  return {
    [`${id}LogGroup`]: {
      Type: "AWS::Logs::LogGroup",
      Properties: { LogGroupName: { "Fn::Sub": `/aws/lambda/\${AWS::StackName}-${id}` }, RetentionInDays: 14 },
    },
    [`${id}Role`]: {
      Type: "AWS::IAM::Role",
      Properties: {
        AssumeRolePolicyDocument: {
          Version: "2012-10-17",
          Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }],
        },
        Policies: [
          {
            PolicyName: "access",
            PolicyDocument: {
              Version: "2012-10-17",
              Statement: [
                { Effect: "Allow", Action: ["logs:PutLogEvents"], Resource: { "Fn::GetAtt": [`${id}LogGroup`, "Arn"] } },
                ...policyResources.map((resource) => ({ Effect: "Allow", Action: ["x:Y"], Resource: resource })),
              ],
            },
          },
        ],
      },
    },
    [id]: {
      Type: "AWS::Lambda::Function",
      DependsOn: [`${id}LogGroup`],
      Properties: {
        Code: { S3Bucket: { Ref: "ArtifactsBucket" }, S3Key: `functions/${id}.zip` },
        Handler: "index.handler",
        Runtime: "nodejs22.x",
        Role: { "Fn::GetAtt": [`${id}Role`, "Arn"] },
        LoggingConfig: { LogGroup: { Ref: `${id}LogGroup` } },
        Environment: { Variables: { TABLE: { Ref: "Table" }, SUBNETS: { "Fn::Join": [",", { Ref: "Subnets" }] } } },
      },
    },
  };
}

function triggers(id: string): Json {
  return {
    [`${id}Queue`]: { Type: "AWS::SQS::Queue", Properties: { VisibilityTimeout: 60 } },
    [`${id}QueueMapping`]: {
      Type: "AWS::Lambda::EventSourceMapping",
      Properties: { FunctionName: { Ref: id }, EventSourceArn: { "Fn::GetAtt": [`${id}Queue`, "Arn"] }, BatchSize: 10 },
    },
    [`${id}Integration`]: {
      Type: "AWS::ApiGatewayV2::Integration",
      Properties: {
        ApiId: { Ref: "HttpApi" },
        IntegrationType: "AWS_PROXY",
        IntegrationUri: { "Fn::GetAtt": [id, "Arn"] },
        PayloadFormatVersion: "2.0",
      },
    },
    [`${id}Route`]: {
      Type: "AWS::ApiGatewayV2::Route",
      Properties: {
        ApiId: { Ref: "HttpApi" },
        RouteKey: `GET /${id.toLowerCase()}`,
        Target: { "Fn::Sub": `integrations/\${${id}Integration}` },
        AuthorizationType: "CUSTOM",
        AuthorizerId: { Ref: "Authorizer" },
      },
    },
    [`${id}ApiPermission`]: {
      Type: "AWS::Lambda::Permission",
      Properties: {
        FunctionName: { "Fn::GetAtt": [id, "Arn"] },
        Action: "lambda:InvokeFunction",
        Principal: "apigateway.amazonaws.com",
        SourceArn: { "Fn::Sub": "arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${HttpApi}/*" },
      },
    },
    [`${id}Schedule`]: {
      Type: "AWS::Events::Rule",
      Properties: { ScheduleExpression: "rate(1 hour)", Targets: [{ Arn: { "Fn::GetAtt": [id, "Arn"] }, Id: "target" }] },
    },
    [`${id}SchedulePermission`]: {
      Type: "AWS::Lambda::Permission",
      Properties: {
        FunctionName: { Ref: id },
        Action: "lambda:InvokeFunction",
        Principal: "events.amazonaws.com",
        SourceArn: { "Fn::GetAtt": [`${id}Schedule`, "Arn"] },
      },
    },
  };
}

function split(template: Json, opts: NestedStackOptions = options) {
  const result = splitIntoNestedStacks(asTemplate(template), opts);
  if (!result.ok) throw new Error(`expected a split, got a refusal: ${result.reason}`);
  return result as { parent: Json; nested: Record<string, Json>; uploads: Record<string, { key: string; body: string }> };
}

/**
 * Rebuilds the original template from the pieces by following every parameter back to the value
 * the parent passes, and every nested output back to what it exports. If the pieces are wired
 * correctly, this gives back exactly the original resources (DependsOn aside).
 */
function reassemble(parent: Json, nested: Record<string, Json>): Json {
  const resolveOutput = (stackId: string, attribute: string) => {
    const output = nested[stackId].Outputs[attribute.slice("Outputs.".length)];
    expect(output, `${stackId} exports ${attribute}`).toBeDefined();
    return unwrapJoin(output.Value);
  };
  const asReference = (value: any): { target: string; attribute?: string } => {
    const inner = unwrapJoin(value);
    if (typeof inner.Ref === "string") return { target: inner.Ref };
    const [target, attribute] = inner["Fn::GetAtt"];
    if (nested[target]) return asReference(resolveOutput(target, attribute));
    return { target, attribute };
  };
  const fromParent = (value: unknown) =>
    stripSplit(
      rewriteReferences(value, (ref) =>
        nested[ref.target] && ref.attribute ? asReference(resolveOutput(ref.target, ref.attribute)) : undefined,
      ),
    );
  const resources: Json = {};
  for (const [id, resource] of Object.entries(parent.Resources as Json)) {
    if (resource.Type === "AWS::CloudFormation::Stack") {
      const stack = nested[id];
      expect(Object.keys(resource.Properties.Parameters ?? {}).sort()).toEqual(Object.keys(stack.Parameters ?? {}).sort());
      for (const [childId, child] of Object.entries(stack.Resources as Json)) {
        resources[childId] = rewriteReferences(child, (ref) => {
          const passed = resource.Properties.Parameters?.[ref.target];
          return passed === undefined ? undefined : asReference(passed);
        });
      }
    } else {
      resources[id] = fromParent(resource);
    }
  }
  return { resources, outputs: fromParent(parent.Outputs) };
}

function unwrapJoin(value: any): any {
  return isPlainObject(value) && Array.isArray(value["Fn::Join"]) && value["Fn::Join"][0] === "," && !Array.isArray(value["Fn::Join"][1])
    ? value["Fn::Join"][1]
    : value;
}

function stripSplit(value: any): any {
  if (Array.isArray(value)) return value.map(stripSplit);
  if (!isPlainObject(value)) return value;
  const args = value["Fn::Split"];
  if (Array.isArray(args) && args[0] === ",") return stripSplit(args[1]);
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, stripSplit(v)]));
}

function withoutDependsOn(resources: Json): Json {
  return Object.fromEntries(
    Object.entries(resources).map(([id, resource]) => {
      const copy = { ...resource };
      delete copy.DependsOn;
      return [id, copy];
    }),
  );
}

function stackOf(result: { parent: Json; nested: Record<string, Json> }, id: string): string {
  if (result.parent.Resources[id]) return "parent";
  return Object.keys(result.nested).find((s) => result.nested[s].Resources[id])!;
}

describe("splitIntoNestedStacks", () => {
  const template = functionStack(100);
  const result = split(template);
  const pieces = [result.parent, ...Object.values(result.nested)];

  it("is only needed past the limits, and leaves small templates untouched", () => {
    expect(Object.keys(template.Resources)).toHaveLength(1010);
    expect(needsSplitting(asTemplate(template))).toBe(true);
    const small = functionStack(3);
    expect(needsSplitting(asTemplate(small))).toBe(false);
    const same = splitIntoNestedStacks(asTemplate(small), options);
    expect(same).toEqual({ ok: true, parent: small, nested: {}, uploads: {} });
  });

  it("splits 1,000+ resources into pieces that are each under the limits and pass the spec validator", () => {
    expect(Object.keys(result.nested).length).toBeGreaterThanOrEqual(2);
    for (const piece of pieces) {
      expect(Object.keys(piece.Resources).length).toBeLessThanOrEqual(500);
      expect(validateTemplateLimits(piece)).toEqual([]);
      expect(validateTemplateAgainstSpec(piece)).toEqual([]);
    }
  });

  it("keeps every resource exactly once, and every reference resolves to what it meant", () => {
    const rebuilt = reassemble(result.parent, result.nested);
    expect(Object.keys(rebuilt.resources).sort()).toEqual(Object.keys(template.Resources).sort());
    expect(withoutDependsOn(rebuilt.resources)).toEqual(withoutDependsOn(template.Resources));
    expect(rebuilt.outputs).toEqual(template.Outputs);
  });

  it("keeps each function with its role, log group, permissions, mapping, route and schedule", () => {
    const home = stackOf(result, "Fn3");
    expect(home).toMatch(/^NestedStack\d+$/);
    for (const suffix of ["Role", "LogGroup", "QueueMapping", "Integration", "Route", "ApiPermission", "Schedule", "SchedulePermission"]) {
      expect(stackOf(result, `Fn3${suffix}`), `Fn3${suffix}`).toBe(home);
    }
  });

  it("leaves shared and data-holding resources in the parent, passing them in as parameters", () => {
    for (const id of ["HttpApi", "HttpApiStage", "Table", "Uploads", "Fn3Queue", "Authorizer"]) expect(stackOf(result, id), id).toBe("parent");
    const home = stackOf(result, "Fn3");
    const stack = result.parent.Resources[home];
    expect(stack.Properties.Parameters.HttpApi).toEqual({ Ref: "HttpApi" });
    expect(stack.Properties.Parameters.TableArn).toEqual({ "Fn::GetAtt": ["Table", "Arn"] });
    expect(result.nested[home].Parameters.HttpApi).toEqual({ Type: "String" });
    expect(result.nested[home].Resources.Fn3Route.Properties.ApiId).toEqual({ Ref: "HttpApi" });
  });

  it("passes list parameters joined, and the parent's stack name for AWS::StackName", () => {
    const home = stackOf(result, "Fn3");
    const stack = result.parent.Resources[home];
    expect(result.nested[home].Parameters.Subnets).toEqual({ Type: "CommaDelimitedList" });
    expect(stack.Properties.Parameters.Subnets).toEqual({ "Fn::Join": [",", { Ref: "Subnets" }] });
    expect(stack.Properties.Parameters.ParentStackName).toEqual({ Ref: "AWS::StackName" });
    expect(result.nested[home].Resources.Fn3LogGroup.Properties.LogGroupName).toEqual({
      "Fn::Sub": "/aws/lambda/${ParentStackName}-Fn3",
    });
  });

  it("reads nested resources from the parent through the nested stack's outputs", () => {
    const home = stackOf(result, "Fn3");
    expect(result.parent.Outputs.Fn3Arn.Value).toEqual({ "Fn::GetAtt": [home, "Outputs.Fn3Arn"] });
    expect(result.parent.Outputs.Fn3Role.Value).toEqual({ "Fn::Sub": `role \${${home}.Outputs.Fn3Role} of \${${home}.Outputs.Fn3Arn}` });
    expect(result.nested[home].Outputs.Fn3Arn).toEqual({ Value: { "Fn::GetAtt": ["Fn3", "Arn"] } });
  });

  it("turns a parent DependsOn on a nested resource into a DependsOn on its stack", () => {
    expect(result.parent.Resources.HttpApiStage.DependsOn).toBe(stackOf(result, "Fn0Route"));
  });

  it("wires a link between groups in different stacks through the parent", () => {
    const fn1Stack = stackOf(result, "Fn1");
    const fn0Stack = stackOf(result, "Fn0");
    const passed = result.parent.Resources[fn1Stack].Properties.Parameters.Fn0Arn;
    if (fn1Stack === fn0Stack) expect(passed).toBeUndefined();
    else expect(passed).toEqual({ "Fn::GetAtt": [fn0Stack, "Outputs.Fn0Arn"] });
  });

  it("keeps a group that is in a circle with parent resources in the parent", () => {
    expect(stackOf(result, "Fn5")).toBe("parent");
    expect(stackOf(result, "Fn5Role")).toBe("parent");
    // The shared authorizer (parent) calls Auth, and Auth's invoke permission names the authorizer.
    expect(stackOf(result, "Auth")).toBe("parent");
    expect(stackOf(result, "AuthApiPermission")).toBe("parent");
  });

  it("points each nested stack at its content-hashed template in the artifacts bucket", () => {
    for (const [stackId, upload] of Object.entries(result.uploads)) {
      const hash = createHash("sha256").update(upload.body).digest("hex").slice(0, 20);
      expect(upload.key).toBe(`shop/dev/templates/${stackId}-${hash}.json`);
      expect(JSON.parse(upload.body)).toEqual(result.nested[stackId]);
      expect(result.parent.Resources[stackId].Properties.TemplateURL).toBe(`https://lp-artifacts.s3.eu-west-1.amazonaws.com/${upload.key}`);
    }
  });

  it("is deterministic, and a change inside one function changes only its stack's template URL", () => {
    expect(JSON.stringify(split(functionStack(100)))).toBe(JSON.stringify(result));
    const changed = functionStack(100);
    changed.Resources.Fn3.Properties.Code.S3Key = "functions/Fn3-v2.zip";
    const after = split(changed);
    const home = stackOf(result, "Fn3");
    for (const stackId of Object.keys(result.nested)) {
      const url = (r: typeof result) => r.parent.Resources[stackId].Properties.TemplateURL;
      if (stackId === home) expect(url(after)).not.toBe(url(result));
      else expect(url(after)).toBe(url(result));
    }
  });

  it("keeps a function in the same stack when other functions are added", () => {
    const grown = split(functionStack(110));
    const moved = Array.from({ length: 100 }, (_, i) => `Fn${i}`).filter((fn) => stackOf(grown, fn) !== stackOf(result, fn));
    expect(moved).toEqual([]);
  });
});

describe("splitIntoNestedStacks refusals", () => {
  it("refuses when one function with what only it uses is larger than a stack can hold", () => {
    const template = functionStack(3);
    for (let i = 0; i < 30; i++) {
      template.Resources[`Fn1Extra${i}`] = {
        Type: "AWS::Lambda::Permission",
        Properties: { FunctionName: { Ref: "Fn1" }, Action: "lambda:InvokeFunction", Principal: `p${i}.amazonaws.com` },
      };
    }
    const result = splitIntoNestedStacks(asTemplate(template), { ...options, limits: { resources: 25 } });
    expect(result).toEqual({
      ok: false,
      path: ["Resources", "Fn1"],
      reason: "Function 'Fn1' needs 39 resources together with what only it uses, more than the 25 one nested stack can hold",
    });
  });

  it("refuses when one function's stack alone is past the size limit", () => {
    const template = functionStack(12);
    template.Resources.Fn1.Properties.Description = "d".repeat(150_000);
    const result = splitIntoNestedStacks(asTemplate(template), { ...options, limits: { bytes: 100_000 } });
    expect(result).toMatchObject({
      ok: false,
      path: ["Resources", "Fn1"],
      reason: expect.stringMatching(/^Function 'Fn1' needs a nested stack with \d+ bytes of template \(at most 100000\), and a function cannot be split across stacks$/),
    });
  });

  it("refuses when the shared and data-holding resources alone overflow the parent", () => {
    const template = functionStack(30);
    const result = splitIntoNestedStacks(asTemplate(template), { ...options, limits: { resources: 30 } });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toMatch(/^\d+ resources must stay in the parent stack because they are shared or hold data \(30 AWS::SQS::Queue/);
    }
  });

  it("refuses templates whose outputs alone exceed the limit, and templates with a Transform", () => {
    const template = functionStack(60);
    for (let i = 0; i < 200; i++) template.Outputs[`Extra${i}`] = { Value: "x" };
    expect(splitIntoNestedStacks(asTemplate(template), options)).toMatchObject({ ok: false, path: ["Outputs"] });
    const transformed = { ...functionStack(60), Transform: "AWS::Serverless-2016-10-31" };
    expect(splitIntoNestedStacks(asTemplate(transformed), options)).toMatchObject({
      ok: false,
      path: ["Transform"],
      reason: expect.stringContaining("Transform"),
    });
  });

  it("splits on template size alone, below the resource count limit", () => {
    const template = functionStack(40);
    for (const fn of Array.from({ length: 40 }, (_, i) => `Fn${i}`)) {
      template.Resources[fn].Properties.Description = "d".repeat(256);
    }
    const bytes = uploadedTemplateBody(template).length;
    expect(Object.keys(template.Resources).length).toBeLessThan(500);
    const result = split(template, { ...options, limits: { bytes: Math.floor(bytes / 2) } });
    expect(Object.keys(result.nested).length).toBeGreaterThanOrEqual(2);
    for (const piece of [result.parent, ...Object.values(result.nested)]) {
      expect(uploadedTemplateBody(piece).length).toBeLessThanOrEqual(Math.floor(bytes / 2));
    }
    for (const [stackId, upload] of Object.entries(result.uploads)) expect(upload.body).toBe(JSON.stringify(result.nested[stackId]));
  });

  it("hashes and measures the bytes of the serializer it is given", () => {
    const compact = (t: CfTemplate) => JSON.stringify(t);
    const result = split(functionStack(100), { ...options, serialize: compact });
    for (const [stackId, upload] of Object.entries(result.uploads)) expect(upload.body).toBe(JSON.stringify(result.nested[stackId]));
  });
});
