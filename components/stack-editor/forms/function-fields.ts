// The function's own settings (seed 000, LambdaFunction API reference), and the edge function's (seed 001).
import {
  DEFAULT_ARCHITECTURE,
  DEFAULT_DEPLOYMENT_ALIAS_NAME,
  DEFAULT_EDGE_MEMORY_MB,
  DEFAULT_EDGE_TIMEOUT_SECONDS,
  DEFAULT_EPHEMERAL_STORAGE_MB,
  DEFAULT_FUNCTION_MEMORY_MB,
  DEFAULT_FUNCTION_TIMEOUT_SECONDS,
  DEFAULT_LOG_RETENTION_DAYS,
  DEPLOYMENT_STRATEGIES,
  EDGE_RUNTIMES,
  LAMBDA_RUNTIMES,
  LOG_RETENTION_DAYS,
} from "@/lib/stack";
import { EDGE_PACKAGING_FIELDS, PACKAGING_FIELDS } from "./packaging-fields";
import type { FieldSpec } from "./spec";

const retention: FieldSpec = { key: ["logging", "retentionDays"], label: "Log retention (days)", kind: "select", options: LOG_RETENTION_DAYS.map(String), defaultValue: DEFAULT_LOG_RETENTION_DAYS, help: "Storing log data can become costly over time.", summary: (v) => `logs kept ${String(v)} days` };
const loggingOff: FieldSpec = { key: ["logging", "disabled"], label: "Logging disabled", kind: "boolean", defaultValue: false };

/** StpIamRoleStatement: Resource is required; the condition is free-form IAM, so it stays JSON. */
const iamStatements = (key: readonly string[]): FieldSpec => ({
  key,
  label: "IAM role statements",
  kind: "list",
  itemLabel: "Statement",
  help: "Low-level IAM statements appended to the function's role, for access allowAccessTo and connectTo do not grant.",
  create: () => ({ Effect: "Allow", Resource: [] }),
  itemFields: [
    { key: ["Sid"], label: "Statement id", kind: "text", help: "Letters and digits only." },
    { key: ["Effect"], label: "Effect", kind: "select", options: ["Allow", "Deny"], defaultValue: "Allow" },
    { key: ["Action"], label: "Actions (one per line)", kind: "lines", help: "e.g. sns:Publish or s3:Get*." },
    { key: ["Resource"], label: "Resources (one per line)", kind: "lines", required: true, help: "ARNs or directives, e.g. $CfResourceParam('NotificationTopic', 'Arn'), or *." },
    { key: ["Condition"], label: "Condition (JSON)", kind: "json", help: 'e.g. {"StringEquals": {"aws:RequestedRegion": "eu-west-1"}}.' },
  ],
});

export const FUNCTION_CODE_FIELDS: readonly FieldSpec[] = [
  ...PACKAGING_FIELDS,
  { key: ["runtime"], label: "Runtime", kind: "select", options: LAMBDA_RUNTIMES, help: "Detected from the entry file's extension when empty." },
  { key: ["architecture"], label: "Architecture", kind: "select", options: ["x86_64", "arm64"], defaultValue: DEFAULT_ARCHITECTURE },
];

export const FUNCTION_SCALING_FIELDS: readonly FieldSpec[] = [
  { key: ["memory"], label: "Memory (MB)", kind: "number", defaultValue: DEFAULT_FUNCTION_MEMORY_MB, summary: (v) => `${String(v)} MB`, help: "128-10240 MB; CPU power scales with memory." },
  { key: ["timeout"], label: "Timeout (seconds)", kind: "number", defaultValue: DEFAULT_FUNCTION_TIMEOUT_SECONDS, summary: (v) => `${String(v)} s`, help: "Maximum time the function can run; at most 900 seconds." },
  { key: ["storage"], label: "Ephemeral storage (MB)", kind: "number", defaultValue: DEFAULT_EPHEMERAL_STORAGE_MB, summary: (v) => `${String(v)} MB /tmp`, help: "Size of /tmp, 512-10240 MB; not shared between execution environments." },
  { key: ["reservedConcurrency"], label: "Reserved concurrency", kind: "number", summary: (v) => `${String(v)} reserved` },
  { key: ["provisionedConcurrency"], label: "Provisioned concurrency", kind: "number", summary: (v) => `${String(v)} provisioned`, help: "Pre-initialized execution environments; invoked through an alias." },
];

/** The fields beside the allowAccessTo picker (access-editor.tsx). */
export const FUNCTION_ACCESS_FIELDS: readonly FieldSpec[] = [
  { key: ["joinDefaultVpc"], label: "Join the default VPC", kind: "boolean", defaultValue: false, help: "Needed to reach resources that only allow connections from the VPC; the function loses internet access." },
  { key: ["connectTo"], label: "Connect to (one resource per line)", kind: "lines", help: "Grants access and injects STP_<NAME>_* environment variables for each resource (seed 001); aws:ses for SES." },
  iamStatements(["accessControl", "iamRoleStatements"]),
];

export const LOGGING_FIELDS: readonly FieldSpec[] = [retention, loggingOff];

/** LambdaFunctionDeployment: publish a version on every change and route an alias to it. */
export const DEPLOYMENT_FIELDS: readonly FieldSpec[] = [
  { key: ["deployment", "strategy"], label: "Deployment strategy", kind: "select", options: DEPLOYMENT_STRATEGIES, help: "Shift traffic to new versions gradually through CodeDeploy." },
  { key: ["deployment", "aliasName"], label: "Alias name", kind: "text", defaultValue: DEFAULT_DEPLOYMENT_ALIAS_NAME },
  { key: ["deployment", "beforeAllowTrafficFunction"], label: "Check before shifting traffic", kind: "resource", resourceKinds: ["function"], help: "A function of this stack CodeDeploy runs before traffic shifts to the new version." },
  { key: ["deployment", "afterTrafficShiftFunction"], label: "Check after shifting traffic", kind: "resource", resourceKinds: ["function"], help: "A function of this stack CodeDeploy runs once all traffic has shifted." },
  { key: ["deployment", "weightedRouting", "version"], label: "Weighted routing: older version", kind: "text", help: "A published version number that keeps part of the traffic." },
  { key: ["deployment", "weightedRouting", "weight"], label: "Weighted routing: its share", kind: "number", help: "0-1, e.g. 0.1 sends 10% of the traffic to that version. Required with the version." },
];

export const TAG_FIELDS: readonly FieldSpec[] = [
  {
    key: ["tags"],
    label: "Tags",
    kind: "list",
    itemLabel: "Tag",
    help: "Tags of the function's AWS resources, e.g. team: payments.",
    create: () => ({ name: "", value: "" }),
    itemFields: [
      { key: ["name"], label: "Tag name", kind: "text", required: true, help: "At most 128 characters." },
      { key: ["value"], label: "Tag value", kind: "text", required: true, help: "At most 256 characters; may be empty." },
    ],
  },
];

export const EDGE_CODE_FIELDS: readonly FieldSpec[] = [
  ...EDGE_PACKAGING_FIELDS,
  { key: ["runtime"], label: "Runtime", kind: "select", options: EDGE_RUNTIMES, help: "Lambda@Edge runs Node.js and Python only." },
];

export const EDGE_SCALING_FIELDS: readonly FieldSpec[] = [
  { key: ["memory"], label: "Memory (MB)", kind: "number", defaultValue: DEFAULT_EDGE_MEMORY_MB, summary: (v) => `${String(v)} MB`, help: "Viewer triggers (onRequest/onResponse) allow at most 128 MB." },
  { key: ["timeout"], label: "Timeout (seconds)", kind: "number", defaultValue: DEFAULT_EDGE_TIMEOUT_SECONDS, summary: (v) => `${String(v)} s`, help: "Viewer triggers allow at most 5 s, origin triggers at most 30 s." },
];

export const EDGE_ACCESS_FIELDS: readonly FieldSpec[] = [
  { key: ["connectTo"], label: "Connect to (one resource per line)", kind: "lines" },
  iamStatements(["iamRoleStatements"]),
];

/** Destinations (seed 000, "Lambda Destinations"): async invocations only; SQS, SNS, event bus or another function, in the stack or not. */
export const DESTINATION_FIELDS: readonly FieldSpec[] = [
  { key: ["destinations", "onSuccess"], label: "On success", kind: "target", resourceKinds: ["function", "event-bus", "queue", "topic"], help: "Receives the function's result and the original event: a resource of the stack, or the ARN of a queue, topic, bus or function outside it." },
  { key: ["destinations", "onFailure"], label: "On failure", kind: "target", resourceKinds: ["function", "event-bus", "queue", "topic"], help: "Receives the error and the original event after retries." },
];
