// sns: a subscription of the function to the topic, with an optional filter policy and a
// dead-letter queue for messages SNS could not deliver (which SNS must be allowed to write to).
import type { Diagnostic } from "@/lib/stack/diagnostics";
import type { SnsIntegration } from "@/lib/stack/schema";
import type { CfValue } from "../cfn";
import { fragment, type DefinitionPath, type Fragment } from "../fragment";
import { logicalIds } from "../naming";
import { expectService } from "../references";
import type { EventRenderInput } from "./types";

export function renderSnsEvent({ ctx, functionName, index, event, path }: EventRenderInput<SnsIntegration>): Fragment {
  const diagnostics: Diagnostic[] = [];
  const props = event.properties;
  const target = ctx.functionTarget(functionName);
  const topicPath = [...path, "properties", "topicArn"];
  const topic = ctx.resolve(props.topicArn, topicPath, diagnostics);
  expectService(topic, "sns", "topicArn", topicPath, diagnostics);

  const properties: Record<string, CfValue> = { Protocol: "lambda", Endpoint: target.arn, TopicArn: topic.value };
  if (props.filterPolicy !== undefined) {
    properties.FilterPolicy = ctx.resolveDeep(props.filterPolicy, [...path, "properties", "filterPolicy"], diagnostics);
  }
  if (props.onDeliveryFailure !== undefined) {
    const queuePath = [...path, "properties", "onDeliveryFailure", "sqsQueueArn"];
    const queueArn = ctx.resolve(props.onDeliveryFailure.sqsQueueArn, queuePath, diagnostics);
    expectService(queueArn, "sqs", "onDeliveryFailure.sqsQueueArn", queuePath, diagnostics);
    properties.RedrivePolicy = { deadLetterTargetArn: queueArn.value };
  }

  return fragment(path, {
    resources: {
      [logicalIds.event(functionName, index, "Subscription")]: { Type: "AWS::SNS::Subscription", Properties: properties },
    },
    permissions: [
      {
        logicalId: logicalIds.event(functionName, index, "Permission"),
        functionName: target.name,
        principal: "sns.amazonaws.com",
        sourceArn: topic.value,
      },
    ],
    diagnostics,
  });
}

export interface SnsEventAt {
  event: SnsIntegration;
  path: DefinitionPath;
}

/**
 * Queue policies letting SNS move undeliverable messages into the dead-letter queues. A queue has
 * one policy document, so subscriptions sharing a queue share one policy naming all their topics.
 */
export function renderSnsDeadLetterQueuePolicies(
  ctx: EventRenderInput<SnsIntegration>["ctx"],
  events: SnsEventAt[],
): Fragment[] {
  const byQueue = new Map<
    string,
    { path: DefinitionPath; url: CfValue; arn: CfValue; topics: CfValue[]; diagnostics: Diagnostic[] }
  >();
  for (const { event, path } of events) {
    const failure = event.properties.onDeliveryFailure;
    if (!failure) continue;
    const at = [...path, "properties", "onDeliveryFailure"];
    const diagnostics: Diagnostic[] = [];
    // renderSnsEvent already reports problems with the queue ARN and the topic; only the URL is new here.
    const url = ctx.resolve(failure.sqsQueueUrl, [...at, "sqsQueueUrl"], diagnostics).value;
    const arn = ctx.resolve(failure.sqsQueueArn, [...at, "sqsQueueArn"], []).value;
    const topic = ctx.resolve(event.properties.topicArn, [...path, "properties", "topicArn"], []).value;
    const key = JSON.stringify(url);
    const entry = byQueue.get(key) ?? { path: at, url, arn, topics: [], diagnostics: [] };
    entry.diagnostics.push(...diagnostics);
    if (!entry.topics.some((t) => JSON.stringify(t) === JSON.stringify(topic))) entry.topics.push(topic);
    byQueue.set(key, entry);
  }

  return [...byQueue.entries()].map(([key, { path, url, arn, topics, diagnostics }]) =>
    fragment(path, {
      diagnostics,
      resources: {
        [logicalIds.snsDeadLetterQueuePolicy(key)]: {
          Type: "AWS::SQS::QueuePolicy",
          Properties: {
            Queues: [url],
            PolicyDocument: {
              Version: "2012-10-17",
              Statement: [
                {
                  Effect: "Allow",
                  Principal: { Service: "sns.amazonaws.com" },
                  Action: "sqs:SendMessage",
                  Resource: arn,
                  Condition: { ArnEquals: { "aws:SourceArn": topics } },
                },
              ],
            },
          },
        },
      },
    }),
  );
}
