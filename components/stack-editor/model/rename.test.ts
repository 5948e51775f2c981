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
