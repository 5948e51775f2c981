// event-bus: a custom EventBridge bus, optionally fed by a partner event source and archived.
import type { EventBus } from "@/lib/stack/schema";
import { getAtt, type CfResource, type CfValue } from "../cfn";
import type { RenderContext } from "../context";
import { fragment, type DefinitionPath, type Fragment } from "../fragment";
import { logicalIds, physicalNames } from "../naming";

export function renderEventBus(ctx: RenderContext, name: string, bus: EventBus, path: DefinitionPath): Fragment {
  const busId = logicalIds.eventBus(name);
  const properties: Record<string, CfValue> = {
    // A partner bus must carry the partner event source's name.
    Name: bus.properties?.eventSourceName ?? physicalNames.eventBus(ctx.options.stackName, ctx.options.stage, name),
  };
  if (bus.properties?.eventSourceName !== undefined) properties.EventSourceName = bus.properties.eventSourceName;
  const resources: Record<string, CfResource> = { [busId]: { Type: "AWS::Events::EventBus", Properties: properties } };

  const archive = bus.properties?.archive;
  if (archive?.enabled) {
    resources[logicalIds.eventBusArchive(name)] = {
      Type: "AWS::Events::Archive",
      Properties: {
        SourceArn: getAtt(busId, "Arn"),
        ...(archive.retentionDays !== undefined ? { RetentionDays: archive.retentionDays } : {}),
      },
    };
  }
  return fragment(path, {
    resources,
    outputs: { [logicalIds.output(name, "arn")]: { Description: `ARN of event bus ${name}`, Value: getAtt(busId, "Arn") } },
  });
}
