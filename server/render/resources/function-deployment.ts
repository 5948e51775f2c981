// Published versions, the alias triggers invoke, provisioned concurrency, weighted routing and
// CodeDeploy traffic shifting for a function with `deployment` or `provisionedConcurrency`.
import type { Diagnostic } from "@/lib/stack/diagnostics";
import { codeDeployConfigName } from "@/lib/stack/defaults";
import type { LambdaFunction } from "@/lib/stack/schema";
import { getAtt, ref, sub, type CfResource, type CfValue } from "../cfn";
import type { RenderContext } from "../context";
import { functionAliasName } from "../context";
import type { DefinitionPath, RoleStatement } from "../fragment";
import { functionArnFromName } from "../function-arn";
import { allow, roleResource } from "../iam";
import { logicalIds, physicalNames, shortHash } from "../naming";

export interface DeploymentParts {
  resources: Record<string, CfResource>;
  policyStatements: RoleStatement[];
  diagnostics: Diagnostic[];
}

/**
 * @param configurationHashInput everything that defines the function's code and configuration;
 *   a change publishes a new version (old versions are retained: an alias may still route to them).
 */
export function renderFunctionDeployment(
  ctx: RenderContext,
  name: string,
  fn: LambdaFunction,
  configurationHashInput: string,
  path: DefinitionPath,
): DeploymentParts {
  const parts: DeploymentParts = { resources: {}, policyStatements: [], diagnostics: [] };
  const aliasName = functionAliasName(fn);
  if (aliasName === undefined) return parts;
  const { deployment, provisionedConcurrency } = fn.properties;
  const functionId = logicalIds.function(name);
  const versionId = logicalIds.version(name, shortHash(configurationHashInput, 10));
  const aliasId = logicalIds.alias(name);

  parts.resources[versionId] = {
    Type: "AWS::Lambda::Version",
    DeletionPolicy: "Retain",
    UpdateReplacePolicy: "Retain",
    Properties: { FunctionName: ref(functionId) },
  };

  const alias: Record<string, CfValue> = {
    FunctionName: ref(functionId),
    FunctionVersion: getAtt(versionId, "Version"),
    Name: aliasName,
  };
  if (provisionedConcurrency !== undefined) {
    alias.ProvisionedConcurrencyConfig = { ProvisionedConcurrentExecutions: provisionedConcurrency };
  }
  if (deployment?.weightedRouting) {
    if (deployment.strategy) {
      parts.diagnostics.push({
        severity: "error",
        code: "conflict",
        message: "CodeDeploy sets the alias weights while it shifts traffic: use either strategy or weightedRouting",
        path: [...path, "properties", "deployment", "weightedRouting"],
      });
    }
    alias.RoutingConfig = {
      AdditionalVersionWeights: [
        { FunctionVersion: deployment.weightedRouting.version, FunctionWeight: deployment.weightedRouting.weight },
      ],
    };
  }
  const aliasResource: CfResource = { Type: "AWS::Lambda::Alias", Properties: alias };

  if (deployment?.strategy) {
    const { stackName, stage } = ctx.options;
    const applicationId = logicalIds.codeDeployApplication();
    const serviceRoleId = logicalIds.codeDeployServiceRole();
    const groupId = logicalIds.deploymentGroup(name);
    const applicationName = physicalNames.codeDeployApplication(stackName, stage);
    const groupName = physicalNames.deploymentGroup(stackName, stage, name);
    const physicalName = ctx.functionPhysicalName(name);

    // Shared by every function with a strategy; the merge keeps one copy.
    parts.resources[applicationId] = {
      Type: "AWS::CodeDeploy::Application",
      Properties: { ApplicationName: applicationName, ComputePlatform: "Lambda" },
    };
    parts.resources[serviceRoleId] = roleResource(["codedeploy.amazonaws.com"]);
    parts.resources[groupId] = {
      Type: "AWS::CodeDeploy::DeploymentGroup",
      Properties: {
        ApplicationName: ref(applicationId),
        DeploymentGroupName: groupName,
        ServiceRoleArn: getAtt(serviceRoleId, "Arn"),
        DeploymentConfigName: codeDeployConfigName(deployment.strategy),
        DeploymentStyle: { DeploymentType: "BLUE_GREEN", DeploymentOption: "WITH_TRAFFIC_CONTROL" },
        AutoRollbackConfiguration: { Enabled: true, Events: ["DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_REQUEST"] },
      },
    };

    // Names, not references: the alias's update policy depends on the group, which depends on this role.
    parts.policyStatements.push({
      role: serviceRoleId,
      statement: allow(
        ["lambda:GetAlias", "lambda:UpdateAlias", "lambda:GetProvisionedConcurrencyConfig"],
        [functionArnFromName(physicalName, aliasName)],
      ),
    });

    const update: Record<string, CfValue> = { ApplicationName: ref(applicationId), DeploymentGroupName: ref(groupId) };
    const groupArn = sub(
      `arn:\${AWS::Partition}:codedeploy:\${AWS::Region}:\${AWS::AccountId}:deploymentgroup:${applicationName}/${groupName}`,
    );
    const hooks = [
      ["beforeAllowTrafficFunction", "BeforeAllowTrafficHook"],
      ["afterTrafficShiftFunction", "AfterAllowTrafficHook"],
    ] as const;
    for (const [key, property] of hooks) {
      const hook = deployment[key];
      if (hook === undefined) continue;
      if (!ctx.resourceOfType(hook, "function")) {
        parts.diagnostics.push({
          severity: "error",
          code: "reference",
          message: `'${hook}' is not a function resource of this stack`,
          path: [...path, "properties", "deployment", key],
        });
        continue;
      }
      const hookName = ctx.functionPhysicalName(hook);
      update[property] = hookName;
      parts.policyStatements.push(
        { role: serviceRoleId, statement: allow(["lambda:InvokeFunction"], [functionArnFromName(hookName)]) },
        {
          role: logicalIds.role(hook),
          statement: allow(["codedeploy:PutLifecycleEventHookExecutionStatus"], [groupArn]),
        },
      );
    }
    aliasResource.UpdatePolicy = { CodeDeployLambdaAliasUpdate: update };
  }

  parts.resources[aliasId] = aliasResource;
  return parts;
}
