// Fields that hold an ARN (or URL) of a specific kind of thing: a literal value or a directive, checked
// against what the field needs (an SQS queue, a stream, a log group...).
import { hasAttribute } from "../cfn-attributes";
import { isReferenceableParam, parseDirective } from "../directives";
import type { StackResourceType } from "../schema";
import type { Path, RuleContext } from "./context";

export interface ReferenceKind {
  /** For messages: "an SQS queue ARN". */
  what: string;
  resourceParams?: readonly { type: StackResourceType; param: string }[];
  cfn?: readonly { type: string; attribute: string }[];
  /** Literal values accepted: ARNs of these services, or strings matching a pattern. Absent: literals are refused. */
  literal?: { arnServices: readonly string[] } | { pattern: RegExp; description: string };
}

// arn:partition:service:region:account:resource; region and account may be empty (S3, IAM).
const ARN = /^arn:(aws|aws-cn|aws-us-gov|aws-iso|aws-iso-b):([a-z0-9-]+):([a-z0-9-]*):(\d{12}|):(.+)$/;

export const KINDS = {
  sqsQueueArn: {
    what: "an SQS queue ARN",
    cfn: [{ type: "AWS::SQS::Queue", attribute: "Arn" }],
    literal: { arnServices: ["sqs"] },
  },
  sqsQueueUrl: {
    what: "an SQS queue URL",
    cfn: [{ type: "AWS::SQS::Queue", attribute: "QueueUrl" }],
    literal: { pattern: /^https:\/\/sqs\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\/\d{12}\/[A-Za-z0-9_-]+(\.fifo)?$/, description: "https://sqs.<region>.amazonaws.com/<account>/<queue>" },
  },
  snsTopicArn: {
    what: "an SNS topic ARN",
    cfn: [{ type: "AWS::SNS::Topic", attribute: "TopicArn" }],
    literal: { arnServices: ["sns"] },
  },
  kinesisStreamArn: {
    what: "a Kinesis stream ARN",
    cfn: [{ type: "AWS::Kinesis::Stream", attribute: "Arn" }],
    literal: { arnServices: ["kinesis"] },
  },
  kinesisConsumerArn: {
    what: "a Kinesis stream consumer ARN",
    cfn: [{ type: "AWS::Kinesis::StreamConsumer", attribute: "ConsumerARN" }],
    literal: { arnServices: ["kinesis"] },
  },
  dynamoStreamArn: {
    what: "a DynamoDB stream ARN",
    resourceParams: [{ type: "dynamo-db-table", param: "streamArn" }],
    cfn: [{ type: "AWS::DynamoDB::Table", attribute: "StreamArn" }],
    literal: { arnServices: ["dynamodb"] },
  },
  // Bucket notifications live on the bucket itself, so the bucket must be one this stack renders.
  stackBucketArn: {
    what: "the ARN of a bucket in this stack ($ResourceParam('<bucket>', 'arn'))",
    resourceParams: [{ type: "bucket", param: "arn" }],
  },
  logGroupArn: {
    what: "a log group ARN",
    resourceParams: [{ type: "function", param: "logGroupArn" }],
    cfn: [{ type: "AWS::Logs::LogGroup", attribute: "Arn" }],
    literal: { arnServices: ["logs"] },
  },
  eventBusArn: {
    what: "an event bus ARN",
    resourceParams: [{ type: "event-bus", param: "arn" }],
    cfn: [{ type: "AWS::Events::EventBus", attribute: "Arn" }],
    literal: { arnServices: ["events"] },
  },
  secretArn: {
    what: "a Secrets Manager secret ARN",
    cfn: [{ type: "AWS::SecretsManager::Secret", attribute: "Id" }],
    literal: { arnServices: ["secretsmanager"] },
  },
  certificateArn: {
    what: "an ACM certificate ARN",
    literal: { arnServices: ["acm"] },
  },
  asyncDestinationArn: {
    what: "a function, event bus, SQS queue or SNS topic ARN",
    resourceParams: [
      { type: "function", param: "arn" },
      { type: "event-bus", param: "arn" },
    ],
    cfn: [
      { type: "AWS::Lambda::Function", attribute: "Arn" },
      { type: "AWS::Events::EventBus", attribute: "Arn" },
      { type: "AWS::SQS::Queue", attribute: "Arn" },
      { type: "AWS::SNS::Topic", attribute: "TopicArn" },
    ],
    literal: { arnServices: ["lambda", "events", "sqs", "sns"] },
  },
} as const satisfies Record<string, ReferenceKind>;

// Nested stacks and custom resources return whatever they return; their attributes cannot be judged here.
const OPAQUE_TYPES = /^(Custom::|AWS::CloudFormation::(Stack|CustomResource)$)/;

/** Reports when `value` (at `path`) cannot be the kind of reference the field needs. */
export function checkReference(ctx: RuleContext, path: Path, value: string, kind: ReferenceKind): void {
  const parsed = parseDirective(value);
  if (parsed && !parsed.ok) return; // reported by checkDirectives
  if (!parsed) {
    const literal = kind.literal;
    if (!literal) {
      ctx.report(path, "reference", `must be ${kind.what}; a literal value cannot be used here`);
    } else if ("pattern" in literal) {
      if (!literal.pattern.test(value)) ctx.report(path, "syntax", `must be ${kind.what} (${literal.description}), got '${value}'`);
    } else {
      const m = ARN.exec(value);
      if (!m) ctx.report(path, "syntax", `must be ${kind.what}; '${value}' is not a valid ARN (arn:<partition>:<service>:<region>:<12-digit account>:<resource>)`);
      else if (!literal.arnServices.includes(m[2])) ctx.report(path, "reference", `must be ${kind.what}; this is an ARN of service '${m[2]}'`);
    }
    return;
  }
  const d = parsed.directive;
  if (d.kind === "Secret") {
    ctx.report(path, "reference", `must be ${kind.what}; a $Secret value cannot be used here`);
  } else if (d.kind === "ResourceParam") {
    const resource = Object.hasOwn(ctx.definition.resources, d.resourceName) ? ctx.definition.resources[d.resourceName] : undefined;
    if (!resource || !isReferenceableParam(resource.type, d.param)) return; // reported by checkDirectives
    const accepted = (kind.resourceParams ?? []).some((p) => p.type === resource.type && p.param === d.param);
    if (!accepted) ctx.report(path, "reference", `must be ${kind.what}; got parameter '${d.param}' of ${resource.type} '${d.resourceName}'`);
  } else {
    const cfnResources = ctx.definition.cloudformationResources ?? {};
    const cfn = Object.hasOwn(cfnResources, d.logicalId) ? cfnResources[d.logicalId] : undefined;
    if (!cfn || OPAQUE_TYPES.test(cfn.Type)) return;
    const sameType = (kind.cfn ?? []).filter((c) => c.type === cfn.Type);
    if (sameType.length === 0) {
      ctx.report(path, "reference", `must be ${kind.what}; '${d.logicalId}' is of type ${cfn.Type}`);
      return;
    }
    const attributes = ctx.cfnAttributes(cfn.Type);
    if (attributes && !hasAttribute(cfn.Type, attributes, d.attribute)) return; // reported by checkDirectives
    if (!sameType.some((c) => c.attribute === d.attribute)) {
      const want = sameType.map((c) => `'${c.attribute}'`).join(" or ");
      ctx.report(path, "reference", `must be ${kind.what}; read attribute ${want} of ${cfn.Type} '${d.logicalId}', not '${d.attribute}'`);
    }
  }
}
