// GIVEN raw CloudFormation that references the logical ids the renderer derives from stack resource
// names, WHEN the editor renames those resources (or the raw ones), THEN the stack still renders and
// every Ref, Fn::GetAtt, Fn::Sub and DependsOn in the template points at a resource that exists.
import { describe, expect, it } from "vitest";
import { renameResource } from "@/components/stack-editor/model/rename";
import type { StackDefinition } from "@/lib/stack";
import { validateTemplateAgainstSpec } from "@/server/validate/spec";
import { renderStack } from "./index";
import { definitionFromYaml, resource, TEST_OPTIONS, testArtifacts } from "./test-support";

const YAML = `resources:
  api:
    type: http-api-gateway
  orders:
    type: dynamo-db-table
    properties:
      primaryKey: { partitionKey: { name: id, type: string } }
  worker:
    type: function
    properties:
      packaging: { type: stacktape-lambda-buildpack, properties: { entryfilePath: src/worker.ts } }
      events:
        - { type: schedule, properties: { scheduleRate: rate(2 hours) } }
        - { type: http-api-gateway, properties: { httpApiGatewayName: api, method: GET, path: /work } }
    overrides:
      WorkerFunction:
        Description: { "Fn::Sub": "alerts go to \${alerts}" }
cloudformationResources:
  alerts:
    Type: AWS::SNS::Topic
  alarm:
    Type: AWS::CloudWatch::Alarm
    DependsOn: [WorkerEvent0Rule, OrdersTable]
    Properties:
      AlarmDescription: { "Fn::Sub": "\${ApiHttpApi} \${OrdersTable.Arn}" }
      Namespace: AWS/Lambda
      MetricName: Errors
      Statistic: Sum
      Period: 60
      EvaluationPeriods: 1
      Threshold: 1
      ComparisonOperator: GreaterThanThreshold
      Dimensions:
        - { Name: FunctionName, Value: { Ref: WorkerFunction } }
        - { Name: Role, Value: { "Fn::GetAtt": [WorkerRole, Arn] } }
        - { Name: Table, Value: { "Fn::GetAtt": OrdersTable.Arn } }
      AlarmActions: [{ Ref: alerts }]
`;

function render(definition: StackDefinition) {
  const result = renderStack(definition, { ...TEST_OPTIONS, artifacts: testArtifacts(definition) });
  return { errors: result.diagnostics.filter((d) => d.severity === "error"), template: result.template };
}

describe("rename, then render", () => {
  it("GIVEN the stack as written THEN it renders cleanly (the baseline the renames keep)", () => {
    const { errors, template } = render(definitionFromYaml(YAML));
    expect(errors).toEqual([]);
    expect(validateTemplateAgainstSpec(template!)).toEqual([]);
  });

  it("WHEN each stack resource and the raw topic are renamed THEN every reference still resolves", () => {
    let d = definitionFromYaml(YAML);
    for (const [from, to] of [["worker", "job"], ["api", "gateway"], ["orders", "sales"], ["alerts", "alarmTopic"]]) d = renameResource(d, from, to);
    const { errors, template } = render(d);
    expect(errors).toEqual([]);
    expect(validateTemplateAgainstSpec(template!)).toEqual([]);
    const alarm = resource(template!, "alarm");
    expect(alarm.DependsOn).toEqual(["JobEvent0Rule", "SalesTable"]);
    expect(alarm.Properties).toMatchObject({
      AlarmDescription: { "Fn::Sub": "${GatewayHttpApi} ${SalesTable.Arn}" },
      Dimensions: [{ Value: { Ref: "JobFunction" } }, { Value: { "Fn::GetAtt": ["JobRole", "Arn"] } }, { Value: { "Fn::GetAtt": "SalesTable.Arn" } }],
      AlarmActions: [{ Ref: "alarmTopic" }],
    });
    // The override moved with its function and still applies.
    expect(resource(template!, "JobFunction").Properties).toMatchObject({ Description: { "Fn::Sub": "alerts go to ${alarmTopic}" } });
  });

  it("WHEN only the name changed, references left behind THEN the template would be broken (what the rename prevents)", () => {
    const d = definitionFromYaml(YAML);
    const { worker, ...others } = d.resources;
    const { errors, template } = render({ ...d, resources: { ...others, job: { ...worker, overrides: undefined } } as StackDefinition["resources"] });
    const problems = [...errors.map((e) => e.message), ...(template ? validateTemplateAgainstSpec(template).map((p) => JSON.stringify(p)) : [])];
    expect(problems.join("\n")).toMatch(/WorkerEvent0Rule|WorkerFunction/);
  });
});
