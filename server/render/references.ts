// Directive resolution: `$ResourceParam`, `$CfResourceParam` and `$Secret` become CloudFormation
// references. The result keeps where the value came from, so modules can tell a bucket of this
// stack from a foreign ARN, or a queue from a topic.
import type { Diagnostic } from "@/lib/stack/diagnostics";
import { isReferenceableParam, parseDirective, secretDynamicReference } from "@/lib/stack/directives";
import type { CloudformationResource, StackResource, StackResourceType } from "@/lib/stack/schema";
import { getAtt, ref, type CfValue } from "./cfn";
import type { DefinitionPath } from "./fragment";
import { functionArnFromName } from "./function-arn";
import { logicalIds } from "./naming";
import type { RenderOptions } from "./options";
import { bucketArn, bucketName } from "./bucket-name";

/**
 * What resolving a directive reads of the render context. Declared here rather than in context.ts
 * (whose RenderContext extends it) because context.ts builds on this module, not the other way round.
 */
export interface ReferenceScope {
  options: RenderOptions;
  resources: Record<string, StackResource>;
  cloudformationResources: Record<string, CloudformationResource>;
  functionPhysicalName(name: string): string;
}

export type ValueOrigin =
  | { kind: "literal" }
  | { kind: "resource-param"; resource: string; resourceType: StackResourceType; param: string }
  | { kind: "cf-resource-param"; logicalId: string; cfType: string; attribute: string }
  | { kind: "secret" };

export interface Resolved {
  value: CfValue;
  origin: ValueOrigin;
}

const error = (path: DefinitionPath, message: string): Diagnostic => ({
  severity: "error",
  code: "reference",
  message,
  path,
});

/** The CloudFormation value of `$ResourceParam(name, param)`, or a reason it has none. */
export function resourceParamValue(
  ctx: ReferenceScope,
  name: string,
  param: string,
): { value: CfValue } | { problem: string } {
  const resource = Object.hasOwn(ctx.resources, name) ? ctx.resources[name] : undefined;
  if (!resource) return { problem: `resource '${name}' does not exist` };
  if (!isReferenceableParam(resource.type, param)) {
    return { problem: `resource '${name}' (${resource.type}) has no parameter '${param}'` };
  }
  switch (resource.type) {
    case "function":
      if (param === "arn") return { value: functionArnFromName(ctx.functionPhysicalName(name)) };
      if (resource.properties.logging?.disabled) {
        return { problem: `function '${name}' has logging disabled, so it has no log group` };
      }
      return { value: getAtt(logicalIds.logGroup(name), "Arn") };
    case "edge-lambda-function":
      return { value: functionArnFromName(ctx.functionPhysicalName(name)) };
    case "http-api-gateway":
      return { value: param === "id" ? ref(logicalIds.httpApi(name)) : getAtt(logicalIds.httpApi(name), "ApiEndpoint") };
    case "bucket":
      return { value: param === "name" ? bucketName(ctx.options, name) : bucketArn(ctx.options, name) };
    case "event-bus":
      return { value: param === "name" ? ref(logicalIds.eventBus(name)) : getAtt(logicalIds.eventBus(name), "Arn") };
    case "user-auth-pool":
      if (param === "clientId") return { value: ref(logicalIds.userPoolClient(name)) };
      return { value: param === "id" ? ref(logicalIds.userPool(name)) : getAtt(logicalIds.userPool(name), "Arn") };
    case "dynamo-db-table": {
      const table = logicalIds.dynamoDbTable(name);
      if (param === "name") return { value: ref(table) };
      if (param === "arn") return { value: getAtt(table, "Arn") };
      if (!resource.properties.streamType) {
        return { problem: `table '${name}' has no stream: set streamType to read its streamArn` };
      }
      return { value: getAtt(table, "StreamArn") };
    }
    case "application-load-balancer":
      // Ref of an AWS::ElasticLoadBalancingV2::LoadBalancer is its ARN.
      return { value: param === "arn" ? ref(logicalIds.loadBalancer(name)) : getAtt(logicalIds.loadBalancer(name), "DNSName") };
  }
}

export function resolveValue(ctx: ReferenceScope, value: string, path: DefinitionPath, diagnostics: Diagnostic[]): Resolved {
  const literal: Resolved = { value, origin: { kind: "literal" } };
  const parsed = parseDirective(value);
  if (parsed === null) return literal;
  if (!parsed.ok) {
    diagnostics.push(error(path, parsed.message));
    return literal;
  }
  const directive = parsed.directive;
  switch (directive.kind) {
    case "ResourceParam": {
      const result = resourceParamValue(ctx, directive.resourceName, directive.param);
      if ("problem" in result) {
        diagnostics.push(error(path, `${value}: ${result.problem}`));
        return literal;
      }
      return {
        value: result.value,
        origin: {
          kind: "resource-param",
          resource: directive.resourceName,
          resourceType: ctx.resources[directive.resourceName].type,
          param: directive.param,
        },
      };
    }
    case "CfResourceParam": {
      const target = Object.hasOwn(ctx.cloudformationResources, directive.logicalId)
        ? ctx.cloudformationResources[directive.logicalId]
        : undefined;
      if (!target) {
        diagnostics.push(error(path, `${value}: cloudformationResources has no resource '${directive.logicalId}'`));
        return literal;
      }
      return {
        value: getAtt(directive.logicalId, directive.attribute),
        origin: { kind: "cf-resource-param", logicalId: directive.logicalId, cfType: target.Type, attribute: directive.attribute },
      };
    }
    case "Secret":
      return { value: secretDynamicReference(directive), origin: { kind: "secret" } };
  }
}

export function resolveDeep(ctx: ReferenceScope, value: unknown, path: DefinitionPath, diagnostics: Diagnostic[]): CfValue {
  if (typeof value === "string") return resolveValue(ctx, value, path, diagnostics).value;
  if (Array.isArray(value)) return value.map((item, i) => resolveDeep(ctx, item, [...path, i], diagnostics));
  if (value !== null && typeof value === "object") {
    // fromEntries defines own properties: a key "__proto__" (free-form JSON may have one) stays a key,
    // where `out[key] = ...` would set the object's prototype and drop it.
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, resolveDeep(ctx, item, [...path, key], diagnostics)]));
  }
  return value as CfValue;
}

/** AWS service that owns an ARN-valued reference (`sqs`, `sns`, `events`, `lambda`, ...), when it can be told. */
export function arnService(resolved: Resolved): string | undefined {
  const { origin, value } = resolved;
  switch (origin.kind) {
    case "literal":
      return typeof value === "string" ? /^arn:[a-z-]+:([a-z0-9-]+):/.exec(value)?.[1] : undefined;
    case "resource-param":
      if (origin.param === "logGroupArn") return "logs";
      if (origin.param !== "arn" && origin.param !== "streamArn") return undefined;
      return RESOURCE_TYPE_SERVICE[origin.resourceType];
    case "cf-resource-param":
      if (!/arn$/i.test(origin.attribute)) return undefined;
      return /^AWS::([A-Za-z0-9]+)::/.exec(origin.cfType)?.[1].toLowerCase();
    case "secret":
      return undefined;
  }
}

const RESOURCE_TYPE_SERVICE: Record<StackResourceType, string> = {
  function: "lambda",
  "edge-lambda-function": "lambda",
  "http-api-gateway": "apigateway",
  bucket: "s3",
  "event-bus": "events",
  "user-auth-pool": "cognito-idp",
  "dynamo-db-table": "dynamodb",
  "application-load-balancer": "elasticloadbalancing",
};

/** Reports an error when a reference demonstrably points at another service than the one required. */
export function expectService(
  resolved: Resolved,
  service: string,
  what: string,
  path: DefinitionPath,
  diagnostics: Diagnostic[],
): void {
  const actual = arnService(resolved);
  if (actual === undefined || actual === service) return;
  const origin = resolved.origin;
  const described =
    origin.kind === "resource-param"
      ? `'${origin.resource}' is a ${origin.resourceType}`
      : origin.kind === "cf-resource-param"
        ? `'${origin.logicalId}' is an ${origin.cfType}`
        : `the ARN belongs to ${actual}`;
  diagnostics.push(error(path, `${what} must be ${article(service)} ${service} ARN, but ${described}`));
}

const article = (word: string) => (/^[aeiou]/i.test(word) ? "an" : "a");
