// What a resource of the stack stands for where an ARN (or a destination object) is expected. Pure.
import type { ResourceOption } from "./spec";

/** The directive a "target" field stores for a resource of this kind. */
export function targetDirective(option: ResourceOption): string | undefined {
  switch (option.kind) {
    case "function":
    case "event-bus":
      return `$ResourceParam('${option.name}', 'arn')`;
    case "queue":
    case "stream":
      return `$CfResourceParam('${option.name}', 'Arn')`;
    case "topic":
      return `$CfResourceParam('${option.name}', 'TopicArn')`;
    default:
      return undefined;
  }
}

/** An SNS subscription's dead-letter queue (SnsOnDeliveryFailure): the queue's ARN and URL. */
export function snsDeliveryFailureOf(option: ResourceOption): { sqsQueueArn: string; sqsQueueUrl: string } | undefined {
  if (option.kind !== "queue") return undefined;
  return { sqsQueueArn: `$CfResourceParam('${option.name}', 'Arn')`, sqsQueueUrl: `$CfResourceParam('${option.name}', 'QueueUrl')` };
}

/** A stream source's failure destination (DestinationOnFailure): a queue or a topic, with its type. */
export function streamFailureOf(option: ResourceOption): { arn: string; type: "sqs" | "sns" } | undefined {
  if (option.kind !== "queue" && option.kind !== "topic") return undefined;
  return { arn: targetDirective(option)!, type: option.kind === "queue" ? "sqs" : "sns" };
}

/** The resource whose filled value equals `value`, if any (the picker shows it as chosen). */
export function pickedBy(options: readonly ResourceOption[], fill: (o: ResourceOption) => unknown, value: unknown): ResourceOption | undefined {
  if (value === undefined) return undefined;
  const wanted = JSON.stringify(value);
  return options.find((o) => {
    const filled = fill(o);
    return filled !== undefined && JSON.stringify(filled) === wanted;
  });
}
