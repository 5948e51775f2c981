import { describe, expect, it } from "vitest";
import { logsError } from "./filter-events";

// Shaped like the SDK's ServiceException for CloudWatch Logs errors (moto never rejects a pattern).
const serviceError = (code: string, message: string, status = 400) => Object.assign(new Error(message), { name: code, $metadata: { httpStatusCode: status } });

describe("logsError", () => {
  it("shows AWS's message for an invalid filter pattern, on the filter field", () => {
    const e = logsError(serviceError("InvalidParameterException", "Invalid filter pattern"), "reading the log group /aws/lambda/x", "logs:FilterLogEvents");
    expect(e).toMatchObject({ status: 400, field: "filterPattern", message: "Invalid filter pattern: Invalid filter pattern" });
  });
  it("names the missing IAM action on an access denial", () => {
    const e = logsError(serviceError("AccessDeniedException", "Access denied", 403), "reading the log group /aws/lambda/x", "logs:FilterLogEvents");
    expect(e.status).toBe(403);
    expect(e.message).toContain("missing the IAM permission logs:FilterLogEvents");
  });
  it("keeps other parameter errors off the filter field", () => {
    const e = logsError(serviceError("InvalidParameterException", "startTime is after endTime"), "reading", "logs:FilterLogEvents");
    expect(e).toMatchObject({ status: 502, field: undefined });
  });
});
