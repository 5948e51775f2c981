// Which CloudFormation logical ids the renderer derives from a stack resource's name: pascal(name)
// followed by a suffix of its type (server/render/naming.ts builds them; its test checks every id a
// rendered fixture holds against this catalogue). Browser-safe, so the editor's rename can move raw
// CloudFormation references to a renamed resource's ids along with it.
import type { StackResourceType } from "./schema";

/** `my-lambda`, `my_lambda` and `myLambda` all become `MyLambda` (logical ids are alphanumeric). */
export function pascal(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join("");
}

// Resources made for the n-th entry of a function's `events`.
const EVENT = ["EventSourceMapping", "TargetGroup", "Permission", "ListenerRule", "SubscriptionFilter", "Rule", "Integration", "Route", "Subscription", "StreamConsumer"].map(
  (made) => `Event\\d+${made}`,
);
// A Version is named after a 10-character hash of the function's configuration.
const VERSION = "Version[0-9a-f]{10}";

/** Per type, the suffixes (regular-expression sources, each one kind of resource) of the ids derived from a name. */
export const LOGICAL_ID_SUFFIXES: Record<StackResourceType, readonly string[]> = {
  function: ["Function", "Role", "LogGroup", VERSION, "Alias", "EventInvokeConfig", "DeploymentGroup", ...EVENT],
  "edge-lambda-function": ["Function", "Role", "LogGroup", VERSION],
  // Authorizers are named after a hash of their configuration (routes sharing one share it).
  "http-api-gateway": ["HttpApi", "HttpApiStage", "HttpApiAuthorizer[0-9a-f]{8}(?:Permission)?"],
  bucket: ["Bucket", "BucketPolicy", "Distribution", "OriginAccessControl"],
  "event-bus": ["EventBus", "EventBusArchive"],
  "user-auth-pool": ["UserPool", "UserPoolClient", "UserPoolDomain"],
  "dynamo-db-table": ["Table"],
  "application-load-balancer": ["LoadBalancer", "LoadBalancerSecurityGroup", "Listener\\d+"],
};

const SUFFIX_PATTERNS = Object.fromEntries(
  Object.entries(LOGICAL_ID_SUFFIXES).map(([type, alternatives]) => [type, new RegExp(`^(?:${alternatives.join("|")})$`)]),
) as Record<StackResourceType, RegExp>;

/** The part of `logicalId` after the resource's pascal-cased name, when the renderer derives that id from resource `name` of `type`. */
export function derivedLogicalIdSuffix(type: StackResourceType, name: string, logicalId: string): string | undefined {
  const prefix = pascal(name);
  if (!logicalId.startsWith(prefix)) return undefined;
  const suffix = logicalId.slice(prefix.length);
  return SUFFIX_PATTERNS[type].test(suffix) ? suffix : undefined;
}
