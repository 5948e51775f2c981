// Settings of the non-compute resources (seed 000/001 API references) and raw CloudFormation resources.
import type { FieldSpec } from "./spec";

export const RESOURCE_FIELDS: Record<string, readonly FieldSpec[]> = {
  "http-api-gateway": [
    // AWS::ApiGatewayV2::Api Cors (the seeds do not document these fields).
    { key: ["cors", "enabled"], label: "CORS", kind: "boolean", defaultValue: false, help: "API Gateway answers browsers' preflight requests and adds the CORS headers to responses. Required once any CORS field is set." },
    { key: ["cors", "allowedOrigins"], label: "Allowed origins (one per line)", kind: "lines", defaultValue: "*", help: "e.g. https://example.com." },
    { key: ["cors", "allowedMethods"], label: "Allowed methods (one per line)", kind: "lines", defaultValue: "*", help: "GET, POST, PUT, DELETE, PATCH, HEAD, OPTIONS or *." },
    { key: ["cors", "allowedHeaders"], label: "Allowed request headers (one per line)", kind: "lines", defaultValue: "*", help: "e.g. Content-Type, Authorization." },
    { key: ["cors", "exposedResponseHeaders"], label: "Exposed response headers (one per line)", kind: "lines", help: "Response headers the browser lets scripts read." },
    { key: ["cors", "allowCredentials"], label: "Allow credentials", kind: "boolean", defaultValue: false, help: "Browsers send cookies and authorization headers; needs explicit origins, not *." },
    { key: ["cors", "maxAge"], label: "Preflight cache (seconds)", kind: "number", help: "0-86400: how long browsers may cache a preflight response." },
  ],
  bucket: [
    { key: ["versioning"], label: "Versioning", kind: "boolean", defaultValue: false },
    { key: ["cdn", "enabled"], label: "CDN", kind: "boolean", defaultValue: false, help: "Serve the bucket through CloudFront." },
    { key: ["cdn", "edgeFunctions", "onRequest"], label: "Edge function on viewer request", kind: "resource", resourceKinds: ["edge-lambda-function"] },
    { key: ["cdn", "edgeFunctions", "onResponse"], label: "Edge function on viewer response", kind: "resource", resourceKinds: ["edge-lambda-function"] },
    { key: ["cdn", "edgeFunctions", "onOriginRequest"], label: "Edge function on origin request", kind: "resource", resourceKinds: ["edge-lambda-function"] },
    { key: ["cdn", "edgeFunctions", "onOriginResponse"], label: "Edge function on origin response", kind: "resource", resourceKinds: ["edge-lambda-function"] },
  ],
  "event-bus": [
    { key: ["eventSourceName"], label: "Partner event source", kind: "text", help: "e.g. aws.partner/..." },
    { key: ["archive", "enabled"], label: "Archive events", kind: "boolean", defaultValue: false },
    { key: ["archive", "retentionDays"], label: "Archive retention (days)", kind: "number", help: "Forever when empty." },
  ],
  "user-auth-pool": [
    { key: ["userVerificationType"], label: "User verification", kind: "select", options: ["email-link", "email-code", "none"] },
    { key: ["allowOnlyAdminsToCreateAccount"], label: "Only admins create accounts", kind: "boolean", defaultValue: false },
    // AWS::Cognito::UserPool PasswordPolicy; Cognito's own defaults apply to what is left empty.
    { key: ["passwordPolicy", "minimumLength"], label: "Password: minimum length", kind: "number", defaultValue: 8, help: "6-99 characters." },
    { key: ["passwordPolicy", "requireLowercase"], label: "Password: require a lower-case letter", kind: "boolean", defaultValue: true },
    { key: ["passwordPolicy", "requireUppercase"], label: "Password: require an upper-case letter", kind: "boolean", defaultValue: true },
    { key: ["passwordPolicy", "requireNumbers"], label: "Password: require a number", kind: "boolean", defaultValue: true },
    { key: ["passwordPolicy", "requireSymbols"], label: "Password: require a symbol", kind: "boolean", defaultValue: true },
    { key: ["passwordPolicy", "temporaryPasswordValidityDays"], label: "Temporary password validity (days)", kind: "number", defaultValue: 7, help: "0-365: how long a password set by an admin can be used to sign in the first time." },
  ],
  "dynamo-db-table": [
    { key: ["primaryKey", "partitionKey", "name"], label: "Partition key", kind: "text", required: true },
    { key: ["primaryKey", "partitionKey", "type"], label: "Partition key type", kind: "select", options: ["string", "number", "binary"], required: true },
    { key: ["primaryKey", "sortKey", "name"], label: "Sort key", kind: "text", help: "Optional second part of the primary key; items with the same partition key are sorted by it." },
    { key: ["primaryKey", "sortKey", "type"], label: "Sort key type", kind: "select", options: ["string", "number", "binary"], help: "Required with a sort key." },
    { key: ["streamType"], label: "Stream", kind: "select", options: ["KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES"], help: "Needed by dynamo-db-stream triggers." },
    { key: ["provisionedThroughput", "readUnits"], label: "Provisioned read units", kind: "number", help: "On-demand (pay per request) when both units are empty; provisioned billing needs both." },
    { key: ["provisionedThroughput", "writeUnits"], label: "Provisioned write units", kind: "number", help: "At least 1." },
    { key: ["pointInTimeRecovery"], label: "Point-in-time recovery", kind: "boolean", defaultValue: false },
  ],
  "application-load-balancer": [
    { key: ["interface"], label: "Interface", kind: "select", options: ["internet", "internal"], defaultValue: "internet" },
    {
      key: ["listeners"],
      label: "Listeners",
      kind: "list",
      itemLabel: "Listener",
      help: "One HTTP listener on port 80 when empty. A load balancer trigger names its listener by port when there are several.",
      create: () => ({ port: 80, protocol: "HTTP" }),
      itemFields: [
        { key: ["port"], label: "Port", kind: "number", required: true, help: "1-65535." },
        { key: ["protocol"], label: "Protocol", kind: "select", options: ["HTTP", "HTTPS"], required: true },
        { key: ["customCertificateArns"], label: "Certificate ARNs (one per line)", kind: "lines", help: "ACM certificates; HTTPS listeners need at least one." },
      ],
    },
  ],
};

/** A cloudformationResources entry: its type and properties, copied into the template as written. */
export const RAW_RESOURCE_FIELDS: readonly FieldSpec[] = [
  { key: ["Type"], label: "CloudFormation type", kind: "text", required: true },
  { key: ["Properties"], label: "Properties (JSON)", kind: "json", help: "The resource's properties as CloudFormation documents them for its type." },
];

const POLICIES = ["Delete", "Retain", "RetainExceptOnCreate", "Snapshot"];

/** The resource attributes CloudFormation reads beside Type and Properties. */
export const RAW_ATTRIBUTE_FIELDS: readonly FieldSpec[] = [
  { key: ["DependsOn"], label: "Depends on (one logical id per line)", kind: "lines", help: "Resources CloudFormation creates before this one." },
  { key: ["DeletionPolicy"], label: "Deletion policy", kind: "select", options: POLICIES, defaultValue: "Delete", help: "What happens to the resource when it leaves the stack." },
  { key: ["UpdateReplacePolicy"], label: "Update replace policy", kind: "select", options: POLICIES, defaultValue: "Delete", help: "What happens to the old resource when an update replaces it." },
  { key: ["Metadata"], label: "Metadata (JSON)", kind: "json" },
  { key: ["UpdatePolicy"], label: "Update policy (JSON)", kind: "json", help: "e.g. AutoScalingRollingUpdate for an auto scaling group." },
  { key: ["CreationPolicy"], label: "Creation policy (JSON)", kind: "json", help: "e.g. ResourceSignal, to wait for signals before the resource counts as created." },
];

/** `overrides` of any stack resource (seed 000/001), at the resource, beside its properties. */
export const OVERRIDES_FIELDS: readonly FieldSpec[] = [
  {
    key: ["overrides"],
    label: "Overrides (JSON)",
    kind: "json",
    help: 'CloudFormation properties to set on the resources this one renders, keyed by their logical id, e.g. {"OrdersLambda": {"Description": "Orders"}}. Applied last, over what the stack generates.',
  },
];
