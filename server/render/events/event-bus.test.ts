import { describe, expect, it } from "vitest";
import { functionYaml, props, renderYaml } from "../test-support";

const withBusEvent = (busProperty: string, extra = "") => `
resources:
${extra}${functionYaml(
  "consumer",
  `      events:
        - type: event-bus
          properties:
${busProperty}            eventPattern:
              source:
                - mycustomsource
              detail:
                status: [created]
`,
)}`;

describe("event-bus event", () => {
  it("on the default bus: a rule without EventBusName, with the pattern, targeting the function", () => {
    const { template, diagnostics } = renderYaml(withBusEvent("            useDefaultBus: true\n"));
    expect(diagnostics).toEqual([]);
    const rule = props(template, "ConsumerEvent0Rule");
    expect(rule).not.toHaveProperty("EventBusName");
    expect(rule.EventPattern).toEqual({ source: ["mycustomsource"], detail: { status: ["created"] } });
    expect(rule.Targets).toEqual([{ Id: "Consumer", Arn: { "Fn::GetAtt": ["ConsumerFunction", "Arn"] } }]);
    const permission = props(template, "ConsumerEvent0Permission");
    expect(permission.Principal).toBe("events.amazonaws.com");
    expect(permission.SourceArn).toEqual({ "Fn::GetAtt": ["ConsumerEvent0Rule", "Arn"] });
  });

  it("on a bus of the stack named by eventBusName", () => {
    const { template, diagnostics } = renderYaml(withBusEvent("            eventBusName: orders\n", "  orders:\n    type: event-bus\n"));
    expect(diagnostics).toEqual([]);
    expect(props(template, "ConsumerEvent0Rule").EventBusName).toEqual({ Ref: "OrdersEventBus" });
    expect(props(template, "OrdersEventBus").Name).toBe("app-dev-orders");
  });

  it("on any bus by ARN", () => {
    const arn = "arn:aws:events:us-east-1:123456789012:event-bus/partner";
    const { template } = renderYaml(withBusEvent(`            eventBusArn: ${arn}\n`));
    expect(props(template, "ConsumerEvent0Rule").EventBusName).toBe(arn);
  });

  it("reports an eventBusName that is not an event-bus of the stack", () => {
    const { diagnostics } = renderYaml(withBusEvent("            eventBusName: nothere\n"));
    expect(diagnostics).toEqual([
      expect.objectContaining({
        severity: "error",
        path: ["resources", "consumer", "properties", "events", 0, "properties", "eventBusName"],
      }),
    ]);
  });
});
