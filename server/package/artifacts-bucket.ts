import "server-only";
import { CreateStackCommand, DescribeStacksCommand, type CloudFormationClient, type Stack } from "@aws-sdk/client-cloudformation";
import { awsErrorCode } from "@/server/aws/errors";

// The artifacts bucket of an account and region: created by a small CloudFormation stack the first
// time anything is deployed there, then found through that stack's output.

export const BOOTSTRAP_STACK_NAME = "lambdaplane-bootstrap";
const OUTPUT = "ArtifactsBucketName";

export const BOOTSTRAP_TEMPLATE = {
  AWSTemplateFormatVersion: "2010-09-09",
  Description: "Lambdaplane artifacts bucket: function code and large templates of the stacks deployed to this account and region",
  Resources: {
    ArtifactsBucket: {
      Type: "AWS::S3::Bucket",
      // CloudFormation rolls back to older code by its S3 key, so the artifacts outlive this stack.
      DeletionPolicy: "Retain",
      UpdateReplacePolicy: "Retain",
      Properties: {
        BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: "AES256" } }] },
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      },
    },
  },
  Outputs: { [OUTPUT]: { Description: "Bucket Lambdaplane uploads artifacts to", Value: { Ref: "ArtifactsBucket" } } },
};

const READY = new Set(["CREATE_COMPLETE", "UPDATE_COMPLETE", "UPDATE_ROLLBACK_COMPLETE"]);
const WORKING = new Set(["CREATE_IN_PROGRESS", "UPDATE_IN_PROGRESS", "UPDATE_COMPLETE_CLEANUP_IN_PROGRESS", "UPDATE_ROLLBACK_IN_PROGRESS", "UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS", "REVIEW_IN_PROGRESS"]);

async function describe(cf: CloudFormationClient): Promise<Stack | undefined> {
  try {
    return (await cf.send(new DescribeStacksCommand({ StackName: BOOTSTRAP_STACK_NAME }))).Stacks?.[0];
  } catch (error) {
    if (awsErrorCode(error) === "ValidationError" && /does not exist/.test((error as Error).message)) return undefined;
    throw error;
  }
}

export interface EnsureBucketOptions {
  region: string;
  pollMs?: number;
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Called once when the bootstrap stack is being created (for the deployment timeline). */
  onCreate?: () => Promise<void>;
}

/** The artifacts bucket's name, creating the bootstrap stack on first use and waiting for it. */
export async function ensureArtifactsBucket(cf: CloudFormationClient, options: EnsureBucketOptions): Promise<string> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const deadline = Date.now() + (options.timeoutMs ?? 10 * 60 * 1000);
  let created = false;
  for (;;) {
    const stack = await describe(cf);
    if (!stack && !created) {
      created = true;
      await options.onCreate?.();
      try {
        await cf.send(new CreateStackCommand({ StackName: BOOTSTRAP_STACK_NAME, TemplateBody: JSON.stringify(BOOTSTRAP_TEMPLATE) }));
      } catch (error) {
        // Another deployment to the same account and region got there first: wait for its stack.
        if (awsErrorCode(error) !== "AlreadyExistsException") throw error;
      }
      continue;
    }
    const status = stack?.StackStatus ?? "";
    if (stack && READY.has(status)) {
      const bucket = stack.Outputs?.find((o) => o.OutputKey === OUTPUT)?.OutputValue;
      if (!bucket) throw new Error(`The stack ${BOOTSTRAP_STACK_NAME} in ${options.region} has no ${OUTPUT} output: delete it so Lambdaplane can create it again.`);
      return bucket;
    }
    if (stack && !WORKING.has(status)) {
      throw new Error(
        `The stack ${BOOTSTRAP_STACK_NAME} in ${options.region} is ${status}${stack.StackStatusReason ? ` (${stack.StackStatusReason})` : ""}: delete it in CloudFormation, then deploy again.`,
      );
    }
    if (Date.now() > deadline) throw new Error(`The stack ${BOOTSTRAP_STACK_NAME} in ${options.region} is still ${status || "being created"}; giving up waiting.`);
    await sleep(options.pollMs ?? 3000);
  }
}
