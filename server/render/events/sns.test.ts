import { describe, expect, it } from "vitest";
import { functionYaml, props, renderYaml, resourcesOfType } from "../test-support";

const snsEvent = (topic: string, extra = "") => `        - type: sns
          properties:
            topicArn: $CfResourceParam('${topic}', 'TopicArn')
${extra}`;
const deadLetter = `            onDeliveryFailure:
              sqsQueueArn: $CfResourceParam('dlq', 'Arn')
              sqsQueueUrl: $CfResourceParam('dlq', 'QueueUrl')
`;
const cfn = `cloudformationResources:
  orders:
    Type: AWS::SNS::Topic
  refunds:
    Type: AWS::SNS::Topic
  dlq:
    Type: AWS::SQS::Queue
`;

describe("sns event", () => {
  it("subscribes the function to the topic with its filter policy; SNS may invoke it for that topic", () => {
    const { template, diagnostics } = renderYaml(`
resources:
${functionYaml("listener", `      events:\n${snsEvent("orders", "            filterPolicy:\n              kind: [paid]\n")}`)}${cfn}`);
    expect(diagnostics).toEqual([]);
    const subscription = props(template, "ListenerEvent0Subscription");
    expect(subscription.Protocol).toBe("lambda");
    expect(subscription.Endpoint).toEqual({ "Fn::GetAtt": ["ListenerFunction", "Arn"] });
    expect(subscription.TopicArn).toEqual({ "Fn::GetAtt": ["orders", "TopicArn"] });
    expect(subscription.FilterPolicy).toEqual({ kind: ["paid"] });
    const permission = props(template, "ListenerEvent0Permission");
    expect(permission.Principal).toBe("sns.amazonaws.com");
    expect(permission.SourceArn).toEqual({ "Fn::GetAtt": ["orders", "TopicArn"] });
  });

  it("sends undeliverable messages to the dead-letter queue, which SNS may write to for those topics", () => {
    const { template, diagnostics } = renderYaml(`
resources:
${functionYaml("listener", `      events:\n${snsEvent("orders", deadLetter)}${snsEvent("refunds", deadLetter)}`)}${cfn}`);
    expect(diagnostics).toEqual([]);
    expect(props(template, "ListenerEvent0Subscription").RedrivePolicy).toEqual({
      deadLetterTargetArn: { "Fn::GetAtt": ["dlq", "Arn"] },
    });
    // One policy per queue: a second QueuePolicy on the same queue would replace the first.
    const policies = resourcesOfType(template, "AWS::SQS::QueuePolicy");
    expect(policies).toHaveLength(1);
    const [, policy] = policies[0];
    expect(policy.Properties?.Queues).toEqual([{ "Fn::GetAtt": ["dlq", "QueueUrl"] }]);
    expect(policy.Properties?.PolicyDocument).toEqual({
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Principal: { Service: "sns.amazonaws.com" },
          Action: "sqs:SendMessage",
          Resource: { "Fn::GetAtt": ["dlq", "Arn"] },
          Condition: {
            ArnEquals: { "aws:SourceArn": [{ "Fn::GetAtt": ["orders", "TopicArn"] }, { "Fn::GetAtt": ["refunds", "TopicArn"] }] },
          },
        },
      ],
    });
  });

  it("rejects a dead-letter queue ARN that is a topic (the seed's printed example)", () => {
    const { diagnostics } = renderYaml(`
resources:
${functionYaml(
  "listener",
  `      events:
${snsEvent(
  "orders",
  `            onDeliveryFailure:
              sqsQueueArn: $CfResourceParam('orders', 'TopicArn')
              sqsQueueUrl: $CfResourceParam('dlq', 'QueueUrl')
`,
)}`,
)}${cfn}`);
    expect(diagnostics).toEqual([
      expect.objectContaining({
        severity: "error",
        path: ["resources", "listener", "properties", "events", 0, "properties", "onDeliveryFailure", "sqsQueueArn"],
      }),
    ]);
  });
});
