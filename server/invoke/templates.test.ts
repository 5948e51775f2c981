import { describe, expect, it } from "vitest";
import { EVENT_TEMPLATES, templatePayload } from "./templates";

describe("event templates", () => {
  it("offers one template per trigger the issue names", () => {
    expect(EVENT_TEMPLATES.map((t) => t.id)).toEqual(["http-api-v2", "sqs", "s3-put", "eventbridge", "schedule", "sns", "dynamodb-stream", "kinesis"]);
  });
  it("fills the region in and gives pretty JSON", () => {
    const sqs = JSON.parse(templatePayload("sqs", "eu-west-1")!);
    expect(sqs.Records).toHaveLength(2);
    expect(sqs.Records[0]).toMatchObject({ eventSource: "aws:sqs", awsRegion: "eu-west-1", eventSourceARN: "arn:aws:sqs:eu-west-1:123456789012:my-queue" });
    expect(templatePayload("sqs", "eu-west-1")).toContain('\n  "Records"');
  });
  it("carries base64 Kinesis data that decodes to JSON", () => {
    const k = JSON.parse(templatePayload("kinesis", "us-east-1")!);
    expect(JSON.parse(atob(k.Records[0].kinesis.data))).toEqual({ hello: "world" });
  });
  it("has no template for an unknown id", () => {
    expect(templatePayload("carrier-pigeon", "us-east-1")).toBeNull();
  });
});
