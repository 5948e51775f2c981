// Small builders for cost tests: schema-checked definitions and quick access to an estimate's parts.
import { expect } from "vitest";
import {
  StackDefinitionSchema,
  type CloudformationResource,
  type EdgeLambdaFunction,
  type LambdaFunction,
  type LambdaFunctionProperties,
  type StackDefinition,
  type StackResource,
} from "@/lib/stack/schema";
import type { CostEstimate, ResourceCost } from "./types";

const packaging = { type: "stacktape-lambda-buildpack" as const, properties: { entryfilePath: "src/handler.ts" } };

export function fn(props: Partial<LambdaFunctionProperties> = {}): LambdaFunction {
  return { type: "function", properties: { packaging, ...props } };
}

export function edgeFn(props: Partial<EdgeLambdaFunction["properties"]> = {}): EdgeLambdaFunction {
  return { type: "edge-lambda-function", properties: { packaging, ...props } };
}

/** A definition that satisfies the schema (so a test exercises the estimate, not a malformed input). */
export function stack(resources: Record<string, StackResource>, cloudformationResources?: Record<string, CloudformationResource>): StackDefinition {
  const definition: StackDefinition = cloudformationResources ? { resources, cloudformationResources } : { resources };
  expect(StackDefinitionSchema.safeParse(definition).error?.issues ?? []).toEqual([]);
  return definition;
}

export function resource(estimate: CostEstimate, name: string): ResourceCost {
  const found = estimate.resources.find((r) => r.resource === name);
  if (!found) throw new Error(`no resource '${name}' in the estimate: ${estimate.resources.map((r) => r.resource).join(", ")}`);
  return found;
}

/** The monthly amount of the line items of `name` whose description starts with `prefix`. */
export function line(estimate: CostEstimate, name: string, prefix: string): number {
  const items = resource(estimate, name).lineItems.filter((i) => i.description.startsWith(prefix));
  if (items.length === 0) throw new Error(`no line item '${prefix}…' on '${name}': ${resource(estimate, name).lineItems.map((i) => i.description).join(" | ")}`);
  return items.reduce((sum, i) => sum + i.monthly, 0);
}

export const cents = (usd: number) => Math.round(usd * 100) / 100;
