import { describe, expect, it } from "vitest";
import { functionYaml, props, renderYaml, resource } from "../test-support";

const stack = (event: string, lb = "  lb:\n    type: application-load-balancer\n") => `
resources:
${lb}${functionYaml(
  "web",
  `      events:
        - type: application-load-balancer
          properties:
            loadBalancerName: lb
${event}`,
)}`;

describe("application-load-balancer event", () => {
  it("forwards matching requests on the listener to a lambda target group of the function", () => {
    const { template, diagnostics } = renderYaml(stack("            priority: 1\n            paths:\n              - /invoke\n              - /another\n"));
    expect(diagnostics).toEqual([]);
    const group = resource(template, "WebEvent0TargetGroup");
    expect(group.Properties).toMatchObject({ TargetType: "lambda", Targets: [{ Id: { "Fn::GetAtt": ["WebFunction", "Arn"] } }] });
    expect(group.DependsOn).toEqual(["WebEvent0Permission"]);
    const rule = props(template, "WebEvent0ListenerRule");
    expect(rule.ListenerArn).toEqual({ Ref: "LbListener80" });
    expect(rule.Priority).toBe(1);
    expect(rule.Actions).toEqual([{ Type: "forward", TargetGroupArn: { Ref: "WebEvent0TargetGroup" } }]);
    expect(rule.Conditions).toEqual([{ Field: "path-pattern", PathPatternConfig: { Values: ["/invoke", "/another"] } }]);
  });

  it("maps every condition type to its ListenerRule field", () => {
    const { template, diagnostics } = renderYaml(
      stack(`            priority: 7
            methods: [POST]
            hosts: [api.example.com]
            headers:
              - headerName: X-Tenant
                values: [acme]
            queryParams:
              - paramName: version
                values: ['2']
            sourceIps: [10.0.0.0/8]
`),
    );
    expect(diagnostics).toEqual([]);
    expect(props(template, "WebEvent0ListenerRule").Conditions).toEqual([
      { Field: "http-request-method", HttpRequestMethodConfig: { Values: ["POST"] } },
      { Field: "host-header", HostHeaderConfig: { Values: ["api.example.com"] } },
      { Field: "http-header", HttpHeaderConfig: { HttpHeaderName: "X-Tenant", Values: ["acme"] } },
      { Field: "query-string", QueryStringConfig: { Values: [{ Key: "version", Value: "2" }] } },
      { Field: "source-ip", SourceIpConfig: { Values: ["10.0.0.0/8"] } },
    ]);
  });

  it("lets the load balancer invoke the function through that target group only", () => {
    const { template } = renderYaml(stack("            priority: 1\n            paths: [/]\n"));
    const permission = props(template, "WebEvent0Permission");
    const name = props(template, "WebEvent0TargetGroup").Name as string;
    expect(name.length).toBeLessThanOrEqual(32);
    expect(permission.Principal).toBe("elasticloadbalancing.amazonaws.com");
    expect(permission.SourceArn).toEqual({
      "Fn::Sub": `arn:\${AWS::Partition}:elasticloadbalancing:\${AWS::Region}:\${AWS::AccountId}:targetgroup/${name}/*`,
    });
  });

  it("attaches to the listener on listenerPort", () => {
    const { template, diagnostics } = renderYaml(
      stack(
        "            priority: 1\n            listenerPort: 8080\n            paths: [/]\n",
        "  lb:\n    type: application-load-balancer\n    properties:\n      listeners:\n        - port: 80\n          protocol: HTTP\n        - port: 8080\n          protocol: HTTP\n",
      ),
    );
    expect(diagnostics).toEqual([]);
    expect(props(template, "WebEvent0ListenerRule").ListenerArn).toEqual({ Ref: "LbListener8080" });
  });

  it("rejects a port without a listener, a rule without conditions, and too many condition values", () => {
    const noListener = renderYaml(stack("            priority: 1\n            listenerPort: 443\n            paths: [/]\n"));
    expect(noListener.diagnostics).toEqual([
      expect.objectContaining({ path: ["resources", "web", "properties", "events", 0, "properties", "listenerPort"] }),
    ]);
    const noConditions = renderYaml(stack("            priority: 1\n"));
    expect(noConditions.diagnostics).toEqual([
      expect.objectContaining({ path: ["resources", "web", "properties", "events", 0, "properties"] }),
    ]);
    const tooMany = renderYaml(stack("            priority: 1\n            paths: [/a, /b, /c, /d]\n"));
    expect(tooMany.diagnostics).toEqual([
      expect.objectContaining({ path: ["resources", "web", "properties", "events", 0, "properties", "paths"] }),
    ]);
  });
});
