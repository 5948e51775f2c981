import { describe, expect, it } from "vitest";
import { functionYaml, props, renderYaml, resourcesAllowed } from "../test-support";

const withKinesis = (event: string) => `
resources:
${functionYaml(
  "reader",
  `      events:
        - type: kinesis-stream
          properties:
            streamArn: $CfResourceParam('stream', 'Arn')
${event}`,
)}cloudformationResources:
  stream:
    Type: AWS::Kinesis::Stream
    Properties:
      ShardCount: 1
  failures:
    Type: AWS::SQS::Queue
`;
const STREAM = { "Fn::GetAtt": ["stream", "Arn"] };

describe("kinesis-stream event", () => {
  it("reads the stream from TRIM_HORIZON in batches of 10 by default, with read access to that stream", () => {
    const { template, diagnostics } = renderYaml(withKinesis(""));
    expect(diagnostics).toEqual([]);
    const mapping = props(template, "ReaderEvent0EventSourceMapping");
    expect(mapping.EventSourceArn).toEqual(STREAM);
    expect(mapping.StartingPosition).toBe("TRIM_HORIZON");
    expect(mapping.BatchSize).toBe(10);
    for (const action of ["kinesis:GetRecords", "kinesis:GetShardIterator", "kinesis:DescribeStream", "kinesis:ListShards"]) {
      expect(resourcesAllowed(template, "ReaderRole", action)).toEqual([STREAM]);
    }
  });

  it("creates an enhanced fan-out consumer when autoCreateConsumer is set and reads through it", () => {
    const { template } = renderYaml(withKinesis("            autoCreateConsumer: true\n"));
    const consumer = props(template, "ReaderEvent0StreamConsumer");
    expect(consumer.StreamARN).toEqual(STREAM);
    const consumerArn = { "Fn::GetAtt": ["ReaderEvent0StreamConsumer", "ConsumerARN"] };
    expect(props(template, "ReaderEvent0EventSourceMapping").EventSourceArn).toEqual(consumerArn);
    expect(resourcesAllowed(template, "ReaderRole", "kinesis:SubscribeToShard")).toEqual([consumerArn]);
  });

  it("reads through a given consumer ARN", () => {
    const arn = "arn:aws:kinesis:us-east-1:123456789012:stream/s/consumer/c:1";
    const { template } = renderYaml(withKinesis(`            consumerArn: ${arn}\n`));
    expect(props(template, "ReaderEvent0EventSourceMapping").EventSourceArn).toBe(arn);
    expect(resourcesAllowed(template, "ReaderRole", "kinesis:SubscribeToShard")).toEqual([arn]);
  });

  it("maps the batching, retry, bisect and parallelization settings and the on-failure destination", () => {
    const { template } = renderYaml(
      withKinesis(`            batchSize: 200
            maxBatchWindowSeconds: 30
            startingPosition: LATEST
            maximumRetryAttempts: 3
            parallelizationFactor: 4
            bisectBatchOnFunctionError: true
            onFailure:
              arn: $CfResourceParam('failures', 'Arn')
              type: sqs
`),
    );
    const mapping = props(template, "ReaderEvent0EventSourceMapping");
    expect(mapping).toMatchObject({
      BatchSize: 200,
      MaximumBatchingWindowInSeconds: 30,
      StartingPosition: "LATEST",
      MaximumRetryAttempts: 3,
      ParallelizationFactor: 4,
      BisectBatchOnFunctionError: true,
      DestinationConfig: { OnFailure: { Destination: { "Fn::GetAtt": ["failures", "Arn"] } } },
    });
    expect(resourcesAllowed(template, "ReaderRole", "sqs:SendMessage")).toEqual([{ "Fn::GetAtt": ["failures", "Arn"] }]);
  });
});
