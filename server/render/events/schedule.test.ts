import { describe, expect, it } from "vitest";
import { functionYaml, props, renderYaml } from "../test-support";

const withSchedule = (event: string) => `
resources:
${functionYaml(
  "cron",
  `      events:
        - type: schedule
          properties:
${event}`,
)}`;

describe("schedule event", () => {
  it("creates an enabled rule with the expression, targeting the function, which EventBridge may invoke", () => {
    const { template, diagnostics } = renderYaml(withSchedule("            scheduleRate: rate(2 hours)\n"));
    expect(diagnostics).toEqual([]);
    const rule = props(template, "CronEvent0Rule");
    expect(rule.ScheduleExpression).toBe("rate(2 hours)");
    expect(rule.State).toBe("ENABLED");
    expect(rule.Targets).toEqual([{ Id: "Cron", Arn: { "Fn::GetAtt": ["CronFunction", "Arn"] } }]);
    const permission = props(template, "CronEvent0Permission");
    expect(permission.Principal).toBe("events.amazonaws.com");
    expect(permission.SourceArn).toEqual({ "Fn::GetAtt": ["CronEvent0Rule", "Arn"] });
  });

  it("passes input as JSON text", () => {
    const { template } = renderYaml(
      withSchedule("            scheduleRate: cron(0 10 * * ? *)\n            input:\n              report: daily\n              limit: 5\n"),
    );
    const [target] = props(template, "CronEvent0Rule").Targets as Record<string, unknown>[];
    expect(JSON.parse(target.Input as string)).toEqual({ report: "daily", limit: 5 });
  });

  it("maps inputPath and inputTransformer", () => {
    const path = renderYaml(withSchedule("            scheduleRate: rate(1 day)\n            inputPath: $.detail\n"));
    expect((props(path.template, "CronEvent0Rule").Targets as Record<string, unknown>[])[0].InputPath).toBe("$.detail");

    const transformed = renderYaml(
      withSchedule(`            scheduleRate: rate(1 day)
            inputTransformer:
              inputPathsMap:
                time: $.time
              inputTemplate: '{"at": <time>}'
`),
    );
    expect((props(transformed.template, "CronEvent0Rule").Targets as Record<string, unknown>[])[0].InputTransformer).toEqual({
      InputPathsMap: { time: "$.time" },
      InputTemplate: '{"at": <time>}',
    });
  });
});
