import { describe, expect, it } from "vitest";
import { pickedBy, snsDeliveryFailureOf, streamFailureOf, targetDirective } from "./targets";

const queue = { name: "dlq", kind: "queue" };
const topic = { name: "alerts", kind: "topic" };
const table = { name: "orders", kind: "dynamo-db-table" };

describe("targets", () => {
  it("stores the directive of each kind's ARN", () => {
    expect(targetDirective({ name: "bus", kind: "event-bus" })).toBe("$ResourceParam('bus', 'arn')");
    expect(targetDirective(queue)).toBe("$CfResourceParam('dlq', 'Arn')");
    expect(targetDirective(topic)).toBe("$CfResourceParam('alerts', 'TopicArn')");
    expect(targetDirective(table)).toBeUndefined();
  });

  it("fills an SNS dead-letter queue with the queue's ARN and URL, and only from a queue", () => {
    expect(snsDeliveryFailureOf(queue)).toEqual({ sqsQueueArn: "$CfResourceParam('dlq', 'Arn')", sqsQueueUrl: "$CfResourceParam('dlq', 'QueueUrl')" });
    expect(snsDeliveryFailureOf(topic)).toBeUndefined();
  });

  it("fills a stream's failure destination with the ARN and its type", () => {
    expect(streamFailureOf(queue)).toEqual({ arn: "$CfResourceParam('dlq', 'Arn')", type: "sqs" });
    expect(streamFailureOf(topic)).toEqual({ arn: "$CfResourceParam('alerts', 'TopicArn')", type: "sns" });
    expect(streamFailureOf(table)).toBeUndefined();
  });

  it("finds the resource whose filled value is there, and none for a value set by hand", () => {
    const options = [topic, queue];
    expect(pickedBy(options, streamFailureOf, { arn: "$CfResourceParam('dlq', 'Arn')", type: "sqs" })).toBe(queue);
    expect(pickedBy(options, streamFailureOf, { arn: "arn:aws:sqs:eu-west-1:123456789012:other", type: "sqs" })).toBeUndefined();
    expect(pickedBy(options, streamFailureOf, undefined)).toBeUndefined();
  });
});
