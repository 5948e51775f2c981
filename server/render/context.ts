// What every resource and event module may read while rendering: the definition, the options,
// and the few derived facts several modules need (how to address a function, physical names).
import type { Diagnostic } from "@/lib/stack/diagnostics";
import { DEFAULT_DEPLOYMENT_ALIAS_NAME } from "@/lib/stack/defaults";
import type { ResourceOfType, StackDefinition, StackResourceType } from "@/lib/stack/schema";
import { getAtt, ref, type CfValue } from "./cfn";
import type { DefinitionPath } from "./fragment";
import { logicalIds, physicalNames } from "./naming";
import type { RenderOptions } from "./options";
import { resolveValue, resolveDeep, type ReferenceScope, type Resolved } from "./references";

/** How triggers address a function: through its alias when it has one, so traffic shifting applies. */
export interface FunctionTarget {
  /** For `FunctionName` properties (event source mappings, permissions). */
  name: CfValue;
  /** For properties that need an ARN (rule targets, integrations, subscriptions). */
  arn: CfValue;
  /** Logical id of the function's execution role. */
  role: string;
  /** The alias name, when the function is invoked through one. */
  aliasName?: string;
}

/** The reference scope (options, resources, physical function names) and the rest a resource or event module reads. */
export interface RenderContext extends ReferenceScope {
  definition: StackDefinition;
  resourceOfType<T extends StackResourceType>(name: string, type: T): ResourceOfType<T> | undefined;
  functionTarget(name: string): FunctionTarget;
  /** Resolves a value that may be a directive; problems are appended to `diagnostics`. */
  resolve(value: string, path: DefinitionPath, diagnostics: Diagnostic[]): Resolved;
  /** Resolves every directive inside a JSON value. */
  resolveDeep(value: unknown, path: DefinitionPath, diagnostics: Diagnostic[]): CfValue;
}

/** The alias a function is invoked through, if any: deployments and provisioned concurrency need one. */
export function functionAliasName(fn: ResourceOfType<"function">): string | undefined {
  const { deployment, provisionedConcurrency } = fn.properties;
  if (!deployment && provisionedConcurrency === undefined) return undefined;
  return deployment?.aliasName ?? DEFAULT_DEPLOYMENT_ALIAS_NAME;
}

export function createRenderContext(definition: StackDefinition, options: RenderOptions): RenderContext {
  const resources = definition.resources;
  const cloudformationResources = definition.cloudformationResources ?? {};

  const ctx: RenderContext = {
    definition,
    options,
    resources,
    cloudformationResources,
    resourceOfType<T extends StackResourceType>(name: string, type: T) {
      const resource = Object.hasOwn(resources, name) ? resources[name] : undefined;
      return resource?.type === type ? (resource as ResourceOfType<T>) : undefined;
    },
    functionTarget(name) {
      const fn = ctx.resourceOfType(name, "function");
      const aliasName = fn ? functionAliasName(fn) : undefined;
      if (aliasName !== undefined) {
        const alias = logicalIds.alias(name);
        return { name: ref(alias), arn: ref(alias), role: logicalIds.role(name), aliasName };
      }
      const id = logicalIds.function(name);
      return { name: ref(id), arn: getAtt(id, "Arn"), role: logicalIds.role(name) };
    },
    functionPhysicalName: (name) => physicalNames.function(options.stackName, options.stage, name),
    resolve: (value, path, diagnostics) => resolveValue(ctx, value, path, diagnostics),
    resolveDeep: (value, path, diagnostics) => resolveDeep(ctx, value, path, diagnostics),
  };
  return ctx;
}
