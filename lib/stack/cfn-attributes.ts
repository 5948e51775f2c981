// Fn::GetAtt attribute names per CloudFormation resource type, from @aws-cdk/aws-service-spec.
// The database takes ~0.7 s to load, so it is loaded on first use and kept.
import { loadAwsServiceSpecSync } from "@aws-cdk/aws-service-spec";

/** Attribute names of a resource type, or undefined when the type is not in the spec (or is opaque). */
export type CfnAttributeLookup = (resourceType: string) => readonly string[] | undefined;

let database: ReturnType<typeof loadAwsServiceSpecSync> | undefined;
const cache = new Map<string, readonly string[] | undefined>();

export const specAttributes: CfnAttributeLookup = (resourceType) => {
  if (cache.has(resourceType)) return cache.get(resourceType);
  database ??= loadAwsServiceSpecSync();
  const found = database.lookup("resource", "cloudFormationType", "equals", resourceType);
  const attributes = found.length === 1 ? Object.keys(found[0].attributes) : undefined;
  cache.set(resourceType, attributes);
  return attributes;
};

/** Whether `attribute` can be read from a resource with these attributes (nested stacks expose `Outputs.<name>`). */
export function hasAttribute(resourceType: string, attributes: readonly string[], attribute: string): boolean {
  if (attributes.includes(attribute)) return true;
  return resourceType === "AWS::CloudFormation::Stack" && /^Outputs\.[A-Za-z0-9]+$/.test(attribute);
}

/** Custom resources have whatever attributes their provider returns. */
export function isOpaqueResourceType(resourceType: string): boolean {
  return resourceType.startsWith("Custom::") || resourceType === "AWS::CloudFormation::CustomResource";
}
