// Helpers for the renderer's tests: YAML in, rendered template out, plus lookups that keep
// assertions about meaning short. Not used by production code.
import { formatDiagnostic } from "@/lib/stack/diagnostics";
import { parseStack } from "@/lib/stack/parse";
import type { StackDefinition } from "@/lib/stack/schema";
import type { CfResource, CfTemplate, CfValue } from "./cfn";
import type { RenderOptions } from "./options";
import { renderStack, type RenderResult } from "./index";

export const TEST_OPTIONS = { stackName: "app", stage: "dev", region: "us-east-1" } as const;

export function definitionFromYaml(yaml: string): StackDefinition {
  const parsed = parseStack(yaml);
  if (!parsed.definition) throw new Error(`test definition does not parse:\n${parsed.diagnostics.map(formatDiagnostic).join("\n")}`);
  return parsed.definition;
}

/** An artifact for every function and edge function, so buildpack packaging renders. */
export function testArtifacts(definition: StackDefinition): RenderOptions["artifacts"] {
  const artifacts: RenderOptions["artifacts"] = {};
  for (const [name, r] of Object.entries(definition.resources)) {
    if (r.type === "function" || r.type === "edge-lambda-function") {
      artifacts[name] = { bucket: "artifacts-bucket", key: `app/${name}/0123abcd.zip` };
    }
  }
  return artifacts;
}

export function renderYaml(yaml: string, options: Partial<RenderOptions> = {}): RenderResult {
  const definition = definitionFromYaml(yaml);
  return renderStack(definition, { ...TEST_OPTIONS, artifacts: testArtifacts(definition), ...options });
}

export function resource(template: CfTemplate, logicalId: string): CfResource {
  const found = template.Resources[logicalId];
  if (!found) throw new Error(`no resource ${logicalId}; have ${Object.keys(template.Resources).join(", ")}`);
  return found;
}

export function props(template: CfTemplate, logicalId: string): Record<string, CfValue> {
  return resource(template, logicalId).Properties ?? {};
}

export function resourcesOfType(template: CfTemplate, type: string): [string, CfResource][] {
  return Object.entries(template.Resources).filter(([, r]) => r.Type === type);
}

export interface Statement {
  Effect: string;
  Action: string[];
  Resource: CfValue[];
  Condition?: CfValue;
}

/** The inline policy statements of a role (empty when it has none). */
export function roleStatements(template: CfTemplate, roleId: string): Statement[] {
  const policies = (props(template, roleId).Policies ?? []) as unknown as { PolicyDocument: { Statement: Statement[] } }[];
  return policies.flatMap((p) => p.PolicyDocument.Statement);
}

/** The resources a role may perform `action` on. */
export function resourcesAllowed(template: CfTemplate, roleId: string, action: string): CfValue[] {
  return roleStatements(template, roleId)
    .filter((s) => s.Effect === "Allow" && s.Action.includes(action))
    .flatMap((s) => s.Resource);
}

/** A minimal function resource in YAML, indented to sit under `resources:`. */
export function functionYaml(name: string, extra = ""): string {
  return `  ${name}:
    type: function
    properties:
      packaging:
        type: stacktape-lambda-buildpack
        properties:
          entryfilePath: src/${name}.ts
${extra}`;
}
