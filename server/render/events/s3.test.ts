import { describe, expect, it } from "vitest";
import { functionYaml, props, renderYaml, resource } from "../test-support";

const s3Event = (extra: string, bucketArn = "$ResourceParam('uploads', 'arn')") => `        - type: s3
          properties:
            bucketArn: ${bucketArn}
${extra}`;
const stack = (events: string) => `
resources:
  uploads:
    type: bucket
${functionYaml("thumbnails", `      events:\n${events}`)}`;

describe("s3 event", () => {
  it("configures the stack's bucket to notify the function for that event type and key filter", () => {
    const { template, diagnostics } = renderYaml(
      stack(s3Event("            s3EventType: 's3:ObjectCreated:*'\n            filterRule:\n              prefix: order-\n              suffix: .jpg\n")),
    );
    expect(diagnostics).toEqual([]);
    expect(props(template, "UploadsBucket").NotificationConfiguration).toEqual({
      LambdaConfigurations: [
        {
          Event: "s3:ObjectCreated:*",
          Function: { "Fn::GetAtt": ["ThumbnailsFunction", "Arn"] },
          Filter: {
            S3Key: {
              Rules: [
                { Name: "prefix", Value: "order-" },
                { Name: "suffix", Value: ".jpg" },
              ],
            },
          },
        },
      ],
    });
  });

  it("lets S3 invoke the function for that bucket of this account, before the bucket is configured", () => {
    const { template } = renderYaml(stack(s3Event("            s3EventType: 's3:ObjectRemoved:*'\n")));
    const permission = props(template, "ThumbnailsEvent0Permission");
    expect(permission.Principal).toBe("s3.amazonaws.com");
    expect(permission.SourceArn).toEqual({
      "Fn::Sub": "arn:${AWS::Partition}:s3:::app-dev-uploads-${AWS::AccountId}-${AWS::Region}",
    });
    expect(permission.SourceAccount).toEqual({ Ref: "AWS::AccountId" });
    expect(props(template, "UploadsBucket").BucketName).toEqual({ "Fn::Sub": "app-dev-uploads-${AWS::AccountId}-${AWS::Region}" });
    expect(resource(template, "UploadsBucket").DependsOn).toEqual(["ThumbnailsEvent0Permission"]);
  });

  it("rejects a bucket that is not part of the stack (its notifications cannot be configured here)", () => {
    const { diagnostics } = renderYaml(
      stack(s3Event("            s3EventType: 's3:ObjectCreated:*'\n", "arn:aws:s3:::someone-elses-bucket")),
    );
    expect(diagnostics).toEqual([
      expect.objectContaining({
        severity: "error",
        path: ["resources", "thumbnails", "properties", "events", 0, "properties", "bucketArn"],
      }),
    ]);
  });

  it("rejects two notifications S3 would consider overlapping", () => {
    const { diagnostics } = renderYaml(
      stack(
        s3Event("            s3EventType: 's3:ObjectCreated:*'\n            filterRule:\n              prefix: images/\n") +
          s3Event("            s3EventType: 's3:ObjectCreated:Put'\n            filterRule:\n              prefix: images/thumbs/\n"),
      ),
    );
    expect(diagnostics).toEqual([
      expect.objectContaining({ severity: "error", code: "conflict", path: ["resources", "thumbnails", "properties", "events", 1] }),
    ]);
  });

  it("accepts notifications on disjoint prefixes", () => {
    const { diagnostics, template } = renderYaml(
      stack(
        s3Event("            s3EventType: 's3:ObjectCreated:*'\n            filterRule:\n              prefix: a/\n") +
          s3Event("            s3EventType: 's3:ObjectCreated:*'\n            filterRule:\n              prefix: b/\n"),
      ),
    );
    expect(diagnostics).toEqual([]);
    expect(resource(template, "UploadsBucket").DependsOn).toEqual(["ThumbnailsEvent0Permission", "ThumbnailsEvent1Permission"]);
  });
});
