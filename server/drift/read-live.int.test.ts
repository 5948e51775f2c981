import { CloudFormationClient, CreateStackCommand, DescribeStacksCommand } from "@aws-sdk/client-cloudformation";
import { LambdaClient } from "@aws-sdk/client-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMoto, type MotoServer } from "@/e2e/moto/moto-server";
import type { CfTemplate } from "@/server/render/cfn";
import { physicalIdsOf, readLive } from "./read-live";

// readLive against a REAL moto server: what it reads of a deployed stack, and how many calls that takes.

const REGION = "eu-west-1";
const credentials = { accessKeyId: "x", secretAccessKey: "x" };
let moto: MotoServer;

const ROLE = {
  Type: "AWS::IAM::Role",
  Properties: {
    AssumeRolePolicyDocument: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }] },
  },
};
const FUNCTION = {
  Type: "AWS::Lambda::Function",
  Properties: { Runtime: "nodejs20.x", Handler: "index.handler", Role: { "Fn::GetAtt": ["Role", "Arn"] }, Code: { ZipFile: "exports.handler = async () => 1;" } },
};
/** What the deployed template says; the stack in moto has no permission, as if someone removed it outside. */
const PERMISSION = {
  Type: "AWS::Lambda::Permission",
  Properties: { Action: "lambda:InvokeFunction", FunctionName: { Ref: "Worker" }, Principal: "events.amazonaws.com" },
};

beforeAll(async () => {
  moto = await startMoto();
}, 60_000);

afterAll(async () => {
  await moto?.stop();
});

/** A Lambda client that counts the commands it sends, by name (the calls themselves go to moto). */
function countingLambda(): { lambda: LambdaClient; sent: Map<string, number> } {
  const lambda = new LambdaClient({ region: REGION, endpoint: moto.endpoint, credentials });
  const sent = new Map<string, number>();
  lambda.middlewareStack.add(
    (next, context) => (args) => {
      sent.set(context.commandName ?? "?", (sent.get(context.commandName ?? "?") ?? 0) + 1);
      return next(args);
    },
    { step: "initialize" },
  );
  return { lambda, sent };
}

describe("readLive", () => {
  it("reads a function whose resource policy is gone once: the policy's 'is the function there?' reuses that read", async () => {
    const cf = new CloudFormationClient({ region: REGION, endpoint: moto.endpoint, credentials });
    const deployed = { Resources: { Role: ROLE, Worker: FUNCTION } };
    await cf.send(new CreateStackCommand({ StackName: "read-live", TemplateBody: JSON.stringify(deployed), Capabilities: ["CAPABILITY_IAM"] }));
    const stack = await cf.send(new DescribeStacksCommand({ StackName: "read-live" }));
    expect(stack.Stacks?.[0]?.StackStatus).toBe("CREATE_COMPLETE");
    const physicalIds = await physicalIdsOf(cf, "read-live");
    expect(physicalIds.Worker).toBeTruthy();

    const { lambda, sent } = countingLambda();
    const template = { Resources: { Role: ROLE, Worker: FUNCTION, WorkerPermission: PERMISSION } } as unknown as CfTemplate;
    const live = await readLive(lambda, template, physicalIds);

    expect(live.functions.Worker?.configuration.FunctionName).toBe(physicalIds.Worker);
    // No policy is an empty list (the permission drifted), not a deleted function (null).
    expect(live.policies.Worker).toEqual([]);
    expect(sent.get("GetPolicyCommand")).toBe(1);
    expect(sent.get("GetFunctionCommand")).toBe(1);
  }, 60_000);
});
