// The benchmark's stacks: N functions, each with an HTTP route on one shared HTTP API, an SQS
// trigger (its queue declared in cloudformationResources), an hourly schedule and a log group with
// 14-day retention. The same stack is built for Lambdaplane (a definition) and for AWS CDK (cdk.ts).
import { createHash } from "node:crypto";
import { analyzeStack, hasErrors, formatDiagnostic, type StackDefinition } from "@/lib/stack";
import type { RenderOptions } from "@/server/render";

export const REGION = "us-east-1";
export const ARTIFACTS_BUCKET = `lambdaplane-artifacts-${REGION}`;

export function functionName(i: number): string {
  return `fn${i}`;
}

/** Where each function's code would be: a key holding a hash, as the packager produces. */
export function artifactKey(i: number): string {
  const hash = createHash("sha256").update(functionName(i)).digest("hex").slice(0, 16);
  return `bench/${functionName(i)}/${hash}.zip`;
}

export function definitionYaml(functions: number): string {
  const lines = ["resources:", "  api:", "    type: http-api-gateway"];
  for (let i = 0; i < functions; i++) {
    lines.push(
      `  ${functionName(i)}:`,
      "    type: function",
      "    properties:",
      "      packaging:",
      "        type: stacktape-lambda-buildpack",
      "        properties:",
      "          entryfilePath: src/handler.ts",
      "      logging:",
      "        retentionDays: 14",
      "      events:",
      "        - type: http-api-gateway",
      "          properties:",
      "            httpApiGatewayName: api",
      `            path: /${functionName(i)}`,
      "            method: GET",
      "        - type: sqs",
      "          properties:",
      `            queueArn: $CfResourceParam('queue${i}', 'Arn')`,
      "        - type: schedule",
      "          properties:",
      "            scheduleRate: rate(1 hour)",
    );
  }
  lines.push("cloudformationResources:");
  for (let i = 0; i < functions; i++) lines.push(`  queue${i}:`, "    Type: AWS::SQS::Queue");
  return `${lines.join("\n")}\n`;
}

/** A parsed and validated definition; throws if the definition does not validate (a harness bug). */
export function benchDefinition(functions: number): StackDefinition {
  const { definition, diagnostics } = analyzeStack(definitionYaml(functions), { file: `bench-${functions}.yml` });
  if (!definition || hasErrors(diagnostics)) {
    throw new Error(`benchmark definition does not validate:\n${diagnostics.map(formatDiagnostic).join("\n")}`);
  }
  return definition;
}

export function benchRenderOptions(functions: number): RenderOptions {
  const artifacts: RenderOptions["artifacts"] = {};
  for (let i = 0; i < functions; i++) artifacts[functionName(i)] = { bucket: ARTIFACTS_BUCKET, key: artifactKey(i) };
  return { stackName: `bench${functions}`, stage: "dev", region: REGION, artifacts };
}
