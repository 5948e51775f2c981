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
 * AWS's length limits, in characters, of every name the renderer derives (from the stack, stage and
 * resource names the user chose). Each name below is made to fit its limit; naming.test.ts renders a
 * stack of 128-character resource names and holds every such property in the template to this table.
 */
export const NAME_LIMITS = {
  /** Logical ids of resources and outputs. */
  logicalId: 255,
  "AWS::Lambda::Function.FunctionName": 64,
  /** Inline policies of a role: 1-128 characters of [\w+=,.@-]. */
  "AWS::IAM::Role.PolicyName": 128,
  "AWS::ApiGatewayV2::Api.Name": 128,
  /** API Gateway documents no limit for authorizer names; held to the API name's 128. */
  "AWS::ApiGatewayV2::Authorizer.Name": 128,
  "AWS::Events::EventBus.Name": 256,
  "AWS::ElasticLoadBalancingV2::TargetGroup.Name": 32,
  "AWS::CloudFront::OriginAccessControl.Name": 64,
  "AWS::CodeDeploy::Application.ApplicationName": 100,
  "AWS::CodeDeploy::DeploymentGroup.DeploymentGroupName": 100,
  "AWS::Cognito::UserPool.UserPoolName": 128,
  "AWS::Cognito::UserPoolClient.ClientName": 128,
  /** A domain prefix is one DNS label. */
  "AWS::Cognito::UserPoolDomain.Domain": 63,
  "AWS::Kinesis::StreamConsumer.ConsumerName": 128,
  "AWS::Logs::LogGroup.LogGroupName": 512,
  "AWS::S3::Bucket.BucketName": 63,
} as const;

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

// Appended to bucket names at deploy time: a hyphen, the 12-digit account id, a hyphen and a region name of up to 15 characters.
const BUCKET_SUFFIX_LENGTH = 29;
// A Cognito domain prefix ends in `-<8-character hash>` of the stack, stage, pool and region.
const DOMAIN_PREFIX_HASH_LENGTH = 9;

export const physicalNames = {
  function: (stack: string, stage: string, fn: string) => physicalName([stack, stage, fn], NAME_LIMITS["AWS::Lambda::Function.FunctionName"]),
  /** The one inline policy of a role; AWS counts it per role, so the role's logical id keeps it unique. */
  rolePolicy: (roleId: string) => physicalName([`${roleId}Policy`], NAME_LIMITS["AWS::IAM::Role.PolicyName"]),
  httpApi: (stack: string, stage: string, api: string) => physicalName([stack, stage, api], NAME_LIMITS["AWS::ApiGatewayV2::Api.Name"]),
  /** Named after its logical id, which is unique in the template. */
  httpApiAuthorizer: (authorizerId: string) => physicalName([authorizerId], NAME_LIMITS["AWS::ApiGatewayV2::Authorizer.Name"]),
  eventBus: (stack: string, stage: string, bus: string) =>
    physicalName([stack, stage, bus], NAME_LIMITS["AWS::Events::EventBus.Name"], { allowed: /[^A-Za-z0-9._-]/g }),
  /** Target group names: alphanumerics and hyphens. */
  targetGroup: (stack: string, stage: string, fn: string, index: number) =>
    physicalName([stack, stage, fn, String(index)], NAME_LIMITS["AWS::ElasticLoadBalancingV2::TargetGroup.Name"], { allowed: /[^A-Za-z0-9-]/g }),
  originAccessControl: (stack: string, stage: string, bucket: string) =>
    physicalName([stack, stage, bucket], NAME_LIMITS["AWS::CloudFront::OriginAccessControl.Name"]),
  codeDeployApplication: (stack: string, stage: string) =>
    physicalName([stack, stage, "lambda"], NAME_LIMITS["AWS::CodeDeploy::Application.ApplicationName"]),
  deploymentGroup: (stack: string, stage: string, fn: string) =>
    physicalName([stack, stage, fn], NAME_LIMITS["AWS::CodeDeploy::DeploymentGroup.DeploymentGroupName"]),
  userPool: (stack: string, stage: string, pool: string) => physicalName([stack, stage, pool], NAME_LIMITS["AWS::Cognito::UserPool.UserPoolName"]),
  userPoolClient: (stack: string, stage: string, pool: string) =>
    physicalName([stack, stage, pool], NAME_LIMITS["AWS::Cognito::UserPoolClient.ClientName"]),
  /** Lower-case letters, digits and hyphens; Cognito refuses prefixes containing aws, amazon or cognito. */
  userPoolDomain: (stack: string, stage: string, pool: string, region: string) =>
    `${physicalName([stack, stage, pool], NAME_LIMITS["AWS::Cognito::UserPoolDomain.Domain"] - DOMAIN_PREFIX_HASH_LENGTH, {
      lowercase: true,
      allowed: /[^a-z0-9-]/g,
    }).replace(/aws|amazon|cognito/g, "x")}-${shortHash(`${stack}/${stage}/${pool}/${region}`)}`,
  streamConsumer: (stack: string, stage: string, fn: string, index: number) =>
    physicalName([stack, stage, `${fn}-${index}`], NAME_LIMITS["AWS::Kinesis::StreamConsumer.ConsumerName"]),
  /**
   * Bucket names are global: the account id and region are appended at deploy time by the caller
   * (see bucket rendering), so this part is limited to what leaves room for them.
   */
  bucketPrefix: (stack: string, stage: string, bucket: string) =>
    physicalName([stack, stage, bucket], NAME_LIMITS["AWS::S3::Bucket.BucketName"] - BUCKET_SUFFIX_LENGTH, { lowercase: true, allowed: /[^a-z0-9-]/g }),
};
