// Fn::GetAtt attribute names per CloudFormation resource type, from @aws-cdk/aws-service-spec.
// Server-only: the database is large (kept out of the browser bundle) and takes ~0.7 s to load, so it is
// loaded on first use and kept.
import { loadAwsServiceSpecSync } from "@aws-cdk/aws-service-spec";
import type { CfnAttributeLookup } from "@/lib/stack/cfn-attributes";

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
