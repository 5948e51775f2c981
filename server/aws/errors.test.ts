import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CloudWatchClient, GetMetricDataCommand } from "@aws-sdk/client-cloudwatch";
import { AccessDeniedException, ThrottlingException } from "@aws-sdk/client-cloudwatch-logs";
import { InvokeCommand, LambdaClient, ResourceNotFoundException, TooManyRequestsException } from "@aws-sdk/client-lambda";
import { ExpiredTokenException, GetCallerIdentityCommand, RegionDisabledException, STSClient } from "@aws-sdk/client-sts";
import { PrismaClientKnownRequestError } from "@prisma/client/runtime/client";
import { awsErrorCode, callName, INTERNALS, isTransientAwsError, missingIamAction, translateAwsError, type AwsCall } from "./errors";

// The SDK's own errors: its exception classes, and what real clients throw for what a local HTTP
// server answers (an HTML page, AWS-shaped error documents, a closed port). No AWS is involved.

let server: Server;
let endpoint: string;
/** What the local server answers next. */
let answer: { status: number; headers: IncomingHttpHeaders; body: string } = { status: 200, headers: {}, body: "" };

beforeAll(async () => {
  server = createServer((_req, res) => {
    res.writeHead(answer.status, answer.headers);
    res.end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const config = () => ({ endpoint, region: "eu-west-1", credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" }, maxAttempts: 1 });
const HTML = { headers: { "content-type": "text/html" }, body: "<!doctype html><html><body>Sign in to the corporate proxy</body></html>" };

async function thrown(send: () => Promise<unknown>): Promise<unknown> {
  try {
    await send();
  } catch (error) {
    return error;
  }
  throw new Error("the call succeeded");
}

const invoke = (): AwsCall => ({ action: "lambda:InvokeFunction", doing: "invoking shop-dev-api", endpoint });
const metadata = { httpStatusCode: 400, requestId: "req-1", attempts: 1, totalRetryDelay: 0 };

describe("translateAwsError", () => {
  it("says an endpoint answering a web page is not AWS, and keeps the SDK's deserialization text for the details", async () => {
    answer = { status: 500, ...HTML };
    const error = await thrown(() =>
      new CloudWatchClient(config()).send(new GetMetricDataCommand({ MetricDataQueries: [], StartTime: new Date(0), EndTime: new Date(60_000) })),
    );
    const p = translateAwsError(error, { action: "cloudwatch:GetMetricData", doing: "reading the metrics of shop-dev-api", endpoint });
    expect(p.kind).toBe("not-aws");
    expect(p.message).toBe(
      `CloudWatch GetMetricData failed while reading the metrics of shop-dev-api: the endpoint ${endpoint} answered HTTP 500 with something that is not an AWS response (a web page or malformed data). ` +
        "Check that the connection's endpoint override points at an AWS API or emulator that supports this call.",
    );
    expect(p.message).not.toMatch(INTERNALS);
    expect(p.details).toMatch(/Deserialization error/);
    expect(p.details).toContain("HTTP status 500");
  });

  it("says the same of an XML service (STS) that gets a page without an error code", async () => {
    answer = { status: 502, ...HTML };
    const error = await thrown(() => new STSClient(config()).send(new GetCallerIdentityCommand({})));
    const p = translateAwsError(error, { action: "sts:GetCallerIdentity", endpoint });
    expect(p.kind).toBe("not-aws");
    expect(p.message).toMatch(/^STS GetCallerIdentity failed: the endpoint .* answered HTTP 502 with something that is not an AWS response/);
  });

  it("names the IAM action AWS's denial names, and the call's own when it names none", async () => {
    answer = {
      status: 403,
      headers: { "content-type": "text/xml" },
      body: `<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>User: arn:aws:iam::1:user/u is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::2:role/lp</Message></Error><RequestId>r</RequestId></ErrorResponse>`,
    };
    const error = await thrown(() => new STSClient(config()).send(new GetCallerIdentityCommand({})));
    const p = translateAwsError(error, { action: "sts:GetCallerIdentity", doing: "assuming arn:aws:iam::2:role/lp", endpoint });
    expect(p).toMatchObject({ kind: "denied", status: 403 });
    expect(p.message).toMatch(/^STS GetCallerIdentity failed while assuming arn:aws:iam::2:role\/lp: access denied. The identity is missing the IAM permission sts:AssumeRole: grant it/);

    const bare = new AccessDeniedException({ message: "Access denied", $metadata: metadata });
    expect(translateAwsError(bare, { action: "logs:FilterLogEvents", doing: "reading the log group /aws/lambda/x" }).message).toBe(
      "CloudWatch Logs FilterLogEvents failed while reading the log group /aws/lambda/x: access denied. The identity is missing the IAM permission logs:FilterLogEvents: grant it in the role's (or user's) policy. AWS said: Access denied",
    );
  });

  it("explains throttling, an unknown function and expired credentials from the services' own exceptions", async () => {
    answer = { status: 429, headers: { "content-type": "application/json", "x-amzn-errortype": "TooManyRequestsException" }, body: JSON.stringify({ message: "Rate exceeded" }) };
    const throttled = await thrown(() => new LambdaClient(config()).send(new InvokeCommand({ FunctionName: "shop-dev-api" })));
    expect(throttled).toBeInstanceOf(TooManyRequestsException);
    expect(translateAwsError(throttled, invoke())).toMatchObject({ kind: "throttled", status: 429, message: expect.stringMatching(/throttling requests \(TooManyRequestsException\). Wait a moment and try again/) });
    expect(translateAwsError(new ThrottlingException({ message: "Rate exceeded", $metadata: metadata }), { action: "logs:StartLiveTail" }).kind).toBe("throttled");

    answer = { status: 404, headers: { "content-type": "application/json", "x-amzn-errortype": "ResourceNotFoundException" }, body: JSON.stringify({ Type: "User", Message: "Function not found: arn:aws:lambda:eu-west-1:1:function:shop-dev-api" }) };
    const missing = await thrown(() => new LambdaClient(config()).send(new InvokeCommand({ FunctionName: "shop-dev-api" })));
    expect(missing).toBeInstanceOf(ResourceNotFoundException);
    expect(translateAwsError(missing, invoke())).toMatchObject({
      kind: "not-found",
      status: 404,
      message: "Lambda InvokeFunction failed while invoking shop-dev-api: it does not exist (ResourceNotFoundException). It may have been deleted outside Lambdaplane: deploy the stage again. AWS said: Function not found: arn:aws:lambda:eu-west-1:1:function:shop-dev-api",
    });

    const expired = new ExpiredTokenException({ message: "The security token included in the request is expired", $metadata: metadata });
    expect(translateAwsError(expired, { action: "sts:GetCallerIdentity" }).message).toMatch(/credentials have expired \(ExpiredTokenException\). Renew/);
    expect(translateAwsError(new RegionDisabledException({ message: "x", $metadata: metadata }), { action: "sts:GetCallerIdentity" }).message).toMatch(/STS is not activated in this region/);
  });

  it("explains an unreachable endpoint, including when the code sits on the cause", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const refused = await thrown(() => new STSClient({ ...config(), endpoint: `http://127.0.0.1:${port}` }).send(new GetCallerIdentityCommand({})));
    expect(translateAwsError(refused, { action: "sts:GetCallerIdentity", endpoint: `http://127.0.0.1:${port}` })).toMatchObject({
      kind: "unreachable",
      message: `STS GetCallerIdentity failed: could not reach the endpoint http://127.0.0.1:${port}: the connection was refused (ECONNREFUSED). Check the connection's endpoint URL and that the service there is running.`,
    });
    const wrapped = Object.assign(new Error("fetch failed"), { cause: { code: "ENOTFOUND" } });
    expect(translateAwsError(wrapped, { action: "sts:GetCallerIdentity" }).message).toContain("could not reach AWS: the host name does not resolve");
  });

  it("explains an empty default chain and keys AWS does not know", () => {
    const chain = Object.assign(new Error("Could not load credentials from any providers"), { name: "CredentialsProviderError" });
    expect(translateAwsError(chain, { action: "sts:GetCallerIdentity" }).message).toMatch(/no AWS credentials were found.*default credential chain/);
    const unknownKey = Object.assign(new Error("The security token included in the request is invalid."), { name: "InvalidClientTokenId", $metadata: metadata });
    expect(translateAwsError(unknownKey, { action: "sts:GetCallerIdentity" }).message).toMatch(/does not recognise the access key \(InvalidClientTokenId\)/);
  });

  it("keeps AWS's message for anything else, but never the SDK's", () => {
    const invalid = Object.assign(new Error("Template format error: bad"), { name: "ValidationError", $fault: "client", $metadata: metadata });
    expect(translateAwsError(invalid, { action: "cloudformation:CreateChangeSet", doing: "creating a change set" }).message).toBe(
      "CloudFormation CreateChangeSet failed while creating a change set: ValidationError. AWS said: Template format error: bad",
    );
    const xml = Object.assign(new Error("@aws-sdk/xml-builder: XML parse error: unclosed tag"), { $metadata: { httpStatusCode: 200 } });
    const p = translateAwsError(xml, { action: "cloudformation:DescribeStacks" });
    expect(p.kind).toBe("not-aws");
    expect(p.message).not.toMatch(INTERNALS);
    expect(p.details).toContain("XML parse error");
  });

  it("says a busy database plainly, with Prisma's code but not its query in the details", () => {
    const busy = new PrismaClientKnownRequestError(
      "\nInvalid `prisma.deployment.update()` invocation:\n\nTransaction API error: Unable to start a transaction in the given time.",
      { code: "P2028", clientVersion: "7" },
    );
    expect(translateAwsError(busy, { action: "cloudformation:CreateChangeSet" })).toEqual({
      kind: "database",
      message: "The database was briefly unavailable; try again.",
      details: "PrismaClientKnownRequestError P2028: Transaction API error: Unable to start a transaction in the given time.",
      status: 503,
    });
  });
});

describe("missingIamAction", () => {
  it("finds the action AWS names", () => {
    expect(
      missingIamAction("User: arn:aws:sts::111122223333:assumed-role/dev/s is not authorized to perform: cloudformation:CreateChangeSet on resource: arn:aws:cloudformation:eu-west-1:111122223333:stack/x/*"),
    ).toBe("cloudformation:CreateChangeSet");
    expect(missingIamAction("User: arn:aws:iam::1:user/u is not authorized to perform sts:AssumeRole on resource: r")).toBe("sts:AssumeRole");
    expect(missingIamAction("Access Denied")).toBeUndefined();
  });
});

describe("awsErrorCode", () => {
  it("prefers the service code, then the network code", () => {
    expect(awsErrorCode(new ResourceNotFoundException({ message: "m", $metadata: metadata }))).toBe("ResourceNotFoundException");
    expect(awsErrorCode(Object.assign(new Error("x"), { code: "ECONNREFUSED" }))).toBe("ECONNREFUSED");
  });
});

describe("isTransientAwsError", () => {
  it("retries the network, throttling and server errors, not the caller's mistakes", () => {
    expect(isTransientAwsError(Object.assign(new Error("x"), { code: "ECONNRESET" }))).toBe(true);
    expect(isTransientAwsError(new ThrottlingException({ message: "Rate exceeded", $metadata: metadata }))).toBe(true);
    expect(isTransientAwsError(Object.assign(new Error("x"), { name: "InternalFailure", $metadata: { httpStatusCode: 500 } }))).toBe(true);
    expect(isTransientAwsError(new ResourceNotFoundException({ message: "no", $metadata: metadata }))).toBe(false);
    expect(isTransientAwsError(new AccessDeniedException({ message: "no", $metadata: { httpStatusCode: 403 } }))).toBe(false);
  });
});

describe("callName", () => {
  it("names the service and action, or the service alone where several calls could have failed", () => {
    expect(callName("logs:StartLiveTail")).toBe("CloudWatch Logs StartLiveTail");
    expect(callName("s3")).toBe("A call to S3");
    expect(translateAwsError(new AccessDeniedException({ message: "Access denied", $metadata: metadata }), { action: "cloudformation", doing: "creating the change set" }).message).toBe(
      "A call to CloudFormation failed while creating the change set: access denied. The identity is missing an IAM permission for this call to CloudFormation: grant it in the role's (or user's) policy. AWS said: Access denied",
    );
  });
});
