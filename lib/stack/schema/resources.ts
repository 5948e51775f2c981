// The non-compute resources a stack can hold, plus the raw CloudFormation passthrough.
import { z } from "zod";
import { JsonObjectSchema, OverridesSchema } from "./common";
import { HTTP_API_METHODS } from "./events";

// ---- http-api-gateway ----

export const HttpApiCorsSchema = z.strictObject({
  enabled: z.boolean(),
  allowedOrigins: z.array(z.string().min(1)).optional(),
  allowedHeaders: z.array(z.string().min(1)).optional(),
  allowedMethods: z.array(z.enum(HTTP_API_METHODS)).optional(),
  allowCredentials: z.boolean().optional(),
  exposedResponseHeaders: z.array(z.string().min(1)).optional(),
  /** Seconds browsers may cache a preflight response (AWS::ApiGatewayV2::Api Cors.MaxAge: 0-86400). */
  maxAge: z.int().min(0).max(86400).optional(),
});
export type HttpApiCors = z.infer<typeof HttpApiCorsSchema>;

export const HttpApiGatewaySchema = z.strictObject({
  type: z.literal("http-api-gateway"),
  properties: z.strictObject({ cors: HttpApiCorsSchema.optional() }).optional(),
  overrides: OverridesSchema.optional(),
});
export type HttpApiGateway = z.infer<typeof HttpApiGatewaySchema>;

// ---- bucket ----

/** Lambda@Edge triggers: onRequest/onResponse run for the viewer, the origin ones on cache misses. */
export const CdnEdgeFunctionsSchema = z.strictObject({
  onRequest: z.string().min(1).optional(),
  onResponse: z.string().min(1).optional(),
  onOriginRequest: z.string().min(1).optional(),
  onOriginResponse: z.string().min(1).optional(),
});
export type CdnEdgeFunctions = z.infer<typeof CdnEdgeFunctionsSchema>;

export const BucketCdnSchema = z.strictObject({
  enabled: z.boolean(),
  edgeFunctions: CdnEdgeFunctionsSchema.optional(),
});
export type BucketCdn = z.infer<typeof BucketCdnSchema>;

export const BucketSchema = z.strictObject({
  type: z.literal("bucket"),
  properties: z
    .strictObject({
      versioning: z.boolean().optional(),
      cdn: BucketCdnSchema.optional(),
    })
    .optional(),
  overrides: OverridesSchema.optional(),
});
export type Bucket = z.infer<typeof BucketSchema>;

// ---- event-bus ----

export const EventBusSchema = z.strictObject({
  type: z.literal("event-bus"),
  properties: z
    .strictObject({
      /** Partner event source to receive events from; the bus is named after it (AWS::Events::EventBus EventSourceName pattern). */
      eventSourceName: z
        .string()
        .max(256)
        .regex(/^aws\.partner(\/[.\-_A-Za-z0-9]+){2,}$/, "must be a partner event source name: aws.partner/<partner>/<name> (letters, digits and ./_-)")
        .optional(),
      archive: z
        .strictObject({
          enabled: z.boolean(),
          /** Days to keep archived events; forever when omitted. */
          retentionDays: z.int().min(1).optional(),
        })
        .optional(),
    })
    .optional(),
  overrides: OverridesSchema.optional(),
});
export type EventBus = z.infer<typeof EventBusSchema>;

// ---- user-auth-pool ----

export const UserAuthPoolSchema = z.strictObject({
  type: z.literal("user-auth-pool"),
  properties: z
    .strictObject({
      userVerificationType: z.enum(["email-link", "email-code", "none"]).optional(),
      allowOnlyAdminsToCreateAccount: z.boolean().optional(),
      // AWS::Cognito::UserPool PasswordPolicy bounds.
      passwordPolicy: z
        .strictObject({
          minimumLength: z.int().min(6).max(99).optional(),
          requireLowercase: z.boolean().optional(),
          requireUppercase: z.boolean().optional(),
          requireNumbers: z.boolean().optional(),
          requireSymbols: z.boolean().optional(),
          temporaryPasswordValidityDays: z.int().min(0).max(365).optional(),
        })
        .optional(),
    })
    .optional(),
  overrides: OverridesSchema.optional(),
});
export type UserAuthPool = z.infer<typeof UserAuthPoolSchema>;

// ---- dynamo-db-table ----

export const DynamoDbAttributeSchema = z.strictObject({
  name: z.string().min(1).max(255),
  type: z.enum(["string", "number", "binary"]),
});
export type DynamoDbAttribute = z.infer<typeof DynamoDbAttributeSchema>;

export const DynamoDbTableSchema = z.strictObject({
  type: z.literal("dynamo-db-table"),
  properties: z.strictObject({
    primaryKey: z.strictObject({
      partitionKey: DynamoDbAttributeSchema,
      sortKey: DynamoDbAttributeSchema.optional(),
    }),
    /** Enables the table's stream (needed by `dynamo-db-stream` events and the `streamArn` param). */
    streamType: z.enum(["KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES"]).optional(),
    /** Provisioned billing; on-demand (pay per request) when omitted. */
    provisionedThroughput: z
      .strictObject({
        readUnits: z.int().min(1),
        writeUnits: z.int().min(1),
      })
      .optional(),
    pointInTimeRecovery: z.boolean().optional(),
  }),
  overrides: OverridesSchema.optional(),
});
export type DynamoDbTable = z.infer<typeof DynamoDbTableSchema>;

// ---- application-load-balancer ----

export const LbListenerSchema = z.strictObject({
  port: z.int().min(1).max(65535),
  protocol: z.enum(["HTTP", "HTTPS"]),
  /** ACM certificate ARNs; HTTPS listeners need at least one. */
  customCertificateArns: z.array(z.string().min(1)).optional(),
});
export type LbListener = z.infer<typeof LbListenerSchema>;

export const ApplicationLoadBalancerSchema = z.strictObject({
  type: z.literal("application-load-balancer"),
  properties: z
    .strictObject({
      interface: z.enum(["internet", "internal"]).optional(),
      /** One HTTP listener on port 80 when omitted (see DEFAULT_ALB_LISTENER). */
      listeners: z.array(LbListenerSchema).min(1).optional(),
    })
    .optional(),
  overrides: OverridesSchema.optional(),
});
export type ApplicationLoadBalancer = z.infer<typeof ApplicationLoadBalancerSchema>;

// ---- cloudformationResources ----

const ResourcePolicySchema = z.enum(["Delete", "Retain", "RetainExceptOnCreate", "Snapshot"]);

/** A raw CloudFormation resource, copied into the template under its logical id. */
export const CloudformationResourceSchema = z.strictObject({
  Type: z.string().regex(/^[A-Za-z0-9]+::[A-Za-z0-9_@-]+(::[A-Za-z0-9]+)?$/, "must be a CloudFormation type such as AWS::SNS::Topic"),
  Properties: JsonObjectSchema.optional(),
  DependsOn: z.union([z.string().min(1), z.array(z.string().min(1))]).optional(),
  DeletionPolicy: ResourcePolicySchema.optional(),
  UpdateReplacePolicy: ResourcePolicySchema.optional(),
  Metadata: JsonObjectSchema.optional(),
  UpdatePolicy: JsonObjectSchema.optional(),
  CreationPolicy: JsonObjectSchema.optional(),
});
export type CloudformationResource = z.infer<typeof CloudformationResourceSchema>;

