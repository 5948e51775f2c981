// Building blocks shared by several resource and event schemas.
// Every object is strict (unknown keys are errors) and nothing has a default: the parsed definition is
// exactly what the user wrote, so printing it back is lossless. Defaults live in ../defaults.ts.
import { z } from "zod";

/** Resource names become parts of CloudFormation logical ids and STP_ variable names, so they stay alphanumeric. */
export const ResourceNameSchema = z
  .string()
  .max(128)
  .regex(/^[A-Za-z][A-Za-z0-9]*$/, "must start with a letter and contain only letters and digits");

/** CloudFormation logical ids: alphanumeric, at most 255 characters. */
export const LogicalIdSchema = z
  .string()
  .max(255)
  .regex(/^[A-Za-z0-9]+$/, "must contain only letters and digits");

/** Any JSON value (event inputs, filter policies, raw CloudFormation). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export const JsonValueSchema: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(JsonValueSchema), z.record(z.string(), JsonValueSchema)]),
);
export const JsonObjectSchema = z.record(z.string(), JsonValueSchema);

// AWS Lambda's key pattern for environment variables: [a-zA-Z]([a-zA-Z0-9_])+
export const EnvironmentVarSchema = z.strictObject({
  name: z.string().regex(/^[A-Za-z][A-Za-z0-9_]+$/, "must match [a-zA-Z][a-zA-Z0-9_]+ (AWS Lambda key pattern)"),
  value: z.union([z.string(), z.number(), z.boolean()]),
});
export type EnvironmentVar = z.infer<typeof EnvironmentVarSchema>;

export const CloudformationTagSchema = z.strictObject({
  name: z.string().min(1).max(128),
  value: z.string().max(256),
});
export type CloudformationTag = z.infer<typeof CloudformationTagSchema>;

export const StpIamRoleStatementSchema = z.strictObject({
  Resource: z.array(z.string()).min(1),
  Sid: z.string().regex(/^[A-Za-z0-9]*$/, "must contain only letters and digits").optional(),
  Effect: z.enum(["Allow", "Deny"]).optional(),
  Action: z.array(z.string()).optional(),
  Condition: JsonObjectSchema.optional(),
});
export type StpIamRoleStatement = z.infer<typeof StpIamRoleStatementSchema>;

export const AccessControlSchema = z.strictObject({
  iamRoleStatements: z.array(StpIamRoleStatementSchema).optional(),
  allowAccessTo: z.array(z.string()).optional(),
});
export type AccessControl = z.infer<typeof AccessControlSchema>;

/** Entries of `connectTo`: a resource name, or an AWS service macro such as `aws:ses`. */
export const ConnectToSchema = z.array(z.string().min(1));

// The retention values CloudWatch Logs accepts (AWS::Logs::LogGroup RetentionInDays).
export const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;
export const LoggingSchema = z.strictObject({
  disabled: z.boolean().optional(),
  retentionDays: z.literal(LOG_RETENTION_DAYS).optional(),
});
export type Logging = z.infer<typeof LoggingSchema>;

/** CloudFormation property overrides, keyed by the logical id (or name) of a resource the renderer emits. */
export const OverridesSchema = z.record(z.string().min(1), JsonObjectSchema);
export type Overrides = z.infer<typeof OverridesSchema>;

/** Runtimes AWS Lambda still lets you create functions with (cfn-lint's runtime lifecycle data, 2026-11). */
export const LAMBDA_RUNTIMES = [
  "nodejs22.x",
  "nodejs24.x",
  "python3.12",
  "python3.13",
  "python3.14",
  "ruby3.3",
  "ruby3.4",
  "java21",
  "java25",
  "dotnet8",
  "dotnet10",
  "provided.al2023",
] as const;
export const LambdaRuntimeSchema = z.enum(LAMBDA_RUNTIMES);
export type LambdaRuntime = z.infer<typeof LambdaRuntimeSchema>;

/** Lambda@Edge runs Node.js and Python only. */
export const EDGE_RUNTIMES = ["nodejs22.x", "nodejs24.x", "python3.12", "python3.13", "python3.14"] as const;
export const EdgeRuntimeSchema = z.enum(EDGE_RUNTIMES);
export type EdgeRuntime = z.infer<typeof EdgeRuntimeSchema>;

export const ArchitectureSchema = z.enum(["x86_64", "arm64"]);
export type Architecture = z.infer<typeof ArchitectureSchema>;
