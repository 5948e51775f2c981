import { describe, expect, it } from "vitest";
import { CLOUDFORMATION_LIMITS, measureTemplate, validateTemplateLimits } from "./limits";

function queues(n: number): Record<string, unknown> {
  return Object.fromEntries(Array.from({ length: n }, (_, i) => [`Queue${i}`, { Type: "AWS::SQS::Queue" }]));
}

describe("CLOUDFORMATION_LIMITS", () => {
  it("holds the documented per-template quotas, each with its source", () => {
    expect(CLOUDFORMATION_LIMITS.resources.value).toBe(500);
    expect(CLOUDFORMATION_LIMITS.templateBodyBytesS3.value).toBe(1_000_000);
    expect(CLOUDFORMATION_LIMITS.templateBodyBytesInline.value).toBe(51_200);
    expect(CLOUDFORMATION_LIMITS.outputs.value).toBe(200);
    expect(CLOUDFORMATION_LIMITS.parameters.value).toBe(200);
    expect(CLOUDFORMATION_LIMITS.nameLength.value).toBe(255);
    for (const limit of Object.values(CLOUDFORMATION_LIMITS)) expect(limit.source).toMatch(/^AWS CloudFormation User Guide/);
  });
});

describe("validateTemplateLimits", () => {
  it("accepts a template at exactly the limits", () => {
    expect(validateTemplateLimits({ Resources: queues(500) })).toEqual([]);
  });

  it("reports too many resources, outputs and parameters", () => {
    const outputs = Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`Out${i}`, { Value: "x" }]));
    const parameters = Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`P${i}`, { Type: "String" }]));
    const found = validateTemplateLimits({ Resources: queues(501), Outputs: outputs, Parameters: parameters });
    expect(found.map((d) => [d.code, d.path, d.message])).toEqual([
      ["limit", ["Resources"], "The template declares 501 resources; CloudFormation allows at most 500"],
      ["limit", ["Parameters"], "The template declares 201 parameters; CloudFormation allows at most 200"],
      ["limit", ["Outputs"], "The template declares 201 outputs; CloudFormation allows at most 200"],
    ]);
  });

  it("measures the uploaded body in UTF-8 bytes and applies the S3 or the inline limit", () => {
    const template = { Resources: { Q: { Type: "AWS::SQS::Queue", Metadata: { blob: "é".repeat(30_000) } } } };
    const bytes = measureTemplate(template).bytes;
    expect(bytes).toBe(Buffer.byteLength(`${JSON.stringify(template, null, 2)}\n`));
    expect(bytes).toBeGreaterThan(60_000);
    expect(measureTemplate(template, "{}").bytes).toBe(2);
    expect(validateTemplateLimits(template, { upload: "inline", body: "{}" })).toEqual([]);
    expect(validateTemplateLimits(template, { upload: "s3" })).toEqual([]);
    expect(validateTemplateLimits(template, { upload: "inline" })).toEqual([
      expect.objectContaining({ path: [], message: expect.stringContaining(`is ${bytes} bytes; CloudFormation allows at most 51200`) }),
    ]);
    const huge = { Resources: { Q: { Type: "AWS::SQS::Queue", Metadata: { blob: "x".repeat(1_000_000) } } } };
    expect(validateTemplateLimits(huge)).toHaveLength(1);
  });

  it("reports logical ids that are not alphanumeric or too long", () => {
    const found = validateTemplateLimits({
      Resources: { "my-queue": { Type: "AWS::SQS::Queue" }, [`Q${"x".repeat(255)}`]: { Type: "AWS::SQS::Queue" } },
      Outputs: { "Queue_Url": { Value: "x" } },
      Conditions: { "Is_Prod&Eu": { "Fn::Equals": ["a", "a"] } },
    });
    expect(found.map((d) => d.path)).toEqual([
      ["Resources", "my-queue"],
      ["Resources", `Q${"x".repeat(255)}`],
      ["Outputs", "Queue_Url"],
    ]);
    expect(found[0].message).toBe("Logical id 'my-queue' must contain only letters and digits (A-Za-z0-9)");
  });

  it("counts dynamic references", () => {
    const resources = Object.fromEntries(
      Array.from({ length: 31 }, (_, i) => [
        `Fn${i}`,
        { Type: "AWS::Lambda::Function", Properties: { Environment: { Variables: { A: "{{resolve:secretsmanager:a:SecretString:k}}", B: "{{resolve:ssm:/b}}" } } } },
      ]),
    );
    expect(validateTemplateLimits({ Resources: resources }).map((d) => d.message)).toEqual([
      "The template uses 62 dynamic references ({{resolve:...}}); CloudFormation allows at most 60",
    ]);
  });
});
