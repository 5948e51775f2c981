// Compute resources: `function` (LambdaFunction) and `edge-lambda-function` (EdgeLambdaFunction).
import { z } from "zod";
import {
  AccessControlSchema,
  ArchitectureSchema,
  CloudformationTagSchema,
  ConnectToSchema,
  EdgeRuntimeSchema,
  EnvironmentVarSchema,
  LambdaRuntimeSchema,
  LoggingSchema,
  OverridesSchema,
  StpIamRoleStatementSchema,
} from "./common";
import { FunctionEventSchema } from "./events";
import { EdgePackagingSchema, PackagingSchema } from "./packaging";

export const LambdaFunctionDestinationsSchema = z.strictObject({
  onSuccess: z.string().min(1).optional(),
  onFailure: z.string().min(1).optional(),
});
export type LambdaFunctionDestinations = z.infer<typeof LambdaFunctionDestinationsSchema>;

// CodeDeploy's predefined Lambda deployment configurations, without their `CodeDeployDefault.Lambda` prefix.
export const DEPLOYMENT_STRATEGIES = [
  "Canary10Percent5Minutes",
  "Canary10Percent10Minutes",
  "Canary10Percent15Minutes",
  "Canary10Percent30Minutes",
  "Linear10PercentEvery1Minute",
  "Linear10PercentEvery2Minutes",
  "Linear10PercentEvery3Minutes",
  "Linear10PercentEvery10Minutes",
  "AllAtOnce",
] as const;
export const DeploymentStrategySchema = z.enum(DEPLOYMENT_STRATEGIES);
export type DeploymentStrategy = z.infer<typeof DeploymentStrategySchema>;

/** Alias routing: send `weight` (0-1) of the traffic to an older published `version`, the rest to the new one. */
export const AliasWeightedRoutingSchema = z.strictObject({
  version: z.string().regex(/^[0-9]+$/, "must be a published version number"),
  weight: z.number().min(0).max(1),
});
export type AliasWeightedRouting = z.infer<typeof AliasWeightedRoutingSchema>;

/**
 * Setting `deployment` publishes a version on every code or configuration change and points an alias at it.
 * `strategy` shifts traffic through CodeDeploy; `weightedRouting` pins a split by hand.
 */
export const LambdaFunctionDeploymentSchema = z.strictObject({
  // AWS::Lambda::Alias Name pattern: (?!^[0-9]+$)([a-zA-Z0-9-_]+), 1-128 characters.
  aliasName: z
    .string()
    .max(128)
    .regex(/^[A-Za-z0-9_-]*[A-Za-z_-][A-Za-z0-9_-]*$/, "must be letters, digits, '-' or '_' and not only digits")
    .optional(),
  strategy: DeploymentStrategySchema.optional(),
  weightedRouting: AliasWeightedRoutingSchema.optional(),
  /** Function (in this stack) CodeDeploy runs before shifting traffic. */
  beforeAllowTrafficFunction: z.string().min(1).optional(),
  /** Function (in this stack) CodeDeploy runs after all traffic has shifted. */
  afterTrafficShiftFunction: z.string().min(1).optional(),
});
export type LambdaFunctionDeployment = z.infer<typeof LambdaFunctionDeploymentSchema>;

export const LambdaFunctionPropertiesSchema = z.strictObject({
  packaging: PackagingSchema,
  events: z.array(FunctionEventSchema).optional(),
  environment: z.array(EnvironmentVarSchema).optional(),
  runtime: LambdaRuntimeSchema.optional(),
  architecture: ArchitectureSchema.optional(),
  /** MB, 1-MB increments. */
  memory: z.int().min(128).max(10240).optional(),
  /** Seconds. */
  timeout: z.int().min(1).max(900).optional(),
  /** Ephemeral storage at /tmp, MB. */
  storage: z.int().min(512).max(10240).optional(),
  joinDefaultVpc: z.boolean().optional(),
  tags: z.array(CloudformationTagSchema).optional(),
  destinations: LambdaFunctionDestinationsSchema.optional(),
  accessControl: AccessControlSchema.optional(),
  connectTo: ConnectToSchema.optional(),
  logging: LoggingSchema.optional(),
  reservedConcurrency: z.int().min(0).optional(),
  provisionedConcurrency: z.int().min(1).optional(),
  deployment: LambdaFunctionDeploymentSchema.optional(),
});
export type LambdaFunctionProperties = z.infer<typeof LambdaFunctionPropertiesSchema>;

export const LambdaFunctionSchema = z.strictObject({
  type: z.literal("function"),
  properties: LambdaFunctionPropertiesSchema,
  overrides: OverridesSchema.optional(),
});
export type LambdaFunction = z.infer<typeof LambdaFunctionSchema>;

export const EdgeLambdaFunctionPropertiesSchema = z.strictObject({
  packaging: EdgePackagingSchema,
  runtime: EdgeRuntimeSchema.optional(),
  /** MB. Viewer triggers (onRequest/onResponse) allow at most 128. */
  memory: z.int().min(128).max(10240).optional(),
  /** Seconds. Viewer triggers allow at most 5, origin triggers at most 30. */
  timeout: z.int().min(1).max(30).optional(),
  connectTo: ConnectToSchema.optional(),
  iamRoleStatements: z.array(StpIamRoleStatementSchema).optional(),
  logging: LoggingSchema.optional(),
});
export type EdgeLambdaFunctionProperties = z.infer<typeof EdgeLambdaFunctionPropertiesSchema>;

export const EdgeLambdaFunctionSchema = z.strictObject({
  type: z.literal("edge-lambda-function"),
  properties: EdgeLambdaFunctionPropertiesSchema,
  overrides: OverridesSchema.optional(),
});
export type EdgeLambdaFunction = z.infer<typeof EdgeLambdaFunctionSchema>;
