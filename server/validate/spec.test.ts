/* eslint-disable @typescript-eslint/no-explicit-any -- templates and definitions here are plain JSON, navigated by literal paths */
import { describe, expect, it } from "vitest";
import { validateTemplateAgainstSpec } from "./spec";

const role = {
  Type: "AWS::IAM::Role",
  Properties: {
    AssumeRolePolicyDocument: {
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }],
    },
    Policies: [
      {
        PolicyName: "logs",
        PolicyDocument: {
          Version: "2012-10-17",
          Statement: [{ Effect: "Allow", Action: ["logs:PutLogEvents"], Resource: { "Fn::GetAtt": ["ApiFnLogGroup", "Arn"] } }],
        },
      },
    ],
  },
};

const fn = {
  Type: "AWS::Lambda::Function",
  Properties: {
    Code: { S3Bucket: { Ref: "ArtifactsBucket" }, S3Key: "functions/api-3f2a.zip" },
    Handler: "index.handler",
    Runtime: "nodejs22.x",
    MemorySize: 256,
    Role: { "Fn::GetAtt": ["ApiFnRole", "Arn"] },
    Environment: { Variables: { STAGE: { Ref: "AWS::StackName" } } },
    LoggingConfig: { LogGroup: { Ref: "ApiFnLogGroup" } },
    Tags: [{ Key: "stage", Value: "dev" }],
  },
};

/** A small template of the kind the renderer produces; every test below breaks one thing in it. */
function validTemplate(): Record<string, any> {
  return structuredClone({
    AWSTemplateFormatVersion: "2010-09-09",
    Parameters: { ArtifactsBucket: { Type: "String" }, Stage: { Type: "String", Default: "dev" } },
    Conditions: { IsProd: { "Fn::Equals": [{ Ref: "Stage" }, "prod"] } },
    Resources: {
      ApiFnLogGroup: { Type: "AWS::Logs::LogGroup", Properties: { RetentionInDays: 14 } },
      ApiFnRole: role,
      ApiFn: fn,
      Queue: { Type: "AWS::SQS::Queue", Properties: { VisibilityTimeout: { "Fn::If": ["IsProd", 60, { Ref: "AWS::NoValue" }] } } },
      ApiFnQueueMapping: {
        Type: "AWS::Lambda::EventSourceMapping",
        Properties: { FunctionName: { Ref: "ApiFn" }, EventSourceArn: { "Fn::GetAtt": "Queue.Arn" }, BatchSize: 10 },
      },
      HttpApi: { Type: "AWS::ApiGatewayV2::Api", Properties: { Name: "api", ProtocolType: "HTTP" } },
      ApiFnPermission: {
        Type: "AWS::Lambda::Permission",
        Properties: {
          FunctionName: { "Fn::GetAtt": ["ApiFn", "Arn"] },
          Action: "lambda:InvokeFunction",
          Principal: "apigateway.amazonaws.com",
          SourceArn: { "Fn::Sub": "arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${HttpApi}/*" },
        },
      },
      Schedule: {
        Type: "AWS::Events::Rule",
        DependsOn: ["ApiFnPermission"],
        Properties: { ScheduleExpression: "rate(5 minutes)", Targets: [{ Arn: { "Fn::GetAtt": ["ApiFn", "Arn"] }, Id: "fn" }] },
      },
    },
    Outputs: {
      ApiUrl: { Value: { "Fn::GetAtt": ["HttpApi", "ApiEndpoint"] }, Export: { Name: { "Fn::Sub": "${AWS::StackName}-url" } } },
      ProdOnly: { Condition: "IsProd", Value: { Ref: "Queue" } },
    },
  });
}

function errorsOf(template: unknown) {
  return validateTemplateAgainstSpec(template).filter((d) => d.severity === "error");
}

describe("validateTemplateAgainstSpec", () => {
  it("accepts a well-formed template", () => {
    expect(validateTemplateAgainstSpec(validTemplate())).toEqual([]);
  });

  it("reports a missing required property, naming type, logical id and property", () => {
    const t = validTemplate();
    delete t.Resources.ApiFn.Properties.Role;
    expect(errorsOf(t)).toEqual([
      {
        severity: "error",
        code: "spec",
        message: "AWS::Lambda::Function 'ApiFn' is missing required property 'Role'",
        path: ["Resources", "ApiFn", "Properties"],
      },
    ]);
  });

  it("reports an unknown property with a suggestion", () => {
    const t = validTemplate();
    t.Resources.ApiFn.Properties.Memory = 128;
    const [d] = errorsOf(t);
    expect(d.path).toEqual(["Resources", "ApiFn", "Properties", "Memory"]);
    expect(d.message).toBe("AWS::Lambda::Function 'ApiFn' has unknown property 'Memory' (did you mean 'MemorySize'?)");
  });

  it("checks nested property types: unknown and missing required sub-properties", () => {
    const t = validTemplate();
    t.Resources.ApiFn.Properties.Environment = { Variable: { A: "1" } };
    t.Resources.Schedule.Properties.Targets = [{ Arn: "arn:aws:lambda:us-east-1:1:function:f" }];
    const messages = errorsOf(t).map((d) => [d.path.join("."), d.message]);
    expect(messages).toContainEqual([
      "Resources.ApiFn.Properties.Environment.Variable",
      "AWS::Lambda::Function 'ApiFn' has unknown property 'Environment.Variable' (did you mean 'Variables'?)",
    ]);
    expect(messages).toContainEqual([
      "Resources.Schedule.Properties.Targets.0",
      "AWS::Events::Rule 'Schedule' is missing required property 'Targets[0].Id'",
    ]);
  });

  it("reports values of the wrong shape, and checks both branches of Fn::If", () => {
    const t = validTemplate();
    t.Resources.ApiFn.Properties.Layers = "arn:aws:lambda:us-east-1:1:layer:x:1";
    t.Resources.ApiFn.Properties.Code = { "Fn::If": ["IsProd", { S3Bucket: "b", S3Key: "k" }, "inline"] };
    t.Resources.Queue.Properties.QueueName = { name: "q" };
    const messages = errorsOf(t).map((d) => d.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        "AWS::Lambda::Function 'ApiFn' property 'Layers' must be a list, not a string",
        "AWS::Lambda::Function 'ApiFn' property 'Code.Fn::If[2]' must be an object, not a string",
        "AWS::SQS::Queue 'Queue' property 'QueueName' must be a string, not an object",
      ]),
    );
    expect(messages).toHaveLength(3);
  });

  it("accepts any member of a union type (a policy document as JSON or as a string)", () => {
    const t = validTemplate();
    t.Resources.ApiFnRole.Properties.Policies[0].PolicyDocument = '{"Version":"2012-10-17","Statement":[]}';
    expect(errorsOf(t)).toEqual([]);
  });

  it("rejects unknown AWS resource types with a suggestion, and only warns on third-party types", () => {
    const t = validTemplate();
    t.Resources.Queue.Type = "AWS::SQS::Queu";
    t.Resources.Atlas = { Type: "MongoDB::Atlas::Cluster", Properties: { Name: "c" } };
    const diagnostics = validateTemplateAgainstSpec(t);
    expect(diagnostics).toEqual([
      {
        severity: "error",
        code: "spec",
        message: "Resource 'Queue' has unknown type 'AWS::SQS::Queu' (did you mean 'AWS::SQS::Queue'?)",
        path: ["Resources", "Queue", "Type"],
      },
      expect.objectContaining({ severity: "warning", path: ["Resources", "Atlas", "Type"] }),
    ]);
  });

  it("lets custom resources carry any property and attribute, but requires ServiceToken", () => {
    const t = validTemplate();
    t.Resources.Seed = { Type: "Custom::Seed", Properties: { ServiceToken: { "Fn::GetAtt": ["ApiFn", "Arn"] }, Anything: [1] } };
    t.Outputs.Seeded = { Value: { "Fn::GetAtt": ["Seed", "WhateverItReturns"] } };
    expect(errorsOf(t)).toEqual([]);
    delete t.Resources.Seed.Properties.ServiceToken;
    expect(errorsOf(t).map((d) => d.message)).toEqual(["Custom::Seed 'Seed' is missing required property 'ServiceToken'"]);
  });

  it("checks Fn::GetAtt attributes against the target's type, in both forms and inside Fn::Sub", () => {
    const t = validTemplate();
    t.Resources.ApiFnPermission.Properties.FunctionName = { "Fn::GetAtt": ["ApiFn", "Arnn"] };
    t.Resources.ApiFnQueueMapping.Properties.EventSourceArn = { "Fn::GetAtt": "Queue.Url" };
    t.Outputs.Sub = { Value: { "Fn::Sub": "${HttpApi.Endpoint}" } };
    const found = errorsOf(t);
    expect(found.map((d) => d.path.join("."))).toEqual([
      "Resources.ApiFnQueueMapping.Properties.EventSourceArn",
      "Resources.ApiFnPermission.Properties.FunctionName",
      "Outputs.Sub.Value",
    ]);
    expect(found[1].message).toMatch(
      /^AWS::Lambda::Permission 'ApiFnPermission' property 'FunctionName': Fn::GetAtt of 'ApiFn.Arnn', but AWS::Lambda::Function has no attribute 'Arnn' \(did you mean 'Arn'\?\)/,
    );
    expect(found[0].message).toContain("AWS::SQS::Queue has no attribute 'Url' (did you mean 'QueueUrl'?)");
    expect(found[2].message).toContain("Fn::Sub of 'HttpApi.Endpoint'");
  });

  it("allows Outputs.<name> on nested stacks", () => {
    const t = validTemplate();
    t.Resources.Child = { Type: "AWS::CloudFormation::Stack", Properties: { TemplateURL: "https://b.s3.us-east-1.amazonaws.com/k.json" } };
    t.Outputs.FromChild = { Value: { "Fn::GetAtt": ["Child", "Outputs.FnArn"] } };
    expect(errorsOf(t)).toEqual([]);
    t.Outputs.FromChild = { Value: { "Fn::GetAtt": ["Child", "FnArn"] } };
    expect(errorsOf(t)).toHaveLength(1);
  });

  it("reports references to things that do not exist", () => {
    const t = validTemplate();
    t.Resources.ApiFn.Properties.Code.S3Bucket = { Ref: "ArtifactBucket" };
    t.Resources.ApiFnPermission.Properties.SourceArn = {
      "Fn::Sub": ["arn:${Missing}:${!NotAVariable}:${Local}", { Local: { Ref: "Stage" } }],
    };
    t.Resources.ApiFnRole.Properties.Policies[0].PolicyDocument.Statement[0].Resource = { "Fn::GetAtt": ["Stage", "Arn"] };
    const found = errorsOf(t).map((d) => [d.path.join("."), d.message]);
    expect(found).toEqual([
      [
        "Resources.ApiFnRole.Properties.Policies.0.PolicyDocument.Statement.0.Resource",
        "AWS::IAM::Role 'ApiFnRole' property 'Policies[0].PolicyDocument.Statement[0].Resource': Fn::GetAtt of 'Stage.Arn', but 'Stage' is a parameter",
      ],
      [
        "Resources.ApiFn.Properties.Code.S3Bucket",
        "AWS::Lambda::Function 'ApiFn' property 'Code.S3Bucket': Ref to 'ArtifactBucket', which is not a resource, parameter or pseudo parameter (did you mean 'ArtifactsBucket'?)",
      ],
      [
        "Resources.ApiFnPermission.Properties.SourceArn",
        "AWS::Lambda::Permission 'ApiFnPermission' property 'SourceArn': Fn::Sub to 'Missing', which is not a resource, parameter or pseudo parameter",
      ],
    ]);
  });

  it("reports DependsOn targets that do not exist, and self-dependencies", () => {
    const t = validTemplate();
    t.Resources.Schedule.DependsOn = ["ApiFnPermision", "Schedule"];
    expect(errorsOf(t).map((d) => [d.path.join("."), d.message])).toEqual([
      [
        "Resources.Schedule.DependsOn.0",
        "AWS::Events::Rule 'Schedule' DependsOn 'ApiFnPermision', which is not a resource in this template (did you mean 'ApiFnPermission'?)",
      ],
      ["Resources.Schedule.DependsOn.1", "AWS::Events::Rule 'Schedule' DependsOn itself"],
    ]);
  });

  it("reports circular dependencies and self-references", () => {
    const t = validTemplate();
    t.Resources.ApiFnLogGroup.DependsOn = "ApiFn";
    t.Resources.Queue.Properties.QueueName = { "Fn::GetAtt": ["Queue", "QueueName"] };
    const messages = errorsOf(t).map((d) => d.message);
    expect(messages).toContain("Circular dependency between resources: ApiFn -> ApiFnLogGroup -> ApiFn");
    expect(messages).toContain("AWS::SQS::Queue 'Queue' property 'QueueName': Fn::GetAtt refers to 'Queue' itself");
  });

  it("checks condition names, and that conditions only refer to parameters", () => {
    const t = validTemplate();
    t.Outputs.ProdOnly.Condition = "IsProduction";
    t.Conditions.HasQueue = { "Fn::Equals": [{ Ref: "Queue" }, ""] };
    const messages = errorsOf(t).map((d) => d.message);
    expect(messages).toEqual([
      "Output 'ProdOnly' uses condition \"IsProduction\", which is not declared in 'Conditions'",
      "Condition 'HasQueue' refers to 'Queue'; conditions may only refer to parameters",
    ]);
  });

  it("reports unknown intrinsic functions, sections, resource attributes and output keys", () => {
    const t = validTemplate();
    t.Resources.ApiFn.Properties.Handler = { "Fn::Concat": ["a", "b"] };
    t.Resources.ApiFn.DependOn = "Queue";
    t.Output = {};
    t.Outputs.ApiUrl.Exports = t.Outputs.ApiUrl.Export;
    delete t.Outputs.ApiUrl.Export;
    expect(errorsOf(t).map((d) => d.message)).toEqual([
      "Unknown template section 'Output' (did you mean 'Outputs'?)",
      "AWS::Lambda::Function 'ApiFn' has unknown attribute 'DependOn' (did you mean 'DependsOn'?)",
      "AWS::Lambda::Function 'ApiFn' property 'Handler' uses unknown intrinsic function 'Fn::Concat'",
      "Output 'ApiUrl' has unknown key 'Exports' (did you mean 'Export'?)",
    ]);
  });

  it("rejects a template that is not an object or has no resources", () => {
    expect(errorsOf([])).toEqual([expect.objectContaining({ path: [], message: "The template must be a JSON object, not a list" })]);
    expect(errorsOf({ Resources: {} }).map((d) => d.message)).toEqual([
      "The template must declare at least one resource in 'Resources'",
    ]);
    expect(errorsOf({ Resources: { A: "AWS::SQS::Queue", B: { Properties: {} } } }).map((d) => d.message)).toEqual([
      "Resource 'A' must be an object with a 'Type', not a string",
      "Resource 'B' has no 'Type'",
    ]);
  });

  it("reports null property values", () => {
    const t = validTemplate();
    t.Resources.ApiFn.Properties.Description = null;
    expect(errorsOf(t).map((d) => d.message)).toEqual([
      "AWS::Lambda::Function 'ApiFn' property 'Description' must be a value, not null",
    ]);
  });
});
