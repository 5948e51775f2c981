import { describe, expect, it } from "vitest";
import { AwsCallError } from "@/server/aws/errors";
import { logsError } from "./filter-events";

// Shaped like the SDK's ServiceException for CloudWatch Logs errors (moto never rejects a pattern).
const serviceError = (code: string, message: string, status = 400) => Object.assign(new Error(message), { name: code, $metadata: { httpStatusCode: status } });

describe("logsError", () => {
  it("shows AWS's message for an invalid filter pattern, on the filter field", () => {
    const e = logsError(serviceError("InvalidParameterException", "Invalid filter pattern"), "reading the log group /aws/lambda/x", "logs:FilterLogEvents");
    expect(e).toMatchObject({ status: 400, field: "filter", message: "Invalid filter pattern." });
  });
  it("puts CloudWatch's other pattern refusals on the filter field too, saying it is the filter pattern", () => {
    const term = logsError(serviceError("InvalidParameterException", "Invalid character(s) in term '?'"), "reading", "logs:FilterLogEvents");
    expect(term).toMatchObject({ status: 400, field: "filter", message: "Invalid filter pattern: Invalid character(s) in term '?'" });
    const brace = logsError(serviceError("InvalidParameterException", "If a filter pattern starts with '{' it must end with '}'"), "reading", "logs:FilterLogEvents");
    expect(brace).toMatchObject({ status: 400, field: "filter", message: "Invalid filter pattern: If a filter pattern starts with '{' it must end with '}'" });
    const tail = logsError(serviceError("InvalidParameterException", "Invalid filter pattern: Invalid character(s) in term '\"\"'"), "tailing", "logs:StartLiveTail");
    expect(tail).toMatchObject({ status: 400, field: "filter", message: "Invalid filter pattern: Invalid character(s) in term '\"\"'" });
  });
  it("names the missing IAM action on an access denial", () => {
    const e = logsError(serviceError("AccessDeniedException", "Access denied", 403), "reading the log group /aws/lambda/x", "logs:FilterLogEvents");
    expect(e.status).toBe(403);
    expect(e.message).toContain("missing the IAM permission logs:FilterLogEvents");
  });
  it("keeps other parameter errors off the filter field", () => {
    const e = logsError(serviceError("InvalidParameterException", "startTime is after endTime"), "reading", "logs:FilterLogEvents");
    expect(e).toBeInstanceOf(AwsCallError);
    expect(e).toMatchObject({ status: 502, message: expect.stringMatching(/^CloudWatch Logs FilterLogEvents failed while reading: InvalidParameterException. AWS said: startTime is after endTime$/) });
  });
});
