// renderStack refuses templates that fail the project's CloudFormation checks, located in the definition,
// so every path that renders (CLI render, preview, REST, deploy) refuses what `validate` refuses.
import { describe, expect, it } from "vitest";
import { analyzeStack, locateDiagnostics } from "@/lib/stack";
import { specAttributes } from "@/server/validate/cfn-attributes";
import { renderStack } from "./index";
import { functionYaml, TEST_OPTIONS, testArtifacts } from "./test-support";

/** Parse and validate as every caller does, then render; errors with their YAML lines. */
function render(yaml: string) {
  const analyzed = analyzeStack(yaml, { cfnAttributes: specAttributes });
  expect(analyzed.diagnostics).toEqual([]);
  const definition = analyzed.definition!;
  const { diagnostics } = renderStack(definition, { ...TEST_OPTIONS, artifacts: testArtifacts(definition) });
  return locateDiagnostics(yaml, diagnostics).map((d) => ({ line: d.line, code: d.code, path: d.path.join("."), message: d.message }));
}

const stack = (tail: string) => `resources:\n${functionYaml("f")}${tail}`;

describe("renderStack checks the template it renders", () => {
  it("refuses a cycle between cloudformationResources through $CfResourceParam", () => {
    const yaml = stack(`cloudformationResources:
  A:
    Type: AWS::SNS::Topic
    Properties:
      DisplayName: $CfResourceParam('B', 'TopicName')
  B:
    Type: AWS::SNS::Topic
    Properties:
      DisplayName: $CfResourceParam('A', 'TopicName')
`);
    expect(render(yaml)).toEqual([
      { line: 10, code: "spec", path: "cloudformationResources.A", message: "Circular dependency between resources: A -> B -> A" },
    ]);
  });

  it("refuses an unknown property of a raw resource, at its line", () => {
    const yaml = stack(`cloudformationResources:
  T:
    Type: AWS::SNS::Topic
    Properties:
      TopicNam: t
`);
    expect(render(yaml)).toEqual([
      {
        line: 13,
        code: "spec",
        path: "cloudformationResources.T.Properties.TopicNam",
        message: "AWS::SNS::Topic 'T' has unknown property 'TopicNam' (did you mean 'TopicName'?)",
      },
    ]);
  });

  it("refuses an unknown property set through overrides, at the override", () => {
    const yaml = stack(`    overrides:
      FFunction:
        MemorySiz: 256
`);
    expect(render(yaml)).toEqual([
      {
        line: 11,
        code: "spec",
        path: "resources.f.overrides.FFunction.MemorySiz",
        message: "AWS::Lambda::Function 'FFunction' has unknown property 'MemorySiz' (did you mean 'MemorySize'?)",
      },
    ]);
  });

  it("points a bad value an override leaves in a rendered property at the resource that renders it", () => {
    const yaml = stack(`    overrides:
      FFunction:
        Environment:
          Variables: not-a-map
`);
    expect(render(yaml)).toMatchObject([{ code: "spec", path: "resources.f.overrides.FFunction.Environment.Variables" }]);
  });

  it("renders a stack that passes", () => {
    expect(render(stack(""))).toEqual([]);
  });
});
