import type { TriggerSpec } from "../spec";

// Seed 000, "Cloudwatch Log event" and CloudwatchLogIntegration API reference.
export const cloudwatchLogTrigger: TriggerSpec<"cloudwatch-log"> = {
  type: "cloudwatch-log",
  label: "CloudWatch log group",
  help: "The function is triggered when a log record arrives to the specified log group. The payload is BASE64 encoded and gzip compressed.",
  fields: [
    { key: ["logGroupArn"], label: "Log group ARN", kind: "text", required: true, help: "e.g. $ResourceParam('myLogProducingLambda', 'logGroupArn')." },
    { key: ["filter"], label: "Filter pattern", kind: "text", help: "CloudWatch Logs filter pattern; every record when empty." },
  ],
  create: () => ({ type: "cloudwatch-log", properties: { logGroupArn: "" } }),
};
