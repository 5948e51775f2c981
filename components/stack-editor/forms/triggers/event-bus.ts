import type { TriggerSpec } from "../spec";
import { inputTransformerFields } from "./input-transformer";

// Seed 000, "Event Bus event" and EventBusIntegration API reference.
export const eventBusTrigger: TriggerSpec<"event-bus"> = {
  type: "event-bus",
  label: "Event bus",
  help: "The function is triggered when the specified event bus receives an event matching the specified pattern. Use the default bus (useDefaultBus) for AWS service events, or your own bus by name or ARN.",
  fields: [
    { key: ["eventBusName"], label: "Event bus", kind: "resource", resourceKinds: ["event-bus"], help: "An event-bus resource of this stack." },
    { key: ["eventBusArn"], label: "Event bus ARN", kind: "text", help: "ARN of a bus outside this stack (instead of the name)." },
    { key: ["useDefaultBus"], label: "Use the default bus", kind: "boolean", defaultValue: false, help: "The default event bus is pre-created by AWS and shared by the whole AWS account." },
    { key: ["eventPattern", "source"], label: "Pattern: sources (one per line)", kind: "lines", help: "Events from any of these sources match, e.g. mycustomsource or aws.s3. Any source when empty." },
    { key: ["eventPattern", "detail-type"], label: "Pattern: detail types (one per line)", kind: "lines", help: "Events with any of these detail-type values match, e.g. Object Created. Any when empty." },
    { key: ["eventPattern", "detail"], label: "Pattern: detail (JSON)", kind: "json", help: 'Matches fields of the event\'s detail, e.g. {"bucket": {"name": ["my-bucket"]}}.' },
    { key: ["eventPattern", "version"], label: "Pattern: versions (one per line)", kind: "lines", help: "Events with any of these version values match; AWS events are version 0. Any when empty." },
    { key: ["eventPattern", "account"], label: "Pattern: accounts (one per line)", kind: "lines", help: "Events from any of these 12-digit AWS account ids match. Any when empty." },
    { key: ["eventPattern", "region"], label: "Pattern: regions (one per line)", kind: "lines", help: "Events from any of these regions match, e.g. eu-west-1. Any when empty." },
    { key: ["eventPattern", "resources"], label: "Pattern: resources (one ARN per line)", kind: "lines", help: "Events naming any of these resource ARNs match. Any when empty." },
    { key: ["eventPattern", "replay-name"], label: "Pattern: replay names (one per line)", kind: "lines", help: "Events replayed from an archive by any of these replays match." },
    { key: ["input"], label: "Input (JSON)", kind: "json", help: "Fixed event passed to the function instead of the matched event." },
    { key: ["inputPath"], label: "Input path", kind: "text", help: "JSONPath selecting the part of the event passed to the function." },
    ...inputTransformerFields,
  ],
  create: () => ({ type: "event-bus", properties: { useDefaultBus: true, eventPattern: { source: ["aws.s3"] } } }),
};
