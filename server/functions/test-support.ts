// For tests only: a Lambda function with an SQS trigger in moto, created by CloudFormation as a deploy
// would create it (moto's Lambda needs the role and the queue to exist).
import { CloudFormationClient, CreateStackCommand, DescribeStacksCommand } from "@aws-sdk/client-cloudformation";
import { CreateBucketCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { strToU8, zipSync } from "fflate";
import { clientConfig } from "@/server/aws/clients";

export async function createFunctionOnMoto(endpoint: string, region: string, fn: { name: string; environment: Record<string, string> }): Promise<void> {
  const config = clientConfig({ credentialType: "default_chain", roleArn: null, externalId: null, endpoint }, region, { maxAttempts: 1 });
  const bucket = `lp-int-${fn.name}`;
  const s3 = new S3Client({ ...config, forcePathStyle: true });
  await s3.send(new CreateBucketCommand({ Bucket: bucket, CreateBucketConfiguration: { LocationConstraint: region as "eu-west-1" } }));
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: "code.zip", Body: zipSync({ "index.js": strToU8("exports.handler = async () => 1;\n") }) }));
  const template = {
    Resources: {
      Role: { Type: "AWS::IAM::Role", Properties: { AssumeRolePolicyDocument: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }] } } },
      Jobs: { Type: "AWS::SQS::Queue" },
      Fn: {
        Type: "AWS::Lambda::Function",
        Properties: {
          FunctionName: fn.name,
          Runtime: "nodejs22.x",
          Handler: "index.handler",
          MemorySize: 512,
          Timeout: 20,
          Role: { "Fn::GetAtt": ["Role", "Arn"] },
          Code: { S3Bucket: bucket, S3Key: "code.zip" },
          Environment: { Variables: fn.environment },
        },
      },
      Trigger: { Type: "AWS::Lambda::EventSourceMapping", Properties: { FunctionName: { Ref: "Fn" }, EventSourceArn: { "Fn::GetAtt": ["Jobs", "Arn"] }, BatchSize: 7 } },
    },
  };
  const cfn = new CloudFormationClient(config);
  await cfn.send(new CreateStackCommand({ StackName: fn.name, TemplateBody: JSON.stringify(template), Capabilities: ["CAPABILITY_IAM"] }));
  for (let i = 0; i < 100; i++) {
    const status = (await cfn.send(new DescribeStacksCommand({ StackName: fn.name }))).Stacks?.[0]?.StackStatus;
    if (status === "CREATE_COMPLETE") return;
    if (status && !status.endsWith("IN_PROGRESS")) throw new Error(`moto stack ${fn.name} ended ${status}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`moto stack ${fn.name} did not complete`);
}
