import { describe, expect, it } from "vitest";
import { errorForLog, redactSecrets } from "./error-for-log";

describe("errors as the server logs them", () => {
  it("drop everything after the first line: Prisma quotes the call's arguments there", () => {
    const e = new Error(
      'Invalid `prisma.ssoConnection.create()` invocation in\n/app/server/sso/mutations.ts:42:1\n\n  data: {\n    clientSecretEncrypted: "v1:abc",\n    clientId: "lp", secret: "top-secret"\n  }\nUnknown argument `secret`.',
    );
    const logged = errorForLog(e);
    expect(logged).toMatch(/^Error: Invalid `prisma\.ssoConnection\.create\(\)` invocation in\n/);
    expect(logged).not.toContain("top-secret");
    expect(logged).toContain("    at ");
  });

  it("keep the error's code", () => {
    expect(errorForLog(Object.assign(new Error("Unique constraint failed"), { name: "PrismaClientKnownRequestError", code: "P2002" }))).toMatch(
      /^PrismaClientKnownRequestError P2002: Unique constraint failed/,
    );
  });

  it("redact credentials in URLs and the secret shapes Lambdaplane handles", () => {
    const text = redactSecrets(
      "connect smtps://mailer:hunter2@smtp.example.com:465 failed; token lpt_AbC-123 whsec_xyz https://hooks.slack.com/services/T0/B0/s3cr3t clientSecret: 'sso-secret' password=pw1",
    );
    for (const secret of ["hunter2", "AbC-123", "whsec_xyz", "s3cr3t", "sso-secret", "pw1"]) expect(text).not.toContain(secret);
    expect(text).toContain("smtps://[redacted]@smtp.example.com:465");
  });

  it("say what was thrown when it is not an Error, without printing it", () => {
    expect(errorForLog({ clientSecret: "x" })).toBe("non-error thrown (object)");
  });
});
