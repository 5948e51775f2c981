// The benchmark stack in AWS CDK: the same resources as stacks.ts (Function, LogGroup, an HTTP API
// route with a Lambda integration, an SQS event source, an events Rule), synthesized in-process.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { App, Duration, Stack } from "aws-cdk-lib";
import { HttpApi, HttpMethod } from "aws-cdk-lib/aws-apigatewayv2";
import { HttpLambdaIntegration } from "aws-cdk-lib/aws-apigatewayv2-integrations";
import { Rule, Schedule } from "aws-cdk-lib/aws-events";
import { LambdaFunction } from "aws-cdk-lib/aws-events-targets";
import { Code, Function as LambdaFn, Runtime } from "aws-cdk-lib/aws-lambda";
import { SqsEventSource } from "aws-cdk-lib/aws-lambda-event-sources";
import { LogGroup, RetentionDays } from "aws-cdk-lib/aws-logs";
import { Bucket } from "aws-cdk-lib/aws-s3";
import { Queue } from "aws-cdk-lib/aws-sqs";
import { ARTIFACTS_BUCKET, REGION, artifactKey, functionName } from "./stacks";

/**
 * Builds and synthesizes the stack; returns its resource count. Synthesis writes the cloud assembly
 * to a temporary directory (that is how CDK synthesizes), removed afterwards.
 */
export function synthesizeWithCdk(functions: number): number {
  const outdir = mkdtempSync(path.join(tmpdir(), "lp-bench-cdk-"));
  try {
    const app = new App({
      outdir,
      builtinCloudFormationValidation: false,
      // Lambdaplane splits big stacks into nested stacks; CDK would refuse past 500 resources.
      context: { "@aws-cdk/core:stackResourceLimit": 0 },
    });
    const stack = new Stack(app, `bench${functions}`, { env: { region: REGION } });
    const api = new HttpApi(stack, "api");
    const artifacts = Bucket.fromBucketName(stack, "artifacts", ARTIFACTS_BUCKET);
    for (let i = 0; i < functions; i++) {
      const name = functionName(i);
      const logGroup = new LogGroup(stack, `${name}LogGroup`, { retention: RetentionDays.TWO_WEEKS });
      const fn = new LambdaFn(stack, name, {
        runtime: Runtime.NODEJS_22_X,
        handler: "index.handler",
        code: Code.fromBucket(artifacts, artifactKey(i)),
        logGroup,
      });
      api.addRoutes({ path: `/${name}`, methods: [HttpMethod.GET], integration: new HttpLambdaIntegration(`${name}Integration`, fn) });
      fn.addEventSource(new SqsEventSource(new Queue(stack, `queue${i}`)));
      new Rule(stack, `${name}Schedule`, { schedule: Schedule.rate(Duration.hours(1)), targets: [new LambdaFunction(fn)] });
    }
    const assembly = app.synth();
    const template = assembly.getStackByName(stack.stackName).template as { Resources: Record<string, unknown> };
    return Object.keys(template.Resources).length;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
