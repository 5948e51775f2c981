// cloudwatch-log: a subscription filter delivers a log group's records (matching `filter`) to the function.
import type { Diagnostic } from "@/lib/stack/diagnostics";
import type { CloudwatchLogIntegration } from "@/lib/stack/schema";
import { ref, select, split, type CfValue } from "../cfn";
import { fragment, type Fragment } from "../fragment";
import { functionLogGroupName } from "../log-group";
import { logicalIds } from "../naming";
import { expectService, type Resolved } from "../references";
import type { RenderContext } from "../context";
import type { EventRenderInput } from "./types";

/** A log group ARN is arn:<partition>:logs:<region>:<account>:log-group:<name>[:*]; field 6 is the name. */
function logGroupName(ctx: RenderContext, logGroup: Resolved): CfValue {
  const origin = logGroup.origin;
  if (origin.kind === "resource-param" && origin.resourceType === "function" && origin.param === "logGroupArn") {
    return functionLogGroupName(ctx.functionPhysicalName(origin.resource));
  }
  if (typeof logGroup.value === "string") {
    const name = logGroup.value.split(":")[6];
    if (name !== undefined) return name;
  }
  return select(6, split(":", logGroup.value));
}

export function renderCloudwatchLogEvent({
  ctx,
  functionName,
  index,
  event,
  path,
}: EventRenderInput<CloudwatchLogIntegration>): Fragment {
  const diagnostics: Diagnostic[] = [];
  const arnPath = [...path, "properties", "logGroupArn"];
  const logGroup = ctx.resolve(event.properties.logGroupArn, arnPath, diagnostics);
  const origin = logGroup.origin;
  if (origin.kind === "resource-param" && origin.resourceType === "function" && origin.param === "arn") {
    diagnostics.push({
      severity: "error",
      code: "reference",
      message: `logGroupArn must be a log group ARN; for the logs of '${origin.resource}' use $ResourceParam('${origin.resource}', 'logGroupArn')`,
      path: arnPath,
    });
  } else {
    expectService(logGroup, "logs", "logGroupArn", arnPath, diagnostics);
  }

  const target = ctx.functionTarget(functionName);
  const permissionId = logicalIds.event(functionName, index, "Permission");
  return fragment(path, {
    resources: {
      [logicalIds.event(functionName, index, "SubscriptionFilter")]: {
        Type: "AWS::Logs::SubscriptionFilter",
        // CloudWatch Logs checks that it may invoke the function when the filter is created.
        DependsOn: [permissionId],
        Properties: {
          LogGroupName: logGroupName(ctx, logGroup),
          FilterPattern: event.properties.filter ?? "",
          DestinationArn: target.arn,
        },
      },
    },
    permissions: [
      {
        logicalId: permissionId,
        functionName: target.name,
        principal: "logs.amazonaws.com",
        sourceArn: logGroup.value,
        sourceAccount: ref("AWS::AccountId"),
      },
    ],
    diagnostics,
  });
}
