import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signatureHeader, verifySignature } from "./signature";

describe("webhook signatures", () => {
  const body = '{"event":"deploy.succeeded"}';

  it("are HMAC-SHA256 over '<timestamp>.<body>', as the README tells receivers", () => {
    const expected = createHmac("sha256", "s3cret").update(`1700000000.${body}`).digest("hex");
    expect(signatureHeader("s3cret", body, 1700000000)).toBe(`t=1700000000,v1=${expected}`);
  });

  it("verify with the right secret and body within the tolerance only", () => {
    const header = signatureHeader("s3cret", body, 1700000000);
    expect(verifySignature("s3cret", body, header, 1700000100)).toBe(true);
    expect(verifySignature("other", body, header, 1700000100)).toBe(false);
    expect(verifySignature("s3cret", `${body} `, header, 1700000100)).toBe(false);
    expect(verifySignature("s3cret", body, header, 1700000301)).toBe(false);
    expect(verifySignature("s3cret", body, header.replace("t=1700000000", "t=1700000200"), 1700000200)).toBe(false);
    expect(verifySignature("s3cret", body, "garbage", 1700000000)).toBe(false);
    expect(verifySignature("s3cret", body, null, 1700000000)).toBe(false);
  });
});
