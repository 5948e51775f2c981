// What `accessControl.allowAccessTo` and `connectTo` grant, per target (seed 000 "Granted
// permissions", seed 001 "connectTo"): always scoped to that one resource's ARNs. The only
// service-wide grants are the two the seed mandates: cognito-idp:* on a user pool and aws:ses.
import type { Diagnostic } from "@/lib/stack/diagnostics";
import { CONNECT_TO_ENV_PARAMS, CONNECT_TO_SERVICE_MACROS, connectToEnvVarName } from "@/lib/stack/directives";
import { getAtt, sub, type CfValue } from "./cfn";
import type { RenderContext } from "./context";
import type { DefinitionPath } from "./fragment";
import { allow, type IamStatement } from "./iam";
import { functionArnFromName } from "./function-arn";
import { logicalIds } from "./naming";
import { bucketArn } from "./bucket-name";
import { resourceParamValue } from "./references";

const BUCKET_OBJECT_ACTIONS = [
  "s3:GetObject",
  "s3:PutObject",
  "s3:DeleteObject",
  "s3:GetObjectTagging",
  "s3:PutObjectTagging",
  "s3:DeleteObjectTagging",
];
const TABLE_ITEM_ACTIONS = [
  "dynamodb:GetItem",
  "dynamodb:PutItem",
  "dynamodb:UpdateItem",
  "dynamodb:DeleteItem",
  "dynamodb:Scan",
  "dynamodb:Query",
];

/** ARNs below a resource's own ARN, e.g. the objects of a bucket (`<bucket arn>/*`). */
const under = (logicalId: string, suffix: string) => sub(`\${${logicalId}.Arn}${suffix}`);

/** Statements granting access to the stack resource (or service macro) `target`, or a diagnostic. */
export function accessStatements(
  ctx: RenderContext,
  target: string,
  via: "allowAccessTo" | "connectTo",
  path: DefinitionPath,
  diagnostics: Diagnostic[],
): IamStatement[] {
  if (via === "connectTo" && (CONNECT_TO_SERVICE_MACROS as readonly string[]).includes(target)) {
    // aws:ses is the one macro: the seed grants ses:* (SES identities are not stack resources).
    return [allow(["ses:*"], ["*"])];
  }
  const resource = Object.hasOwn(ctx.resources, target) ? ctx.resources[target] : undefined;
  if (!resource) {
    diagnostics.push({ severity: "error", code: "reference", message: `resource '${target}' does not exist`, path });
    return [];
  }
  switch (resource.type) {
    case "bucket": {
      return [
        allow(["s3:ListBucket"], [bucketArn(ctx.options, target)]),
        allow(BUCKET_OBJECT_ACTIONS, [bucketArn(ctx.options, target, "/*")]),
      ];
    }
    case "dynamo-db-table": {
      const table = logicalIds.dynamoDbTable(target);
      return [
        allow(TABLE_ITEM_ACTIONS, [getAtt(table, "Arn"), under(table, "/index/*")]),
        allow(["dynamodb:DescribeStream"], [under(table, "/stream/*")]),
      ];
    }
    case "event-bus":
      return [allow(["events:PutEvents"], [getAtt(logicalIds.eventBus(target), "Arn")])];
    case "function": {
      const physicalName = ctx.functionPhysicalName(target);
      // The function itself and its qualified ARNs (versions, aliases).
      return [allow(["lambda:InvokeFunction"], [functionArnFromName(physicalName), functionArnFromName(physicalName, "*")])];
    }
    case "user-auth-pool":
      if (via === "connectTo") {
        return [allow(["cognito-idp:*"], [getAtt(logicalIds.userPool(target), "Arn")])];
      }
      break;
    default:
      break;
  }
  diagnostics.push({
    severity: "error",
    code: "reference",
    message: `${via} cannot grant access to '${target}': a ${resource.type} has no ${via} permissions`,
    path,
  });
  return [];
}

/** The STP_<RESOURCE>_<PARAM> variables connectTo injects for `target` (none for service macros). */
export function connectToEnvironment(ctx: RenderContext, target: string): [string, CfValue][] {
  const resource = Object.hasOwn(ctx.resources, target) ? ctx.resources[target] : undefined;
  if (!resource || !Object.hasOwn(CONNECT_TO_ENV_PARAMS, resource.type)) return [];
  const params: Record<string, string> = CONNECT_TO_ENV_PARAMS[resource.type as keyof typeof CONNECT_TO_ENV_PARAMS];
  const variables: [string, CfValue][] = [];
  for (const [suffix, param] of Object.entries(params)) {
    const result = resourceParamValue(ctx, target, param);
    // A table without a stream has no STREAM_ARN to inject.
    if ("value" in result) variables.push([connectToEnvVarName(target, suffix), result.value]);
  }
  return variables;
}
