// Fn::GetAtt attribute checks shared by the validator's rules. The lookup itself comes from the caller:
// the server passes specAttributes (server/validate/cfn-attributes.ts, the generated CloudFormation spec), which is
// too large for the browser, so the editor validates without it and the server preview checks attributes.

/** Attribute names of a resource type, or undefined when the type is not in the spec (or is opaque). */
export type CfnAttributeLookup = (resourceType: string) => readonly string[] | undefined;

/** No spec at hand: every type is unknown, so attribute names are left to the server's check. */
export const noAttributeLookup: CfnAttributeLookup = () => undefined;

/** Whether `attribute` can be read from a resource with these attributes (nested stacks expose `Outputs.<name>`). */
export function hasAttribute(resourceType: string, attributes: readonly string[], attribute: string): boolean {
  if (attributes.includes(attribute)) return true;
  return resourceType === "AWS::CloudFormation::Stack" && /^Outputs\.[A-Za-z0-9]+$/.test(attribute);
}

/** Custom resources have whatever attributes their provider returns. */
export function isOpaqueResourceType(resourceType: string): boolean {
  return resourceType.startsWith("Custom::") || resourceType === "AWS::CloudFormation::CustomResource";
}
