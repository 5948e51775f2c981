// Every CloudFormation logical id and every physical name the renderer emits comes from here,
// so ids stay stable across renders and collisions can only come from user-chosen names.
import { createHash } from "node:crypto";
import { pascal } from "@/lib/stack/logical-ids";
import type { StackResourceType } from "@/lib/stack/schema/stack";

export function shortHash(input: string, length = 8): string {
  return createHash("sha256").update(input).digest("hex").slice(0, length);
}

// One pascal-casing for the renderer and the editor's rename (which must know the ids a name gives).
export { pascal };

const id = (name: string, suffix: string) => `${pascal(name)}${suffix}`;

export const logicalIds = {
  function: (fn: string) => id(fn, "Function"),
  role: (fn: string) => id(fn, "Role"),
  logGroup: (fn: string) => id(fn, "LogGroup"),
  /** A new Version resource is published whenever the function's configuration hash changes. */
  version: (fn: string, configurationHash: string) => id(fn, `Version${configurationHash}`),
  alias: (fn: string) => id(fn, "Alias"),
  eventInvokeConfig: (fn: string) => id(fn, "EventInvokeConfig"),
  deploymentGroup: (fn: string) => id(fn, "DeploymentGroup"),
  codeDeployApplication: () => "CodeDeployApplication",
  codeDeployServiceRole: () => "CodeDeployServiceRole",
  /** Resources made for the `index`-th entry of a function's `events` list. */
  event: (fn: string, index: number, suffix: string) => id(fn, `Event${index}${suffix}`),
  /** One queue policy per dead-letter queue, however many subscriptions use it. */
  snsDeadLetterQueuePolicy: (queueKey: string) => `SnsDeadLetterQueuePolicy${shortHash(queueKey)}`,

  httpApi: (api: string) => id(api, "HttpApi"),
  httpApiStage: (api: string) => id(api, "HttpApiStage"),
  /** Routes with the same authorizer configuration share one (an HTTP API allows 10 authorizers). */
  httpApiAuthorizer: (api: string, configuration: string) => id(api, `HttpApiAuthorizer${shortHash(configuration)}`),
  httpApiAuthorizerPermission: (api: string, configuration: string) =>
    id(api, `HttpApiAuthorizer${shortHash(configuration)}Permission`),
  bucket: (bucket: string) => id(bucket, "Bucket"),
  bucketPolicy: (bucket: string) => id(bucket, "BucketPolicy"),
  distribution: (bucket: string) => id(bucket, "Distribution"),
  originAccessControl: (bucket: string) => id(bucket, "OriginAccessControl"),
  eventBus: (bus: string) => id(bus, "EventBus"),
  eventBusArchive: (bus: string) => id(bus, "EventBusArchive"),
  userPoolDomain: (pool: string) => id(pool, "UserPoolDomain"),
  userPool: (pool: string) => id(pool, "UserPool"),
  userPoolClient: (pool: string) => id(pool, "UserPoolClient"),
  dynamoDbTable: (table: string) => id(table, "Table"),
  loadBalancer: (lb: string) => id(lb, "LoadBalancer"),
  loadBalancerSecurityGroup: (lb: string) => id(lb, "LoadBalancerSecurityGroup"),
  listener: (lb: string, port: number) => id(lb, `Listener${port}`),

  defaultVpc: () => "DefaultVpc",
  defaultVpcInternetGateway: () => "DefaultVpcInternetGateway",
  defaultVpcGatewayAttachment: () => "DefaultVpcGatewayAttachment",
  defaultVpcRouteTable: () => "DefaultVpcRouteTable",
  defaultVpcInternetRoute: () => "DefaultVpcInternetRoute",
  defaultVpcSubnet: (index: number) => `DefaultVpcSubnet${index}`,
  defaultVpcSubnetRouteTableAssociation: (index: number) => `DefaultVpcSubnet${index}RouteTableAssociation`,
  defaultVpcFunctionSecurityGroup: () => "DefaultVpcFunctionSecurityGroup",

  output: (resource: string, param: string) => `${pascal(resource)}${pascal(param)}`,
};

/** The logical id of what a stack resource chiefly is (its function, API, table...), by its type. */
export const primaryLogicalIds: Record<StackResourceType, (name: string) => string> = {
  function: logicalIds.function,
  "edge-lambda-function": logicalIds.function,
  "http-api-gateway": logicalIds.httpApi,
  bucket: logicalIds.bucket,
  "event-bus": logicalIds.eventBus,
  "user-auth-pool": logicalIds.userPool,
  "dynamo-db-table": logicalIds.dynamoDbTable,
  "application-load-balancer": logicalIds.loadBalancer,
};

/**
 * Physical names are `<stack>-<stage>-<resource>`. When AWS's length limit is exceeded the name is
 * truncated and a hash of the full name appended, so two long names never end up equal.
 */
export function physicalName(
  parts: string[],
  maxLength: number,
  options: { lowercase?: boolean; allowed?: RegExp } = {},
): string {
  const allowed = options.allowed ?? /[^A-Za-z0-9-_]/g;
  const raw = parts.join("-");
  const cleaned = (options.lowercase ? raw.toLowerCase() : raw).replace(allowed, "-");
  if (cleaned.length <= maxLength) return cleaned;
  const hash = shortHash(raw);
  return `${cleaned.slice(0, maxLength - hash.length - 1).replace(/-+$/, "")}-${hash}`;
}

export const physicalNames = {
  function: (stack: string, stage: string, fn: string) => physicalName([stack, stage, fn], 64),
  eventBus: (stack: string, stage: string, bus: string) =>
    physicalName([stack, stage, bus], 256, { allowed: /[^A-Za-z0-9._-]/g }),
  /** Target group names: at most 32 characters, alphanumerics and hyphens. */
  targetGroup: (stack: string, stage: string, fn: string, index: number) =>
    physicalName([stack, stage, fn, String(index)], 32, { allowed: /[^A-Za-z0-9-]/g }),
  /**
   * Bucket names are global: the account id and region are appended at deploy time by the caller
   * (see bucket rendering), so this part is limited to what leaves room for them.
   */
  bucketPrefix: (stack: string, stage: string, bucket: string) =>
    physicalName([stack, stage, bucket], 34, { lowercase: true, allowed: /[^a-z0-9-]/g }),
  generic: (stack: string, stage: string, name: string, maxLength = 128) =>
    physicalName([stack, stage, name], maxLength),
};
