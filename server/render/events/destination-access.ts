// The action a function's role needs to deliver to a destination ARN of a given service.
import type { CfValue } from "../cfn";
import { allow, type IamStatement } from "../iam";

const SEND_ACTION: Record<string, string> = {
  sqs: "sqs:SendMessage",
  sns: "sns:Publish",
  events: "events:PutEvents",
  lambda: "lambda:InvokeFunction",
};

export const DESTINATION_SERVICES = Object.keys(SEND_ACTION);

/** undefined when the service cannot be a destination. */
export function sendToStatement(service: string | undefined, destinationArn: CfValue): IamStatement | undefined {
  const action = service === undefined ? undefined : SEND_ACTION[service];
  return action === undefined ? undefined : allow([action], [destinationArn]);
}
