import { describe, expect, it } from "vitest";
import { challengeRecordName, ssoDomainSchema } from "./domain-name";

describe("ssoDomainSchema", () => {
  it("normalises a domain as typed by an admin", () => {
    expect(ssoDomainSchema.parse(" @Acme.co.uk")).toBe("acme.co.uk");
  });

  it.each(["not_a domain", "localhost", "acme", "-acme.com", "a".repeat(64) + ".com", "x".repeat(400)])("refuses %s, naming it", (input) => {
    const r = ssoDomainSchema.safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].message).toMatch(/is not a domain|at most 253/);
  });
});

describe("challengeRecordName", () => {
  it("puts the proof under the domain itself, so only its DNS owner can publish it", () => {
    expect(challengeRecordName("acme.com")).toBe("_lambdaplane-challenge.acme.com");
  });
});
