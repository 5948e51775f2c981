// Fn::GetAtt attribute names per CloudFormation resource type, read from the one spec
// (spec-db.ts). Server-only: the spec is large (kept out of the browser bundle).
import type { CfnAttributeLookup } from "@/lib/stack/cfn-attributes";
import { resourceSpec } from "./spec-db";

export const specAttributes: CfnAttributeLookup = (resourceType) => {
  const spec = resourceSpec(resourceType);
  return spec ? [...spec.attributes] : undefined;
};
