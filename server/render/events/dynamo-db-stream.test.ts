import { describe, expect, it } from "vitest";
import { functionYaml, props, renderYaml, resourcesAllowed } from "../test-support";

const stack = (event: string) => `
resources:
  table:
    type: dynamo-db-table
    properties:
      primaryKey:
        partitionKey:
          name: id
          type: string
      streamType: NEW_AND_OLD_IMAGES
${functionYaml(
  "reader",
  `      events:
        - type: dynamo-db-stream
          properties:
            streamArn: $ResourceParam('table', 'streamArn')
${event}`,
)}`;
const STREAM = { "Fn::GetAtt": ["TableTable", "StreamArn"] };

describe("dynamo-db-stream event", () => {
  it("reads the table's stream from TRIM_HORIZON in batches of 100 by default, with read access to it", () => {
    const { template, diagnostics } = renderYaml(stack(""));
    expect(diagnostics).toEqual([]);
    expect(props(template, "TableTable").StreamSpecification).toEqual({ StreamViewType: "NEW_AND_OLD_IMAGES" });
    const mapping = props(template, "ReaderEvent0EventSourceMapping");
    expect(mapping.EventSourceArn).toEqual(STREAM);
    expect(mapping.StartingPosition).toBe("TRIM_HORIZON");
    expect(mapping.BatchSize).toBe(100);
    for (const action of ["dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:DescribeStream"]) {
      expect(resourcesAllowed(template, "ReaderRole", action)).toEqual([STREAM]);
    }
  });

  it("maps batchSize, retries and an SNS on-failure destination", () => {
    const { template } = renderYaml(
      stack(`            batchSize: 200
            maximumRetryAttempts: 2
            onFailure:
              arn: arn:aws:sns:us-east-1:123456789012:failures
              type: sns
`),
    );
    const mapping = props(template, "ReaderEvent0EventSourceMapping");
    expect(mapping.BatchSize).toBe(200);
    expect(mapping.MaximumRetryAttempts).toBe(2);
    expect(mapping.DestinationConfig).toEqual({ OnFailure: { Destination: "arn:aws:sns:us-east-1:123456789012:failures" } });
    expect(resourcesAllowed(template, "ReaderRole", "sns:Publish")).toEqual(["arn:aws:sns:us-east-1:123456789012:failures"]);
  });

  it("rejects an on-failure ARN of another service than its declared type", () => {
    const { diagnostics } = renderYaml(
      stack("            onFailure:\n              arn: arn:aws:sns:us-east-1:123456789012:failures\n              type: sqs\n"),
    );
    expect(diagnostics).toEqual([
      expect.objectContaining({
        severity: "error",
        path: ["resources", "reader", "properties", "events", 0, "properties", "onFailure", "arn"],
      }),
    ]);
  });
});
