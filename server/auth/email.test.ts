import { describe, expect, it } from "vitest";
import { EMAIL_MAX, emailSchema } from "./email";

describe("emailSchema", () => {
  it("normalizes case and spaces", () => {
    expect(emailSchema.parse("  New@Acme.Test ")).toBe("new@acme.test");
  });

  it("refuses an address longer than 254 characters, saying so, and accepts one of exactly 254", () => {
    const at = (length: number) => `${"a".repeat(60)}@${"b".repeat(length - 60 - 1 - 5)}.test`;
    expect(at(EMAIL_MAX)).toHaveLength(254);
    expect(emailSchema.safeParse(at(EMAIL_MAX)).success).toBe(true);
    const tooLong = emailSchema.safeParse(at(EMAIL_MAX + 1));
    expect(tooLong.success).toBe(false);
    expect(tooLong.error?.issues.map((i) => i.message)).toEqual(["An email address has at most 254 characters."]);
  });

  it("refuses a malformed address with the format message", () => {
    expect(emailSchema.safeParse("not-an-email").error?.issues.map((i) => i.message)).toEqual(["Enter a valid email address."]);
  });
});
