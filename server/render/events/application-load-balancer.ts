// application-load-balancer: a lambda target group for the function and a listener rule that
// forwards matching requests to it. Every condition type of the integration maps to one
// ListenerRule condition field.
import type { Diagnostic } from "@/lib/stack/diagnostics";
import { DEFAULT_ALB_LISTENER } from "@/lib/stack/defaults";
import type { ApplicationLoadBalancerIntegration } from "@/lib/stack/schema";
import { ref, sub, type CfValue } from "../cfn";
import { fragment, type Fragment } from "../fragment";
import { logicalIds, physicalNames } from "../naming";
import type { EventRenderInput } from "./types";

// Elastic Load Balancing quotas: 3 match evaluations per condition, 5 per rule.
const MAX_VALUES_PER_CONDITION = 3;
const MAX_VALUES_PER_RULE = 5;

type Props = ApplicationLoadBalancerIntegration["properties"];

interface Condition {
  key: keyof Props;
  condition: CfValue;
  valueCount: number;
}

function ruleConditions(props: Props): Condition[] {
  const conditions: Condition[] = [];
  if (props.paths?.length) {
    conditions.push({
      key: "paths",
      condition: { Field: "path-pattern", PathPatternConfig: { Values: props.paths } },
      valueCount: props.paths.length,
    });
  }
  if (props.methods?.length) {
    conditions.push({
      key: "methods",
      condition: { Field: "http-request-method", HttpRequestMethodConfig: { Values: props.methods } },
      valueCount: props.methods.length,
    });
  }
  if (props.hosts?.length) {
    conditions.push({
      key: "hosts",
      condition: { Field: "host-header", HostHeaderConfig: { Values: props.hosts } },
      valueCount: props.hosts.length,
    });
  }
  for (const header of props.headers ?? []) {
    conditions.push({
      key: "headers",
      condition: { Field: "http-header", HttpHeaderConfig: { HttpHeaderName: header.headerName, Values: header.values } },
      valueCount: header.values.length,
    });
  }
  for (const param of props.queryParams ?? []) {
    conditions.push({
      key: "queryParams",
      condition: {
        Field: "query-string",
        QueryStringConfig: { Values: param.values.map((value) => ({ Key: param.paramName, Value: value })) },
      },
      valueCount: param.values.length,
    });
  }
  if (props.sourceIps?.length) {
    conditions.push({
      key: "sourceIps",
      condition: { Field: "source-ip", SourceIpConfig: { Values: props.sourceIps } },
      valueCount: props.sourceIps.length,
    });
  }
  return conditions;
}

export function renderApplicationLoadBalancerEvent({
  ctx,
  functionName,
  index,
  event,
  path,
}: EventRenderInput<ApplicationLoadBalancerIntegration>): Fragment {
  const props = event.properties;
  const at = (key: string) => [...path, "properties", key];
  const diagnostics: Diagnostic[] = [];
  const error = (key: string, message: string) =>
    diagnostics.push({ severity: "error", code: "limit", message, path: at(key) });

  const lb = ctx.resourceOfType(props.loadBalancerName, "application-load-balancer");
  if (!lb) {
    return fragment(path, {
      diagnostics: [
        {
          severity: "error",
          code: "reference",
          message: `'${props.loadBalancerName}' is not an application-load-balancer resource of this stack`,
          path: at("loadBalancerName"),
        },
      ],
    });
  }
  const listeners = lb.properties?.listeners ?? [DEFAULT_ALB_LISTENER];
  let port = props.listenerPort;
  if (port === undefined) {
    if (listeners.length > 1) {
      error("listenerPort", `load balancer '${props.loadBalancerName}' has ${listeners.length} listeners: set listenerPort`);
    }
    port = listeners[0].port;
  } else if (!listeners.some((l) => l.port === port)) {
    error(
      "listenerPort",
      `load balancer '${props.loadBalancerName}' has no listener on port ${port} (ports: ${listeners.map((l) => l.port).join(", ")})`,
    );
  }

  const conditions = ruleConditions(props);
  if (conditions.length === 0) {
    diagnostics.push({
      severity: "error",
      code: "limit",
      message: "a load balancer rule needs at least one condition: paths, methods, hosts, headers, queryParams or sourceIps",
      path: [...path, "properties"],
    });
  }
  for (const c of conditions) {
    if (c.valueCount > MAX_VALUES_PER_CONDITION) {
      error(c.key, `a load balancer condition allows at most ${MAX_VALUES_PER_CONDITION} values, got ${c.valueCount}`);
    }
  }
  const total = conditions.reduce((sum, c) => sum + c.valueCount, 0);
  if (total > MAX_VALUES_PER_RULE) {
    diagnostics.push({
      severity: "error",
      code: "limit",
      message: `a load balancer rule allows at most ${MAX_VALUES_PER_RULE} condition values in total, got ${total}`,
      path: [...path, "properties"],
    });
  }

  const target = ctx.functionTarget(functionName);
  const targetGroupId = logicalIds.event(functionName, index, "TargetGroup");
  const permissionId = logicalIds.event(functionName, index, "Permission");
  const targetGroupName = physicalNames.targetGroup(ctx.options.stackName, ctx.options.stage, functionName, index);

  return fragment(path, {
    resources: {
      [targetGroupId]: {
        Type: "AWS::ElasticLoadBalancingV2::TargetGroup",
        // Registering a Lambda target checks the invoke permission, so it must exist first.
        DependsOn: [permissionId],
        Properties: { Name: targetGroupName, TargetType: "lambda", Targets: [{ Id: target.arn }] },
      },
      [logicalIds.event(functionName, index, "ListenerRule")]: {
        Type: "AWS::ElasticLoadBalancingV2::ListenerRule",
        Properties: {
          ListenerArn: ref(logicalIds.listener(props.loadBalancerName, port)),
          Priority: props.priority,
          Actions: [{ Type: "forward", TargetGroupArn: ref(targetGroupId) }],
          Conditions: conditions.map((c) => c.condition),
        },
      },
    },
    permissions: [
      {
        logicalId: permissionId,
        functionName: target.name,
        principal: "elasticloadbalancing.amazonaws.com",
        // The target group's name is fixed, so its ARN can be matched before it exists.
        sourceArn: sub(
          `arn:\${AWS::Partition}:elasticloadbalancing:\${AWS::Region}:\${AWS::AccountId}:targetgroup/${targetGroupName}/*`,
        ),
      },
    ],
    diagnostics,
  });
}
