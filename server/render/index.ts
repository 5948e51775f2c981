// renderStack: stack definition + stage + region + artifact locations -> CloudFormation template.
// Pure: no I/O (beyond reading the CloudFormation spec once, for the template checks), no
// clock, no randomness. Resources and outputs are emitted sorted by logical id, so the same input
// always serializes to the same bytes.
import { hasErrors, type Diagnostic } from "@/lib/stack/diagnostics";
import type { StackDefinition, StackResource } from "@/lib/stack/schema";
import type { CfOutput, CfResource, CfTemplate, CfValue } from "./cfn";
import { createRenderContext, type RenderContext } from "./context";
import { renderEvent } from "./events";
import { renderSnsDeadLetterQueuePolicies, type SnsEventAt } from "./events/sns";
import { fragment, mergeFragments, type DefinitionPath, type Fragment } from "./fragment";
import { applyOverrides } from "./overrides";
import type { RenderOptions } from "./options";
import { limitOutputs } from "./outputs";
import { renderApplicationLoadBalancer } from "./resources/application-load-balancer";
import { renderBucket } from "./resources/bucket";
import { checkDependsOn, renderCloudformationResource } from "./resources/cloudformation-resources";
import { defaultVpcResources } from "./resources/default-vpc";
import { renderDynamoDbTable } from "./resources/dynamo-db-table";
import { renderEdgeLambdaFunction } from "./resources/edge-lambda-function";
import { renderEventBus } from "./resources/event-bus";
import { renderFunction } from "./resources/function";
import { renderHttpApiGateway } from "./resources/http-api-gateway";
import { renderUserAuthPool } from "./resources/user-auth-pool";
import type { ResourceGraph } from "@/server/validate/template-graph";
import { checkRenderedTemplate } from "./template-check";

export type { CfTemplate } from "./cfn";
export type { ArtifactLocation, RenderOptions } from "./options";

export interface RenderedOutput {
  /** The stack resource (or cloudformationResources id) the output describes. */
  resource: string;
  description: string;
  value: CfValue;
}

export interface RenderResult {
  template: CfTemplate;
  outputs: Record<string, RenderedOutput>;
  diagnostics: Diagnostic[];
  /** The dependency graph of `template.Resources`, when the template was checked: pass it on to splitIntoNestedStacks. */
  graph?: ResourceGraph;
}

function renderResource(ctx: RenderContext, name: string, resource: StackResource): Fragment[] {
  const path: DefinitionPath = ["resources", name];
  switch (resource.type) {
    case "function":
      return [
        renderFunction(ctx, name, resource, path),
        ...(resource.properties.events ?? []).map((event, index) =>
          renderEvent({ ctx, functionName: name, index, event, path: [...path, "properties", "events", index] }),
        ),
      ];
    case "edge-lambda-function":
      return [renderEdgeLambdaFunction(ctx, name, resource, path)];
    case "http-api-gateway":
      return [renderHttpApiGateway(ctx, name, resource, path)];
    case "bucket":
      return [renderBucket(ctx, name, resource, path)];
    case "event-bus":
      return [renderEventBus(ctx, name, resource, path)];
    case "user-auth-pool":
      return [renderUserAuthPool(ctx, name, resource, path)];
    case "dynamo-db-table":
      return [renderDynamoDbTable(ctx, name, resource, path)];
    case "application-load-balancer":
      return [renderApplicationLoadBalancer(ctx, name, resource, path)];
  }
}

/** The first resource that needs the default VPC (functions joining it, load balancers), if any. */
function defaultVpcUser(definition: StackDefinition): string | undefined {
  return Object.entries(definition.resources).find(
    ([, r]) => r.type === "application-load-balancer" || (r.type === "function" && r.properties.joinDefaultVpc),
  )?.[0];
}

function snsEvents(definition: StackDefinition): SnsEventAt[] {
  const events: SnsEventAt[] = [];
  for (const [name, resource] of Object.entries(definition.resources)) {
    if (resource.type !== "function") continue;
    (resource.properties.events ?? []).forEach((event, index) => {
      if (event.type === "sns") {
        events.push({ event, path: ["resources", name, "properties", "events", index] });
      }
    });
  }
  return events;
}

const ownedIds = (fragments: Fragment[]) =>
  fragments.flatMap((f) => [...Object.keys(f.resources), ...f.permissions.map((p) => p.logicalId)]);

function sortedRecord<T>(record: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const key of Object.keys(record).sort()) out[key] = record[key];
  return out;
}

export function renderStack(definition: StackDefinition, options: RenderOptions): RenderResult {
  const ctx = createRenderContext(definition, options);
  const fragments: Fragment[] = [];
  const overridden: { fragments: Fragment[]; overrides: NonNullable<StackResource["overrides"]>; path: DefinitionPath }[] = [];

  for (const [name, resource] of Object.entries(definition.resources)) {
    const own = renderResource(ctx, name, resource);
    fragments.push(...own);
    if (resource.overrides) overridden.push({ fragments: own, overrides: resource.overrides, path: ["resources", name, "overrides"] });
  }
  fragments.push(...renderSnsDeadLetterQueuePolicies(ctx, snsEvents(definition)));
  const vpcUser = defaultVpcUser(definition);
  if (vpcUser !== undefined) {
    fragments.push(fragment(["resources", vpcUser], { resources: defaultVpcResources(options) }));
  }
  for (const [logicalId, resource] of Object.entries(ctx.cloudformationResources)) {
    fragments.push(renderCloudformationResource(ctx, logicalId, resource));
  }

  const merged = mergeFragments(fragments);
  const diagnostics = [...merged.diagnostics];
  if (Object.keys(merged.resources).length === 0) {
    diagnostics.push({
      severity: "error",
      code: "render",
      message: "the stack renders no resources, and CloudFormation needs at least one",
      path: ["resources"],
    });
  }
  diagnostics.push(...checkDependsOn(ctx, merged.resources));
  for (const { fragments: own, overrides, path } of overridden) {
    applyOverrides(ctx, merged.resources, ownedIds(own), overrides, path, diagnostics);
  }

  const limited = limitOutputs(definition, merged.outputs);
  diagnostics.push(...limited.diagnostics);
  const outputs: Record<string, RenderedOutput> = {};
  const outputSource = new Map<string, string>();
  for (const f of fragments) for (const key of Object.keys(f.outputs)) outputSource.set(key, String(f.source[1]));
  for (const [key, output] of Object.entries(sortedRecord(limited.outputs))) {
    outputs[key] = { resource: outputSource.get(key) ?? "", description: output.Description ?? "", value: output.Value };
  }

  const template: CfTemplate = {
    AWSTemplateFormatVersion: "2010-09-09",
    Description: `Lambdaplane stack ${options.stackName} (stage ${options.stage})`,
    Resources: sortedRecord<CfResource>(merged.resources),
  };
  if (Object.keys(limited.outputs).length > 0) template.Outputs = sortedRecord<CfOutput>(limited.outputs);
  // Render = validate + render: a template that fails the CloudFormation checks is never handed out as rendered.
  if (hasErrors(diagnostics)) return { template, outputs, diagnostics };
  const check = checkRenderedTemplate(definition, template, merged.resourceSources);
  return { template, outputs, diagnostics: [...diagnostics, ...check.diagnostics], graph: check.graph };
}

/** The template as the CLI prints it and the deploy pipeline uploads it. */
export function serializeTemplate(template: CfTemplate): string {
  return `${JSON.stringify(template, null, 2)}\n`;
}
