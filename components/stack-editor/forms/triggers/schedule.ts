import type { TriggerSpec } from "../spec";
import { inputTransformerFields } from "./input-transformer";

// Seed 000, "Schedule event" and ScheduleIntegration API reference.
export const scheduleTrigger: TriggerSpec<"schedule"> = {
  type: "schedule",
  label: "Schedule",
  help: "The function is triggered on a specified schedule: a rate, e.g. rate(2 hours), or a cron expression, e.g. cron(0 10 * * ? *) for 10:00 UTC every day.",
  fields: [
    { key: ["scheduleRate"], label: "Schedule rate", kind: "text", required: true, help: "rate(<value> <unit>) or cron(<minutes> <hours> <day-of-month> <month> <day-of-week> <year>)." },
    { key: ["input"], label: "Input (JSON)", kind: "json", help: "Fixed event passed to the function instead of the scheduled event." },
    { key: ["inputPath"], label: "Input path", kind: "text", help: "JSONPath selecting the part of the event passed to the function." },
    ...inputTransformerFields,
  ],
  create: () => ({ type: "schedule", properties: { scheduleRate: "rate(1 hour)" } }),
};
