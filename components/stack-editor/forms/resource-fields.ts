// Settings of the non-compute resources (seed 000/001 API references) and raw CloudFormation resources.
import type { FieldSpec } from "./spec";

export const RESOURCE_FIELDS: Record<string, readonly FieldSpec[]> = {
  "http-api-gateway": [
    { key: ["cors"], label: "CORS (JSON)", kind: "json", help: '{"enabled": true, "allowedOrigins": ["https://example.com"]}' },
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
    { key: ["passwordPolicy"], label: "Password policy (JSON)", kind: "json", help: '{"minimumLength": 12, "requireSymbols": true}' },
  ],
  "dynamo-db-table": [
    { key: ["primaryKey", "partitionKey", "name"], label: "Partition key", kind: "text", required: true },
    { key: ["primaryKey", "partitionKey", "type"], label: "Partition key type", kind: "select", options: ["string", "number", "binary"], required: true },
    { key: ["primaryKey", "sortKey"], label: "Sort key (JSON)", kind: "json", help: '{"name": "createdAt", "type": "number"}' },
    { key: ["streamType"], label: "Stream", kind: "select", options: ["KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES"], help: "Needed by dynamo-db-stream triggers." },
    { key: ["provisionedThroughput"], label: "Provisioned throughput (JSON)", kind: "json", help: 'On-demand when empty; {"readUnits": 5, "writeUnits": 5}.' },
    { key: ["pointInTimeRecovery"], label: "Point-in-time recovery", kind: "boolean", defaultValue: false },
  ],
  "application-load-balancer": [
    { key: ["interface"], label: "Interface", kind: "select", options: ["internet", "internal"], defaultValue: "internet" },
    { key: ["listeners"], label: "Listeners (JSON)", kind: "json", help: 'One HTTP listener on port 80 when empty; [{"port": 443, "protocol": "HTTPS", "customCertificateArns": ["arn:..."]}].' },
  ],
};

/** A cloudformationResources entry: its type and properties, copied into the template as written. */
export const RAW_RESOURCE_FIELDS: readonly FieldSpec[] = [
  { key: ["Type"], label: "CloudFormation type", kind: "text", required: true },
  { key: ["Properties"], label: "Properties (JSON)", kind: "json" },
];
