import { describe, expect, it } from "vitest";
import { validateTemplateAgainstSpec } from "@/server/validate/spec";
import { renderStack, serializeTemplate } from "./index";
import { renderYaml } from "./test-support";
import { definitionFromYaml, functionYaml, TEST_OPTIONS, testArtifacts } from "./test-support";

const YAML = `
resources:
  api:
    type: http-api-gateway
  users:
    type: user-auth-pool
  table:
    type: dynamo-db-table
    properties:
      primaryKey:
        partitionKey: { name: id, type: string }
      streamType: NEW_IMAGE
${functionYaml(
  "handler",
  `      joinDefaultVpc: true
      connectTo: [table, users]
      deployment:
        strategy: Linear10PercentEvery1Minute
      events:
        - type: http-api-gateway
          properties:
            httpApiGatewayName: api
            path: /items
            method: GET
            authorizer:
              type: cognito
              properties:
                userPoolName: users
        - type: dynamo-db-stream
          properties:
            streamArn: $ResourceParam('table', 'streamArn')
        - type: schedule
          properties:
            scheduleRate: rate(5 minutes)
`,
)}`;

describe("renderStack", () => {
  it("is deterministic: the same input renders byte-identical output", () => {
    const render = () => {
      const definition = definitionFromYaml(YAML);
      return serializeTemplate(renderStack(definition, { ...TEST_OPTIONS, artifacts: testArtifacts(definition) }).template);
    };
    const first = render();
    expect(render()).toBe(first);
    expect(first).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
  });

  it("emits resources and outputs sorted by logical id", () => {
    const definition = definitionFromYaml(YAML);
    const { template, diagnostics, outputs } = renderStack(definition, { ...TEST_OPTIONS, artifacts: testArtifacts(definition) });
    expect(diagnostics).toEqual([]);
    const ids = Object.keys(template.Resources);
    expect(ids).toEqual([...ids].sort());
    expect(Object.keys(template.Outputs ?? {})).toEqual(Object.keys(template.Outputs ?? {}).sort());
    expect(outputs.HandlerArn).toEqual({
      resource: "handler",
      description: "ARN of function handler",
      value: { "Fn::GetAtt": ["HandlerFunction", "Arn"] },
    });
  });

  it("does not depend on the order resources are declared in", () => {
    const definition = definitionFromYaml(YAML);
    const reversed = { ...definition, resources: Object.fromEntries(Object.entries(definition.resources).reverse()) };
    const options = { ...TEST_OPTIONS, artifacts: testArtifacts(definition) };
    expect(serializeTemplate(renderStack(reversed, options).template)).toBe(serializeTemplate(renderStack(definition, options).template));
  });

  it("creates no dependency cycles between functions that reference each other or a bucket that triggers them", () => {
    const { template, diagnostics } = renderYaml(`
resources:
  files:
    type: bucket
${functionYaml(
  "a",
  `      destinations:
        onFailure: $ResourceParam('b', 'arn')
      connectTo: [b, files]
      environment:
        - name: SELF
          value: $ResourceParam('a', 'arn')
      events:
        - type: s3
          properties:
            bucketArn: $ResourceParam('files', 'arn')
            s3EventType: 's3:ObjectCreated:*'
`,
)}${functionYaml(
  "b",
  `      destinations:
        onFailure: $ResourceParam('a', 'arn')
      accessControl:
        allowAccessTo: [a, files]
`,
)}`);
    expect(diagnostics).toEqual([]);
    expect(validateTemplateAgainstSpec(template)).toEqual([]);
  });

  it("keeps outputs within CloudFormation's 200, leaving out function ARNs first", () => {
    const functions = Array.from({ length: 201 }, (_, i) => functionYaml(`fn${i}`)).join("");
    const { template, diagnostics } = renderYaml(`resources:\n  api:\n    type: http-api-gateway\n${functions}`);
    expect(Object.keys(template.Outputs ?? {})).toHaveLength(200);
    expect(template.Outputs).toHaveProperty("ApiUrl");
    expect(diagnostics).toEqual([expect.objectContaining({ severity: "warning", code: "limit", path: ["resources"] })]);
  });
});
