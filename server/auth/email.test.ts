import { describe, expect, it } from "vitest";
import { DOMAIN_LABEL_MAX, EMAIL_MAX, emailSchema } from "./email";

describe("emailSchema", () => {
  it("normalizes case and spaces", () => {
    expect(emailSchema.parse("  New@Acme.Test ")).toBe("new@acme.test");
  });

  it("refuses an address longer than 254 characters, saying so, and accepts one of exactly 254", () => {
    // Labels of 60 characters keep every label within the 63-character limit, so only the total length varies.
    const domain = `${"b".repeat(60)}.${"c".repeat(60)}.${"d".repeat(60)}.`;
    const at = (length: number) => `${"a".repeat(60)}@${domain}${"e".repeat(length - 60 - 1 - domain.length - 5)}.test`;
    expect(at(EMAIL_MAX)).toHaveLength(254);
    expect(emailSchema.safeParse(at(EMAIL_MAX)).success).toBe(true);
    const tooLong = emailSchema.safeParse(at(EMAIL_MAX + 1));
    expect(tooLong.success).toBe(false);
    expect(tooLong.error?.issues.map((i) => i.message)).toEqual(["An email address has at most 254 characters."]);
  });

  it("refuses a malformed address with the format message", () => {
    expect(emailSchema.safeParse("not-an-email").error?.issues.map((i) => i.message)).toEqual(["Enter a valid email address."]);
  });

  it("refuses a domain label longer than 63 characters, saying so, and accepts one of exactly 63", () => {
    const withLabel = (length: number) => `user@${"x".repeat(length)}.example.test`;
    expect(emailSchema.safeParse(withLabel(DOMAIN_LABEL_MAX)).success).toBe(true);
    const overlong = emailSchema.safeParse(withLabel(DOMAIN_LABEL_MAX + 1));
    expect(overlong.success).toBe(false);
    expect(overlong.error?.issues.map((i) => i.message)).toEqual(["Each part of an email domain between dots has at most 63 characters."]);
    expect(emailSchema.safeParse(`user@example.${"t".repeat(64)}`).success).toBe(false);
  });
});
