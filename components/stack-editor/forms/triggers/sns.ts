import type { TriggerSpec } from "../spec";
import { snsDeliveryFailureOf } from "../targets";

// Seed 000, "SNS event" and SnsIntegration API reference.
export const snsTrigger: TriggerSpec<"sns"> = {
  type: "sns",
  label: "SNS topic",
  help: "The function is triggered every time a specified SNS topic receives a new message. Add your topic to cloudformationResources.",
  fields: [
    { key: ["topicArn"], label: "Topic ARN", kind: "target", resourceKinds: ["topic"], required: true, help: "e.g. $CfResourceParam('mySnsTopic', 'TopicArn')." },
    { key: ["filterPolicy"], label: "Filter policy (JSON)", kind: "json", help: "Only messages matching this SNS filter policy trigger the function." },
    { key: ["onDeliveryFailure"], label: "On delivery failure: queue", kind: "pick", resourceKinds: ["queue"], fill: snsDeliveryFailureOf, help: "An SQS queue that receives the messages SNS could not deliver to the function; or set its ARN and URL below." },
    { key: ["onDeliveryFailure", "sqsQueueArn"], label: "Dead-letter queue ARN", kind: "text", required: true, help: "e.g. $CfResourceParam('myQueue', 'Arn')." },
    { key: ["onDeliveryFailure", "sqsQueueUrl"], label: "Dead-letter queue URL", kind: "text", required: true, help: "e.g. $CfResourceParam('myQueue', 'QueueUrl')." },
  ],
  create: () => ({ type: "sns", properties: { topicArn: "" } }),
};
