// The state a real deploy leaves behind, for the logs and test-invoke specs: the starter stack's
// rendered template created with CloudFormation in moto (its function and log group exist), and in
// the database a stage with a succeeded deployment of that revision. A second stage, "qa", has a
// succeeded deployment but nothing in AWS: its function has never written a log group.
import { readFileSync } from "node:fs";
import { CloudFormationClient, CreateStackCommand, DescribeStacksCommand } from "@aws-sdk/client-cloudformation";
import { CloudWatchClient, PutMetricDataCommand } from "@aws-sdk/client-cloudwatch";
import { CreateLogGroupCommand, CreateLogStreamCommand, CloudWatchLogsClient, PutLogEventsCommand, ResourceAlreadyExistsException } from "@aws-sdk/client-cloudwatch-logs";
import { CreateBucketCommand, PutObjectCommand, S3Client, type BucketLocationConstraint } from "@aws-sdk/client-s3";
import { zipSync, strToU8 } from "fflate";
import { parse as parseYaml } from "yaml";
import { renderStack, serializeTemplate } from "@/server/render";
import type { StackDefinition } from "@/lib/stack/schema";
import { STARTER_HANDLER, STARTER_HANDLER_PATH } from "@/server/stacks/starter";
import { withE2eDatabase } from "./db-fixtures";
import { E2E } from "./env";

/** A stack of Acme with the function `hello` deployed to moto, and the stages it has in the database. */
export interface DeployedStack {
  stack: string;
  stage: string;
  /** A second stage with a succeeded deployment but nothing in AWS, if any. */
  undeployedStage?: string;
  region: BucketLocationConstraint;
  functionName: string;
  logGroup: string;
  bucket: string;
  /** The deployed revision; the starter's function alone when left out. Its function must be `hello`. */
  yaml?: string;
}

export const DEPLOYED = {
  stack: "telemetry",
  stage: "dev",
  undeployedStage: "qa",
  region: "eu-west-1",
  functionName: "telemetry-dev-hello",
  logGroup: "/aws/lambda/telemetry-dev-hello",
  bucket: "lp-e2e-logs-artifacts",
} as const satisfies DeployedStack;

const credentials = { accessKeyId: "e2e", secretAccessKey: "e2e" };

// The starter's function without its HTTP API: moto skips ApiGatewayV2 resources, and a permission
// whose SourceArn names a skipped API fails the whole stack there.
const YAML = `resources:
  hello:
    type: function
    properties:
      packaging:
        type: stacktape-lambda-buildpack
        properties:
          entryfilePath: ${STARTER_HANDLER_PATH}
      memory: 256
      timeout: 10
`;

export function motoEndpoint(): string {
  return readFileSync(E2E.motoEndpointFile, "utf8").trim();
}

function aws() {
  const config = { region: DEPLOYED.region, endpoint: motoEndpoint(), credentials, maxAttempts: 1 };
  return {
    cfn: new CloudFormationClient(config),
    s3: new S3Client({ ...config, forcePathStyle: true }),
    logs: new CloudWatchLogsClient(config),
    cloudWatch: new CloudWatchClient(config),
  };
}

async function deployToMoto(definition: StackDefinition, target: DeployedStack): Promise<void> {
  const { cfn, s3 } = aws();
  const key = `${target.stack}/hello/code.zip`;
  await s3.send(new CreateBucketCommand({ Bucket: target.bucket, CreateBucketConfiguration: { LocationConstraint: target.region } }));
  await s3.send(new PutObjectCommand({ Bucket: target.bucket, Key: key, Body: zipSync({ "index.js": strToU8("exports.default = async () => ({ ok: true });\n") }) }));
  const rendered = renderStack(definition, { stackName: target.stack, stage: target.stage, region: target.region, artifacts: { hello: { bucket: target.bucket, key } } });
  const stackName = `${target.stack}-${target.stage}`;
  await cfn.send(new CreateStackCommand({ StackName: stackName, TemplateBody: serializeTemplate(rendered.template), Capabilities: ["CAPABILITY_IAM", "CAPABILITY_NAMED_IAM"] }));
  for (let i = 0; i < 100; i++) {
    const status = (await cfn.send(new DescribeStacksCommand({ StackName: stackName }))).Stacks?.[0]?.StackStatus;
    if (status === "CREATE_COMPLETE") return;
    if (status && !status.endsWith("IN_PROGRESS")) throw new Error(`moto stack ${stackName} ended ${status}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`moto stack ${stackName} did not complete`);
}

/** Sets the deployed stage up once per e2e server (moto and the database live as long as it). */
export async function setUpDeployedStage(target: DeployedStack = DEPLOYED): Promise<void> {
  await withE2eDatabase(async (prisma) => {
    const org = await prisma.organization.findUniqueOrThrow({ where: { slug: E2E.acme.orgSlug } });
    const existing = await prisma.stack.findFirst({ where: { organizationId: org.id, name: target.stack }, include: { stages: { where: { name: target.stage } } } });
    if (existing && existing.stages.length > 0) return;
    // Another spec's stack of the same name would leave this one without its stage and fail far away.
    if (existing) throw new Error(`e2e: the stack ${target.stack} exists without the stage ${target.stage}; give this deployed stack a name of its own`);
    const yaml = target.yaml ?? YAML;
    const revision = { number: 1, yaml, definition: parseYaml(yaml), code: { [STARTER_HANDLER_PATH]: STARTER_HANDLER }, message: "Deployed for the logs e2e" };
    await deployToMoto(parseYaml(revision.yaml) as StackDefinition, target);
    const stack = await prisma.stack.create({ data: { organizationId: org.id, name: target.stack, revisions: { create: revision } }, include: { revisions: true } });
    const connection = await prisma.awsConnection.create({
      data: { organizationId: org.id, name: `moto-${target.stack}`, defaultRegion: target.region, credentialType: "default_chain", endpoint: motoEndpoint() },
    });
    for (const name of target.undeployedStage ? [target.stage, target.undeployedStage] : [target.stage]) {
      await prisma.stage.create({
        data: {
          stackId: stack.id,
          name,
          region: target.region,
          awsConnectionId: connection.id,
          deployedStackName: target.stack,
          deployments: {
            create: { revisionId: stack.revisions[0].id, operation: "deploy", status: "succeeded", cfnStackName: `${target.stack}-${name}`, finishedAt: new Date() },
          },
        },
      });
    }
  });
}

/** Writes lines to the deployed function's log group, as Lambda would (one stream per call). */
export async function putLogLines(messages: string[], at = Date.now()): Promise<void> {
  await putLogEvents(DEPLOYED, messages.map((message, i) => ({ timestamp: at + i, message })));
}

/** Writes events to a deployed function's log group in one new stream (PutLogEvents takes 10,000 at most, in time order). */
export async function putLogEvents(target: DeployedStack, events: { timestamp: number; message: string }[]): Promise<void> {
  const { logs } = aws();
  const logStreamName = `2026/12/01/[$LATEST]e2e${Math.random().toString(16).slice(2)}`;
  // Lambda makes the group on a function's first log line when the stack did not (moto's stack may not).
  await logs.send(new CreateLogGroupCommand({ logGroupName: target.logGroup })).catch((e: unknown) => {
    if (!(e instanceof ResourceAlreadyExistsException)) throw e;
  });
  await logs.send(new CreateLogStreamCommand({ logGroupName: target.logGroup, logStreamName }));
  await logs.send(new PutLogEventsCommand({ logGroupName: target.logGroup, logStreamName, logEvents: events }));
}

/** A Duration datapoint of the deployed function (moto's invocations record none): moto then answers HTTP 500 to p50/p95. */
export async function putDurationDatapoint(at = Date.now()): Promise<void> {
  const datum = { MetricName: "Duration", Value: 120, Unit: "Milliseconds" as const, Timestamp: new Date(at), Dimensions: [{ Name: "FunctionName", Value: DEPLOYED.functionName }] };
  await aws().cloudWatch.send(new PutMetricDataCommand({ Namespace: "AWS/Lambda", MetricData: [datum] }));
}
