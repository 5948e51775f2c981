import type { TriggerSpec } from "../spec";

// Seed 000, "SNS event" and SnsIntegration API reference.
export const snsTrigger: TriggerSpec<"sns"> = {
  type: "sns",
  label: "SNS topic",
  help: "The function is triggered every time a specified SNS topic receives a new message. Add your topic to cloudformationResources.",
  fields: [
    { key: ["topicArn"], label: "Topic ARN", kind: "target", resourceKinds: ["topic"], required: true, help: "e.g. $CfResourceParam('mySnsTopic', 'TopicArn')." },
    { key: ["filterPolicy"], label: "Filter policy (JSON)", kind: "json", help: "Only messages matching this SNS filter policy trigger the function." },
    { key: ["onDeliveryFailure"], label: "On delivery failure (JSON)", kind: "json", help: '{"sqsQueueArn": "...", "sqsQueueUrl": "..."}: where undeliverable messages go.' },
  ],
  create: () => ({ type: "sns", properties: { topicArn: "" } }),
};
