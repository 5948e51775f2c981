import { describe, expect, it } from "vitest";
import { parseStack, type StackDefinition } from "@/lib/stack";
import { renameProblem, renameResource } from "./rename";
import { checkDefinition } from "./validate";

const YAML = `resources:
  api:
    type: http-api-gateway
  pool:
    type: user-auth-pool
  auth:
    type: function
    properties:
      packaging: { type: stacktape-lambda-buildpack, properties: { entryfilePath: src/auth.ts } }
  lb:
    type: application-load-balancer
  bus:
    type: event-bus
  site:
    type: bucket
    properties:
      cdn: { enabled: true, edgeFunctions: { onRequest: edge } }
  edge:
    type: edge-lambda-function
    properties:
      packaging: { type: stacktape-lambda-buildpack, properties: { entryfilePath: src/edge.ts } }
  worker:
    type: function
    properties:
      packaging: { type: stacktape-lambda-buildpack, properties: { entryfilePath: src/worker.ts } }
      environment:
        - { name: BUS_ARN, value: "$ResourceParam('bus', 'arn')" }
        - { name: QUEUE_URL, value: "$CfResourceParam('jobs', 'QueueUrl')" }
      accessControl: { allowAccessTo: [site, bus] }
      connectTo: [site]
      destinations: { onFailure: "$ResourceParam('bus', 'arn')" }
      events:
        - type: http-api-gateway
          properties:
            httpApiGatewayName: api
            method: GET
            path: /a
            authorizer: { type: cognito, properties: { userPoolName: pool } }
        - type: http-api-gateway
          properties:
            httpApiGatewayName: api
            method: GET
            path: /b
            authorizer: { type: lambda, properties: { functionName: auth } }
        - { type: application-load-balancer, properties: { loadBalancerName: lb, priority: 1, paths: [/x] } }
        - { type: event-bus, properties: { eventBusName: bus, eventPattern: { source: [app] } } }
        - { type: sqs, properties: { queueArn: "$CfResourceParam('jobs', 'Arn')" } }
cloudformationResources:
  jobs:
    Type: AWS::SQS::Queue
`;

const definition = () => {
  const parsed = parseStack(YAML);
  if (!parsed.definition) throw new Error(JSON.stringify(parsed.diagnostics));
  return parsed.definition;
};
const worker = (d: StackDefinition) => d.resources.worker as Extract<StackDefinition["resources"][string], { type: "function" }>;

describe("renaming a resource", () => {
  it("checks the new name like the schema: letters and digits from a letter, unique across resources and raw resources", () => {
    const d = definition();
    expect(renameProblem(d, "api", "api")).toBeUndefined();
    expect(renameProblem(d, "api", "publicApi2")).toBeUndefined();
    expect(renameProblem(d, "api", "")).toBe("a name is required");
    expect(renameProblem(d, "api", "2api")).toMatch(/must start with a letter/);
    expect(renameProblem(d, "api", "my-api")).toMatch(/only letters and digits/);
    expect(renameProblem(d, "api", "pool")).toBe("'pool' is already the name of another resource in this stack");
    expect(renameProblem(d, "api", "jobs")).toMatch(/already the name/);
    expect(renameProblem(d, "jobs", "2jobs")).toBeUndefined();
    expect(renameProblem(d, "jobs", "job_s")).toMatch(/logical id/);
  });

  it("moves every reference along and keeps the resource's place; the stack stays valid", () => {
    let d = definition();
    expect(checkDefinition(d)).toEqual([]);
    for (const [from, to] of [["api", "publicApi"], ["pool", "users"], ["auth", "gate"], ["lb", "balancer"], ["bus", "events"], ["site", "web"], ["edge", "rewrite"], ["jobs", "jobQueue"]]) {
      d = renameResource(d, from, to);
    }
    expect(Object.keys(d.resources)).toEqual(["publicApi", "users", "gate", "balancer", "events", "web", "rewrite", "worker"]);
    expect(Object.keys(d.cloudformationResources!)).toEqual(["jobQueue"]);
    const p = worker(d).properties;
    expect(p.events).toEqual([
      { type: "http-api-gateway", properties: { httpApiGatewayName: "publicApi", method: "GET", path: "/a", authorizer: { type: "cognito", properties: { userPoolName: "users" } } } },
      { type: "http-api-gateway", properties: { httpApiGatewayName: "publicApi", method: "GET", path: "/b", authorizer: { type: "lambda", properties: { functionName: "gate" } } } },
      { type: "application-load-balancer", properties: { loadBalancerName: "balancer", priority: 1, paths: ["/x"] } },
      { type: "event-bus", properties: { eventBusName: "events", eventPattern: { source: ["app"] } } },
      { type: "sqs", properties: { queueArn: "$CfResourceParam('jobQueue', 'Arn')" } },
    ]);
    expect(p.environment).toEqual([
      { name: "BUS_ARN", value: "$ResourceParam('events', 'arn')" },
      { name: "QUEUE_URL", value: "$CfResourceParam('jobQueue', 'QueueUrl')" },
    ]);
    expect(p.accessControl).toEqual({ allowAccessTo: ["web", "events"] });
    expect(p.connectTo).toEqual(["web"]);
    expect(p.destinations).toEqual({ onFailure: "$ResourceParam('events', 'arn')" });
    expect(d.resources.web).toMatchObject({ properties: { cdn: { edgeFunctions: { onRequest: "rewrite" } } } });
    expect(checkDefinition(d)).toEqual([]);
  });

  it("leaves names that only contain the old one, and other resources' directives, alone", () => {
    const d = renameResource(definition(), "bus", "b");
    expect(worker(d).properties.environment![1]).toEqual({ name: "QUEUE_URL", value: "$CfResourceParam('jobs', 'QueueUrl')" });
    const again = renameResource(d, "b", "bus");
    expect(again).toEqual(definition());
    expect(renameResource(definition(), "missing", "x")).toEqual(definition());
  });
});

const RAW_YAML = `resources:
  worker:
    type: function
    properties:
      packaging: { type: stacktape-lambda-buildpack, properties: { entryfilePath: src/worker.ts } }
      events:
        - { type: schedule, properties: { scheduleRate: rate(2 hours) } }
    overrides:
      WorkerFunction:
        Description: { "Fn::Sub": "runs as \${WorkerRole}, queue \${jobs.QueueName}" }
  workers:
    type: function
    properties:
      packaging: { type: stacktape-lambda-buildpack, properties: { entryfilePath: src/workers.ts } }
    overrides:
      WorkersFunction:
        Description: { Ref: WorkerFunction }
  api:
    type: http-api-gateway
cloudformationResources:
  jobs:
    Type: AWS::SQS::Queue
  jobsDlq:
    Type: AWS::SQS::Queue
  alarm:
    Type: AWS::CloudWatch::Alarm
    DependsOn: [WorkerEvent0Rule, jobs, jobsDlq, WorkersFunction]
    Properties:
      AlarmDescription: WorkerFunction fails
      Namespace: AWS/Lambda
      MetricName: Errors
      Statistic: Sum
      Period: 60
      EvaluationPeriods: 1
      Threshold: 1
      ComparisonOperator: GreaterThanThreshold
      Dimensions:
        - { Name: FunctionName, Value: { Ref: WorkerFunction } }
        - { Name: Other, Value: { Ref: WorkersFunction } }
        - { Name: NotAnId, Value: { Ref: WorkerFunctionUrl } }
      AlarmActions:
        - { "Fn::GetAtt": [WorkerRole, Arn] }
        - { "Fn::GetAtt": WorkerLogGroup.Arn }
        - { "Fn::GetAtt": [jobs, Arn] }
        - { "Fn::GetAtt": jobs.QueueUrl }
        - { "Fn::GetAtt": jobsDlq.Arn }
        - { "Fn::Sub": "\${WorkerFunction.Arn} \${WorkersFunction} \${!WorkerFunction} \${AWS::Region} \${ApiHttpApi}" }
        - { "Fn::Sub": ["\${WorkerFunction} \${jobs} \${WorkerRole}", { WorkerFunction: { Ref: WorkerFunction }, jobs: { Ref: jobs } }] }
        - "$ResourceParam('worker', 'arn')"
        - "$ResourceParam('workers', 'arn')"
        - "$CfResourceParam('jobs', 'Arn')"
        - "$CfResourceParam('jobsDlq', 'Arn')"
        - { "Fn::Join": [",", [{ Ref: jobs }, { Ref: jobsDlq }]] }
`;

const rawDefinition = () => {
  const parsed = parseStack(RAW_YAML);
  if (!parsed.definition) throw new Error(JSON.stringify(parsed.diagnostics));
  return parsed.definition;
};
const alarm = (d: StackDefinition) => d.cloudformationResources!.alarm as unknown as { DependsOn: string[]; Properties: { AlarmDescription: string; Dimensions: unknown[]; AlarmActions: unknown[] } };

describe("renaming references inside raw CloudFormation", () => {
  it("moves Ref, Fn::GetAtt, Fn::Sub, DependsOn and directives to a stack resource's new rendered logical ids, and nothing else", () => {
    const d = renameResource(rawDefinition(), "worker", "job");
    const a = alarm(d);
    expect(a.DependsOn).toEqual(["JobEvent0Rule", "jobs", "jobsDlq", "WorkersFunction"]);
    // A plain string is not a reference, whatever it says.
    expect(a.Properties.AlarmDescription).toBe("WorkerFunction fails");
    expect(a.Properties.Dimensions).toEqual([
      { Name: "FunctionName", Value: { Ref: "JobFunction" } },
      { Name: "Other", Value: { Ref: "WorkersFunction" } },
      // Not an id the renderer derives from 'worker' (no such suffix): left alone.
      { Name: "NotAnId", Value: { Ref: "WorkerFunctionUrl" } },
    ]);
    expect(a.Properties.AlarmActions).toEqual([
      { "Fn::GetAtt": ["JobRole", "Arn"] },
      { "Fn::GetAtt": "JobLogGroup.Arn" },
      { "Fn::GetAtt": ["jobs", "Arn"] },
      { "Fn::GetAtt": "jobs.QueueUrl" },
      { "Fn::GetAtt": "jobsDlq.Arn" },
      // ${!Name} is literal text, pseudo parameters and other resources' ids stay.
      { "Fn::Sub": "${JobFunction.Arn} ${WorkersFunction} ${!WorkerFunction} ${AWS::Region} ${ApiHttpApi}" },
      // Names defined in the Sub's own variables are not logical ids; the variables' values are.
      { "Fn::Sub": ["${WorkerFunction} ${jobs} ${JobRole}", { WorkerFunction: { Ref: "JobFunction" }, jobs: { Ref: "jobs" } }] },
      "$ResourceParam('job', 'arn')",
      "$ResourceParam('workers', 'arn')",
      "$CfResourceParam('jobs', 'Arn')",
      "$CfResourceParam('jobsDlq', 'Arn')",
      { "Fn::Join": [",", [{ Ref: "jobs" }, { Ref: "jobsDlq" }]] },
    ]);
    // Overrides are keyed by the renamed resource's own ids, and hold CloudFormation values too.
    expect(d.resources.job.overrides).toEqual({ JobFunction: { Description: { "Fn::Sub": "runs as ${JobRole}, queue ${jobs.QueueName}" } } });
    expect(d.resources.workers.overrides).toEqual({ WorkersFunction: { Description: { Ref: "JobFunction" } } });
    expect(checkDefinition(d)).toEqual([]);
  });

  it("follows a stack resource's rename of its derived ids of every kind (authorizers, versions, listeners, events)", () => {
    const d = renameResource(rawDefinition(), "api", "gateway");
    expect(alarm(d).Properties.AlarmActions[5]).toEqual({ "Fn::Sub": "${WorkerFunction.Arn} ${WorkersFunction} ${!WorkerFunction} ${AWS::Region} ${GatewayHttpApi}" });
    const ids = ["ApiHttpApiAuthorizerf04e2e37Permission", "ApiHttpApiStage", "ApiHttpApiAuthorizer123", "ApiFunction"];
    const raw = { ...rawDefinition(), cloudformationResources: { r: { Type: "AWS::SNS::Topic", DependsOn: ids } } };
    expect((renameResource(raw, "api", "gateway").cloudformationResources!.r as { DependsOn: string[] }).DependsOn).toEqual([
      "GatewayHttpApiAuthorizerf04e2e37Permission",
      "GatewayHttpApiStage",
      "ApiHttpApiAuthorizer123",
      "ApiFunction",
    ]);
    const fnIds = ["WorkerVersioneef27ac984", "WorkerEvent12StreamConsumer", "WorkerAlias", "WorkerEventX", "WorkerVersion1"];
    const raw2 = { ...rawDefinition(), cloudformationResources: { r: { Type: "AWS::SNS::Topic", DependsOn: fnIds } } };
    expect((renameResource(raw2, "worker", "job").cloudformationResources!.r as { DependsOn: string[] }).DependsOn).toEqual([
      "JobVersioneef27ac984",
      "JobEvent12StreamConsumer",
      "JobAlias",
      "WorkerEventX",
      "WorkerVersion1",
    ]);
  });

  it("moves references to a renamed raw resource, exactly, in raw resources and in overrides", () => {
    const d = renameResource(rawDefinition(), "jobs", "jobQueue");
    const a = alarm(d);
    expect(Object.keys(d.cloudformationResources!)).toEqual(["jobQueue", "jobsDlq", "alarm"]);
    expect(a.DependsOn).toEqual(["WorkerEvent0Rule", "jobQueue", "jobsDlq", "WorkersFunction"]);
    expect(a.Properties.AlarmActions.slice(2)).toEqual([
      { "Fn::GetAtt": ["jobQueue", "Arn"] },
      { "Fn::GetAtt": "jobQueue.QueueUrl" },
      { "Fn::GetAtt": "jobsDlq.Arn" },
      { "Fn::Sub": "${WorkerFunction.Arn} ${WorkersFunction} ${!WorkerFunction} ${AWS::Region} ${ApiHttpApi}" },
      { "Fn::Sub": ["${WorkerFunction} ${jobs} ${WorkerRole}", { WorkerFunction: { Ref: "WorkerFunction" }, jobs: { Ref: "jobQueue" } }] },
      "$ResourceParam('worker', 'arn')",
      "$ResourceParam('workers', 'arn')",
      "$CfResourceParam('jobQueue', 'Arn')",
      "$CfResourceParam('jobsDlq', 'Arn')",
      { "Fn::Join": [",", [{ Ref: "jobQueue" }, { Ref: "jobsDlq" }]] },
    ]);
    expect(d.resources.worker.overrides).toEqual({ WorkerFunction: { Description: { "Fn::Sub": "runs as ${WorkerRole}, queue ${jobQueue.QueueName}" } } });
    expect(checkDefinition(d)).toEqual([]);
    expect(renameResource(d, "jobQueue", "jobs")).toEqual(rawDefinition());
    expect(renameResource(renameResource(rawDefinition(), "worker", "job"), "job", "worker")).toEqual(rawDefinition());
  });
});
