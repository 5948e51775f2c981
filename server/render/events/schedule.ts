// schedule: an EventBridge rule with a rate() or cron() expression that invokes the function.
import type { ScheduleIntegration } from "@/lib/stack/schema";
import { getAtt } from "../cfn";
import { fragment, type Fragment } from "../fragment";
import { logicalIds } from "../naming";
import { ruleTarget } from "./rule-target";
import type { EventRenderInput } from "./types";

export function renderScheduleEvent({ ctx, functionName, index, event, path }: EventRenderInput<ScheduleIntegration>): Fragment {
  const target = ctx.functionTarget(functionName);
  const ruleId = logicalIds.event(functionName, index, "Rule");
  return fragment(path, {
    resources: {
      [ruleId]: {
        Type: "AWS::Events::Rule",
        Properties: {
          ScheduleExpression: event.properties.scheduleRate,
          State: "ENABLED",
          Targets: [ruleTarget(functionName, target.arn, event.properties)],
        },
      },
    },
    permissions: [
      {
        logicalId: logicalIds.event(functionName, index, "Permission"),
        functionName: target.name,
        principal: "events.amazonaws.com",
        sourceArn: getAtt(ruleId, "Arn"),
      },
    ],
  });
}
