// Free-form JSON in a definition (event patterns, raw CloudFormation, overrides, IAM conditions) reaches the
// template key for key, including a key named "__proto__": dropping it would change what a pattern matches.
import { describe, expect, it } from "vitest";
import { serializeTemplate } from "./index";
import { functionYaml, props, renderYaml } from "./test-support";

const yaml = `resources:
${functionYaml(
  "f",
  `      events:
        - type: event-bus
          properties:
            useDefaultBus: true
            eventPattern:
              source: ["app"]
              detail:
                __proto__:
                  isAdmin: [true]
      accessControl:
        iamRoleStatements:
          - Resource: ["*"]
            Action: ["s3:GetObject"]
            Condition:
              __proto__:
                aws:SecureTransport: "true"
`,
)}    overrides:
      FFunction:
        Environment:
          Variables:
            __proto__: from-override
cloudformationResources:
  Topic:
    Type: AWS::SNS::Topic
    Properties:
      DataProtectionPolicy:
        __proto__:
          nested: $CfResourceParam('Other', 'TopicName')
  Other:
    Type: AWS::SNS::Topic
`;

describe("free-form JSON keeps a __proto__ key from YAML to the template", () => {
  const { template, diagnostics } = renderYaml(yaml);
  const serialized = JSON.parse(serializeTemplate(template)) as typeof template;
  // Own keys, as JSON.parse builds them: toEqual against a literal would set the literal's prototype instead.
  const own = (value: unknown, key: string) => Object.getOwnPropertyDescriptor(value, key)?.value as unknown;

  it("renders", () => expect(diagnostics).toEqual([]));

  it("in an event pattern", () => {
    const pattern = props(serialized, "FEvent0Rule").EventPattern as Record<string, unknown>;
    expect(own(pattern.detail, "__proto__")).toEqual({ isAdmin: [true] });
  });

  it("in a raw resource's properties, with directives inside resolved", () => {
    const policy = props(serialized, "Topic").DataProtectionPolicy;
    expect(own(policy, "__proto__")).toEqual({ nested: { "Fn::GetAtt": ["Other", "TopicName"] } });
  });

  it("in overrides", () => {
    const variables = (props(serialized, "FFunction").Environment as { Variables: Record<string, unknown> }).Variables;
    expect(own(variables, "__proto__")).toBe("from-override");
  });

  it("in an IAM condition", () => {
    const policies = props(serialized, "FRole").Policies as { PolicyDocument: { Statement: { Condition?: unknown }[] } }[];
    const conditions = policies[0].PolicyDocument.Statement.flatMap((s) => (s.Condition === undefined ? [] : [s.Condition]));
    expect(conditions.map((c) => own(c, "__proto__"))).toEqual([{ "aws:SecureTransport": "true" }]);
  });
});
