// event-bus: an EventBridge rule with an event pattern on the default bus, a bus of this stack
// (eventBusName) or any bus by ARN.
import type { Diagnostic } from "@/lib/stack/diagnostics";
import type { EventBusIntegration } from "@/lib/stack/schema";
import { getAtt, ref, type CfValue } from "../cfn";
import { fragment, type Fragment } from "../fragment";
import { logicalIds } from "../naming";
import { ruleTarget } from "./rule-target";
import type { EventRenderInput } from "./types";

export function renderEventBusEvent({ ctx, functionName, index, event, path }: EventRenderInput<EventBusIntegration>): Fragment {
  const diagnostics: Diagnostic[] = [];
  const props = event.properties;
  const target = ctx.functionTarget(functionName);
  const ruleId = logicalIds.event(functionName, index, "Rule");

  const properties: Record<string, CfValue> = {};
  // The rule's EventBusName takes a name or an ARN; omitted means the account's default bus.
  if (props.eventBusName !== undefined) {
    if (!ctx.resourceOfType(props.eventBusName, "event-bus")) {
      diagnostics.push({
        severity: "error",
        code: "reference",
        message: `'${props.eventBusName}' is not an event-bus resource of this stack`,
        path: [...path, "properties", "eventBusName"],
      });
    }
    properties.EventBusName = ref(logicalIds.eventBus(props.eventBusName));
  } else if (props.eventBusArn !== undefined) {
    properties.EventBusName = ctx.resolve(props.eventBusArn, [...path, "properties", "eventBusArn"], diagnostics).value;
  }
  properties.EventPattern = ctx.resolveDeep(props.eventPattern, [...path, "properties", "eventPattern"], diagnostics);
  properties.State = "ENABLED";
  properties.Targets = [ruleTarget(functionName, target.arn, props)];

  return fragment(path, {
    resources: { [ruleId]: { Type: "AWS::Events::Rule", Properties: properties } },
    permissions: [
      {
        logicalId: logicalIds.event(functionName, index, "Permission"),
        functionName: target.name,
        principal: "events.amazonaws.com",
        sourceArn: getAtt(ruleId, "Arn"),
      },
    ],
    diagnostics,
  });
}
