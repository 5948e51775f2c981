import { describe, expect, it } from "vitest";
import { props, renderYaml, resourcesAllowed } from "../test-support";

const stack = (eventProperties: string) => `
resources:
  worker:
    type: function
    properties:
      packaging:
        type: stacktape-lambda-buildpack
        properties:
          entryfilePath: src/worker.ts
      events:
        - type: sqs
          properties:
            queueArn: $CfResourceParam('jobs', 'Arn')
${eventProperties}
cloudformationResources:
  jobs:
    Type: AWS::SQS::Queue
`;

describe("sqs event", () => {
  it("polls the queue with the documented default batch size of 10", () => {
    const { template, diagnostics } = renderYaml(stack(""));
    expect(diagnostics).toEqual([]);
    const mapping = props(template, "WorkerEvent0EventSourceMapping");
    expect(mapping.EventSourceArn).toEqual({ "Fn::GetAtt": ["jobs", "Arn"] });
    expect(mapping.FunctionName).toEqual({ Ref: "WorkerFunction" });
    expect(mapping.BatchSize).toBe(10);
    expect(mapping).not.toHaveProperty("MaximumBatchingWindowInSeconds");
  });

  it("maps batchSize and maxBatchWindowSeconds onto the event source mapping", () => {
    const { template, diagnostics } = renderYaml(stack("            batchSize: 500\n            maxBatchWindowSeconds: 20"));
    expect(diagnostics).toEqual([]);
    const mapping = props(template, "WorkerEvent0EventSourceMapping");
    expect(mapping.BatchSize).toBe(500);
    expect(mapping.MaximumBatchingWindowInSeconds).toBe(20);
  });

  it("lets the role receive, delete and inspect messages of that queue only", () => {
    const { template } = renderYaml(stack(""));
    for (const action of ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"]) {
      expect(resourcesAllowed(template, "WorkerRole", action)).toEqual([{ "Fn::GetAtt": ["jobs", "Arn"] }]);
    }
  });

  it("rejects batches above 10 without a batching window, as AWS does", () => {
    const { diagnostics } = renderYaml(stack("            batchSize: 50"));
    expect(diagnostics).toEqual([
      expect.objectContaining({
        severity: "error",
        path: ["resources", "worker", "properties", "events", 0, "properties", "batchSize"],
      }),
    ]);
  });

  it("rejects a queue ARN that points at another kind of resource", () => {
    const { diagnostics } = renderYaml(`
resources:
  worker:
    type: function
    properties:
      packaging:
        type: stacktape-lambda-buildpack
        properties:
          entryfilePath: src/worker.ts
      events:
        - type: sqs
          properties:
            queueArn: $CfResourceParam('topic', 'TopicArn')
cloudformationResources:
  topic:
    Type: AWS::SNS::Topic
`);
    expect(diagnostics).toEqual([
      expect.objectContaining({ severity: "error", path: ["resources", "worker", "properties", "events", 0, "properties", "queueArn"] }),
    ]);
  });
});
