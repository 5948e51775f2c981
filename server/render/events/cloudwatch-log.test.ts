import { describe, expect, it } from "vitest";
import { functionYaml, props, renderYaml, resource } from "../test-support";

const stack = (logGroupArn: string, extra = "") => `
resources:
${functionYaml("producer")}${functionYaml(
  "consumer",
  `      events:
        - type: cloudwatch-log
          properties:
            logGroupArn: ${logGroupArn}
${extra}`,
)}`;

describe("cloudwatch-log event", () => {
  it("subscribes the function to another function's log group with the filter pattern", () => {
    const { template, diagnostics } = renderYaml(
      stack("$ResourceParam('producer', 'logGroupArn')", "            filter: '?ERROR ?WARN'\n"),
    );
    expect(diagnostics).toEqual([]);
    const filter = props(template, "ConsumerEvent0SubscriptionFilter");
    expect(filter.LogGroupName).toBe("/aws/lambda/app-dev-producer");
    expect(filter.FilterPattern).toBe("?ERROR ?WARN");
    expect(filter.DestinationArn).toEqual({ "Fn::GetAtt": ["ConsumerFunction", "Arn"] });
    expect(resource(template, "ConsumerEvent0SubscriptionFilter").DependsOn).toEqual(["ConsumerEvent0Permission"]);
    const permission = props(template, "ConsumerEvent0Permission");
    expect(permission.Principal).toBe("logs.amazonaws.com");
    expect(permission.SourceArn).toEqual({ "Fn::GetAtt": ["ProducerLogGroup", "Arn"] });
  });

  it("forwards every record when no filter is given, and takes the group name from a literal ARN", () => {
    const { template } = renderYaml(stack("arn:aws:logs:us-east-1:123456789012:log-group:/legacy/app:*"));
    const filter = props(template, "ConsumerEvent0SubscriptionFilter");
    expect(filter.FilterPattern).toBe("");
    expect(filter.LogGroupName).toBe("/legacy/app");
  });

  it("rejects a function ARN given as the log group (the seed's printed example)", () => {
    const { diagnostics } = renderYaml(stack("$ResourceParam('producer', 'arn')"));
    expect(diagnostics).toEqual([
      expect.objectContaining({
        severity: "error",
        message: expect.stringContaining("$ResourceParam('producer', 'logGroupArn')"),
        path: ["resources", "consumer", "properties", "events", 0, "properties", "logGroupArn"],
      }),
    ]);
  });
});
