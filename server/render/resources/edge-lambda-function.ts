// edge-lambda-function: a Lambda@Edge function and the published version CloudFront runs.
// Lambda@Edge functions live in us-east-1, are replicated to edge locations, cannot have
// environment variables, and log to `/aws/lambda/us-east-1.<name>` in whichever region ran them.
import type { Diagnostic } from "@/lib/stack/diagnostics";
import {
  DEFAULT_EDGE_MEMORY_MB,
  DEFAULT_EDGE_TIMEOUT_SECONDS,
  DEFAULT_LOG_RETENTION_DAYS,
} from "@/lib/stack/defaults";
import { EDGE_RUNTIMES, type EdgeLambdaFunction } from "@/lib/stack/schema";
import { getAtt, ref, sub, type CfResource, type CfValue } from "../cfn";
import type { RenderContext } from "../context";
import { accessStatements } from "../access-grants";
import { fragment, type DefinitionPath, type Fragment } from "../fragment";
import { allow, roleResource, type IamStatement } from "../iam";
import { logGroupResource } from "../log-group";
import { logicalIds, shortHash } from "../naming";
import { functionCodeProperties } from "./function-code";
import { userRoleStatements } from "./user-role-statements";

export const EDGE_REGION = "us-east-1";

const edgeLogGroupName = (physicalName: string) => `/aws/lambda/${EDGE_REGION}.${physicalName}`;

function edgeFunctionProperties(
  ctx: RenderContext,
  name: string,
  fn: EdgeLambdaFunction,
  path: DefinitionPath,
  diagnostics: Diagnostic[],
): Record<string, CfValue> {
  const props = fn.properties;
  const code = functionCodeProperties(ctx, name, props.packaging, props.runtime, path, diagnostics);
  if (typeof code.Runtime === "string" && !(EDGE_RUNTIMES as readonly string[]).includes(code.Runtime)) {
    diagnostics.push({
      severity: "error",
      code: "limit",
      message: `Lambda@Edge runs ${EDGE_RUNTIMES.join(", ")}; ${code.Runtime} is not supported`,
      path: [...path, "properties", props.runtime ? "runtime" : "packaging"],
    });
  }
  return {
    FunctionName: ctx.functionPhysicalName(name),
    Role: getAtt(logicalIds.role(name), "Arn"),
    ...code,
    MemorySize: props.memory ?? DEFAULT_EDGE_MEMORY_MB,
    Timeout: props.timeout ?? DEFAULT_EDGE_TIMEOUT_SECONDS,
  };
}

/** The logical id of the version CloudFront associates; it changes whenever the function does. */
export function edgeFunctionVersionId(ctx: RenderContext, name: string, fn: EdgeLambdaFunction): string {
  const properties = edgeFunctionProperties(ctx, name, fn, [], []);
  return logicalIds.version(name, shortHash(JSON.stringify([properties, fn.overrides?.[logicalIds.function(name)] ?? null]), 10));
}

export function renderEdgeLambdaFunction(
  ctx: RenderContext,
  name: string,
  fn: EdgeLambdaFunction,
  path: DefinitionPath,
): Fragment {
  const diagnostics: Diagnostic[] = [];
  const props = fn.properties;
  if (ctx.options.region !== EDGE_REGION) {
    diagnostics.push({
      severity: "error",
      code: "limit",
      message: `Lambda@Edge functions must be deployed in ${EDGE_REGION}; this stack targets ${ctx.options.region}`,
      path,
    });
  }
  const functionId = logicalIds.function(name);
  const roleId = logicalIds.role(name);
  const physicalName = ctx.functionPhysicalName(name);
  const statements: IamStatement[] = [];
  const resources: Record<string, CfResource> = {
    [roleId]: roleResource(["lambda.amazonaws.com", "edgelambda.amazonaws.com"]),
  };

  if (!props.logging?.disabled) {
    const logGroupName = edgeLogGroupName(physicalName);
    // Only the stack's own region gets a pre-created group with retention; Lambda@Edge creates
    // the group in each other region it runs in, so the role may create exactly that group.
    resources[logicalIds.logGroup(name)] = logGroupResource(
      logGroupName,
      props.logging?.retentionDays ?? DEFAULT_LOG_RETENTION_DAYS,
    );
    statements.push(
      allow(
        ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"],
        [sub(`arn:\${AWS::Partition}:logs:*:\${AWS::AccountId}:log-group:${logGroupName}:*`)],
      ),
    );
  }
  (props.connectTo ?? []).forEach((target, i) => {
    statements.push(...accessStatements(ctx, target, "connectTo", [...path, "properties", "connectTo", i], diagnostics));
  });
  statements.push(...userRoleStatements(ctx, props.iamRoleStatements ?? [], [...path, "properties", "iamRoleStatements"], diagnostics));

  resources[functionId] = {
    Type: "AWS::Lambda::Function",
    Properties: edgeFunctionProperties(ctx, name, fn, path, diagnostics),
  };
  const versionId = edgeFunctionVersionId(ctx, name, fn);
  resources[versionId] = {
    Type: "AWS::Lambda::Version",
    // CloudFront keeps replicas of associated versions; they are removed with the distribution, not here.
    DeletionPolicy: "Retain",
    UpdateReplacePolicy: "Retain",
    Properties: { FunctionName: ref(functionId) },
  };

  return fragment(path, {
    resources,
    policyStatements: statements.map((statement) => ({ role: roleId, statement })),
    outputs: {
      [logicalIds.output(name, "arn")]: { Description: `ARN of edge function ${name}`, Value: getAtt(functionId, "Arn") },
    },
    diagnostics,
  });
}
