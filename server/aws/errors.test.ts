import { describe, expect, it } from "vitest";
import { awsErrorCode, describeAwsError, isTransientAwsError, missingIamAction } from "./errors";

// Shaped like the SDK's ServiceException: name and Code carry the service's error code.
const serviceError = (code: string, message: string) => Object.assign(new Error(message), { name: code, Code: code, $metadata: { httpStatusCode: 403 } });

describe("missingIamAction", () => {
  it("finds the action AWS names", () => {
    expect(
      missingIamAction("User: arn:aws:sts::111122223333:assumed-role/dev/s is not authorized to perform: cloudformation:CreateChangeSet on resource: arn:aws:cloudformation:eu-west-1:111122223333:stack/x/*"),
    ).toBe("cloudformation:CreateChangeSet");
    expect(missingIamAction("User: arn:aws:iam::1:user/u is not authorized to perform sts:AssumeRole on resource: r")).toBe("sts:AssumeRole");
    expect(missingIamAction("Access Denied")).toBeUndefined();
  });
});

describe("describeAwsError", () => {
  const doing = "calling sts:GetCallerIdentity";

  it("names the missing IAM permission", () => {
    const text = describeAwsError(
      serviceError("AccessDenied", "User: arn:aws:iam::1:user/u is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::2:role/lp"),
      { doing: "assuming arn:aws:iam::2:role/lp" },
    );
    expect(text).toContain("missing the IAM permission sts:AssumeRole");
    expect(text).toContain("assuming arn:aws:iam::2:role/lp");
  });

  it("names the IAM action the call needs when AWS's denial does not", () => {
    const text = describeAwsError(serviceError("AccessDeniedException", "Access denied"), { doing: "reading the log group /aws/lambda/x", iamAction: "logs:FilterLogEvents" });
    expect(text).toBe("Access denied while reading the log group /aws/lambda/x: the identity is missing the IAM permission logs:FilterLogEvents. AWS said: Access denied");
    const named = serviceError("AccessDeniedException", "User: u is not authorized to perform: logs:StartLiveTail on resource: r");
    expect(describeAwsError(named, { doing: "tailing", iamAction: "logs:FilterLogEvents" })).toContain("missing the IAM permission logs:StartLiveTail");
  });

  it("explains an unreachable endpoint, including when the code sits on the cause", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9"), { code: "ECONNREFUSED" });
    expect(describeAwsError(refused, { doing, endpoint: "http://127.0.0.1:9" })).toBe(
      "Could not reach the endpoint http://127.0.0.1:9 while calling sts:GetCallerIdentity: the connection was refused (ECONNREFUSED).",
    );
    const wrapped = Object.assign(new Error("fetch failed"), { cause: { code: "ENOTFOUND" } });
    expect(describeAwsError(wrapped, { doing })).toContain("AWS while calling sts:GetCallerIdentity: the host name does not resolve");
  });

  it("explains an empty default chain", () => {
    const e = Object.assign(new Error("Could not load credentials from any providers"), { name: "CredentialsProviderError" });
    expect(describeAwsError(e, { doing })).toMatch(/No AWS credentials were found.*default credential chain/);
  });

  it.each([
    ["InvalidClientTokenId", /does not recognise the access key/],
    ["SignatureDoesNotMatch", /secret key does not match/],
    ["ExpiredToken", /have expired/],
    ["RegionDisabledException", /STS is not activated in this region/],
  ])("maps %s", (code, pattern) => {
    expect(describeAwsError(serviceError(code, "x"), { doing })).toMatch(pattern);
  });

  it("keeps AWS's message for anything else", () => {
    expect(describeAwsError(serviceError("ValidationError", "Template format error: bad"), { doing: "creating a change set" })).toBe(
      "ValidationError while creating a change set: Template format error: bad",
    );
  });
});

describe("awsErrorCode", () => {
  it("prefers the service code, then the network code", () => {
    expect(awsErrorCode(serviceError("ValidationError", "m"))).toBe("ValidationError");
    expect(awsErrorCode(Object.assign(new Error("x"), { code: "ECONNREFUSED" }))).toBe("ECONNREFUSED");
  });
});

describe("isTransientAwsError", () => {
  it("retries the network, throttling and server errors, not the caller's mistakes", () => {
    expect(isTransientAwsError(Object.assign(new Error("x"), { code: "ECONNRESET" }))).toBe(true);
    expect(isTransientAwsError(serviceError("Throttling", "Rate exceeded"))).toBe(true);
    expect(isTransientAwsError(Object.assign(new Error("x"), { name: "InternalFailure", $metadata: { httpStatusCode: 500 } }))).toBe(true);
    expect(isTransientAwsError(serviceError("ValidationError", "bad"))).toBe(false);
    expect(isTransientAwsError(serviceError("AccessDenied", "no"))).toBe(false);
  });
});
