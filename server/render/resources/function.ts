// function: the Lambda function, its least-privilege execution role, its log group, destinations,
// VPC attachment and deployment resources. Events are rendered by ../events and merged alongside.
import type { Diagnostic } from "@/lib/stack/diagnostics";
import {
  DEFAULT_ARCHITECTURE,
  DEFAULT_FUNCTION_MEMORY_MB,
  DEFAULT_FUNCTION_TIMEOUT_SECONDS,
  DEFAULT_LOG_RETENTION_DAYS,
} from "@/lib/stack/defaults";
import type { LambdaFunction } from "@/lib/stack/schema";
import { getAtt, ref, type CfResource, type CfValue } from "../cfn";
import type { RenderContext } from "../context";
import { accessStatements, connectToEnvironment } from "../access-grants";
import { fragment, type DefinitionPath, type Fragment, type RoleStatement } from "../fragment";
import { roleResource, type IamStatement } from "../iam";
import { functionLogGroupName, logGroupResource, writeLogsStatement } from "../log-group";
import { logicalIds } from "../naming";
import { arnService } from "../references";
import { defaultVpcFunctionSecurityGroup, defaultVpcSubnetIds, vpcNetworkInterfaceStatement } from "./default-vpc";
import { DESTINATION_SERVICES, sendToStatement } from "../events/destination-access";
import { functionCodeProperties } from "./function-code";
import { renderFunctionDeployment } from "./function-deployment";
import { userRoleStatements } from "./user-role-statements";

function environmentVariables(
  ctx: RenderContext,
  fn: LambdaFunction,
  path: DefinitionPath,
  diagnostics: Diagnostic[],
): Record<string, CfValue> {
  const variables: Record<string, CfValue> = {};
  (fn.properties.environment ?? []).forEach((variable, i) => {
    const at = [...path, "properties", "environment", i];
    variables[variable.name] =
      typeof variable.value === "string"
        ? ctx.resolve(variable.value, [...at, "value"], diagnostics).value
        : String(variable.value);
  });
  (fn.properties.connectTo ?? []).forEach((target, i) => {
    for (const [name, value] of connectToEnvironment(ctx, target)) {
      if (Object.hasOwn(variables, name)) {
        diagnostics.push({
          severity: "error",
          code: "conflict",
          message: `environment variable ${name} is also injected by connectTo '${target}'`,
          path: [...path, "properties", "connectTo", i],
        });
        continue;
      }
      variables[name] = value;
    }
  });
  return variables;
}

function destinationConfig(
  ctx: RenderContext,
  name: string,
  fn: LambdaFunction,
  path: DefinitionPath,
  diagnostics: Diagnostic[],
): { config: Record<string, CfValue>; statements: IamStatement[]; dependsOn: string[] } {
  const config: Record<string, CfValue> = {};
  const statements: IamStatement[] = [];
  const dependsOn: string[] = [];
  for (const [key, property] of [
    ["onSuccess", "OnSuccess"],
    ["onFailure", "OnFailure"],
  ] as const) {
    const value = fn.properties.destinations?.[key];
    if (value === undefined) continue;
    const at = [...path, "properties", "destinations", key];
    const destination = ctx.resolve(value, at, diagnostics);
    const service = arnService(destination);
    const statement = sendToStatement(service, destination.value);
    if (!statement) {
      diagnostics.push({
        severity: "error",
        code: "reference",
        message: `a destination must be an SQS queue, SNS topic, event bus or function ARN${
          service === undefined ? "" : ` (this one is ${service})`
        }; accepted services: ${DESTINATION_SERVICES.join(", ")}`,
        path: at,
      });
      continue;
    }
    if (service === "lambda" && destination.origin.kind === "resource-param" && destination.origin.resource === name) {
      diagnostics.push({ severity: "error", code: "reference", message: "a function cannot be its own destination", path: at });
    }
    config[property] = { Destination: destination.value };
    statements.push(statement);
    // Function ARNs are written from names (no implicit dependency), but Lambda checks that a
    // destination exists when the invoke configuration is created.
    if (destination.origin.kind === "resource-param" && destination.origin.resourceType === "function") {
      dependsOn.push(logicalIds.function(destination.origin.resource));
    }
  }
  return { config, statements, dependsOn };
}

export function renderFunction(ctx: RenderContext, name: string, fn: LambdaFunction, path: DefinitionPath): Fragment {
  const diagnostics: Diagnostic[] = [];
  const props = fn.properties;
  const functionId = logicalIds.function(name);
  const roleId = logicalIds.role(name);
  const physicalName = ctx.functionPhysicalName(name);
  const resources: Record<string, CfResource> = {};
  const statements: IamStatement[] = [];

  resources[roleId] = roleResource(["lambda.amazonaws.com"]);

  const dependsOn: string[] = [];
  if (!props.logging?.disabled) {
    const logGroupId = logicalIds.logGroup(name);
    const logGroupName = functionLogGroupName(physicalName);
    resources[logGroupId] = logGroupResource(logGroupName, props.logging?.retentionDays ?? DEFAULT_LOG_RETENTION_DAYS);
    statements.push(writeLogsStatement(logGroupName));
    // Created before the function so Lambda never creates it itself (without retention).
    dependsOn.push(logGroupId);
  }

  const properties: Record<string, CfValue> = {
    FunctionName: physicalName,
    Role: getAtt(roleId, "Arn"),
    ...functionCodeProperties(ctx, name, props.packaging, props.runtime, path, diagnostics),
    MemorySize: props.memory ?? DEFAULT_FUNCTION_MEMORY_MB,
    Timeout: props.timeout ?? DEFAULT_FUNCTION_TIMEOUT_SECONDS,
    Architectures: [props.architecture ?? DEFAULT_ARCHITECTURE],
  };
  if (props.storage !== undefined) properties.EphemeralStorage = { Size: props.storage };
  if (ctx.options.reconcileToken !== undefined) properties.Description = `Reconciled by Lambdaplane deployment ${ctx.options.reconcileToken}`;
  const variables = environmentVariables(ctx, fn, path, diagnostics);
  if (Object.keys(variables).length > 0) properties.Environment = { Variables: variables };
  if (props.reservedConcurrency !== undefined) properties.ReservedConcurrentExecutions = props.reservedConcurrency;
  if (props.joinDefaultVpc) {
    properties.VpcConfig = {
      SubnetIds: defaultVpcSubnetIds(),
      SecurityGroupIds: [ref(logicalIds.defaultVpcFunctionSecurityGroup())],
    };
    statements.push(vpcNetworkInterfaceStatement());
    Object.assign(resources, defaultVpcFunctionSecurityGroup());
  }
  if (props.tags?.length) properties.Tags = props.tags.map((t) => ({ Key: t.name, Value: t.value }));

  (props.accessControl?.allowAccessTo ?? []).forEach((target, i) => {
    statements.push(
      ...accessStatements(ctx, target, "allowAccessTo", [...path, "properties", "accessControl", "allowAccessTo", i], diagnostics),
    );
  });
  (props.connectTo ?? []).forEach((target, i) => {
    statements.push(...accessStatements(ctx, target, "connectTo", [...path, "properties", "connectTo", i], diagnostics));
  });

  const destinations = destinationConfig(ctx, name, fn, path, diagnostics);
  statements.push(...destinations.statements);
  statements.push(
    ...userRoleStatements(
      ctx,
      props.accessControl?.iamRoleStatements ?? [],
      [...path, "properties", "accessControl", "iamRoleStatements"],
      diagnostics,
    ),
  );

  resources[functionId] = {
    Type: "AWS::Lambda::Function",
    ...(dependsOn.length > 0 ? { DependsOn: dependsOn } : {}),
    Properties: properties,
  };

  const deployment = renderFunctionDeployment(
    ctx,
    name,
    fn,
    JSON.stringify([properties, fn.overrides?.[functionId] ?? null]),
    path,
  );
  Object.assign(resources, deployment.resources);
  diagnostics.push(...deployment.diagnostics);

  const target = ctx.functionTarget(name);
  if (Object.keys(destinations.config).length > 0) {
    const invokeConfig: CfResource = {
      Type: "AWS::Lambda::EventInvokeConfig",
      Properties: {
        FunctionName: ref(functionId),
        Qualifier: target.aliasName ?? "$LATEST",
        DestinationConfig: destinations.config,
      },
    };
    const waitFor = [...(target.aliasName !== undefined ? [logicalIds.alias(name)] : []), ...destinations.dependsOn];
    if (waitFor.length > 0) invokeConfig.DependsOn = waitFor;
    resources[logicalIds.eventInvokeConfig(name)] = invokeConfig;
  }

  const policyStatements: RoleStatement[] = [
    ...statements.map((statement) => ({ role: roleId, statement })),
    ...deployment.policyStatements,
  ];
  return fragment(path, {
    resources,
    policyStatements,
    outputs: {
      [logicalIds.output(name, "arn")]: { Description: `ARN of function ${name}`, Value: getAtt(functionId, "Arn") },
    },
    diagnostics,
  });
}
