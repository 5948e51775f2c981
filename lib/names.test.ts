import { describe, expect, it } from "vitest";
import { stackNameSchema } from "./names";

const message = (v: string) => {
  const r = stackNameSchema.safeParse(v);
  return r.success ? null : r.error.issues[0].message;
};

describe("stack names", () => {
  it("accepts CloudFormation-safe names and trims them", () => {
    expect(stackNameSchema.parse("  orders-api ")).toBe("orders-api");
  });
  it("explains each refusal", () => {
    expect(message("")).toBe("Name is required.");
    expect(message("   ")).toBe("Name is required.");
    expect(message("a".repeat(65))).toMatch(/at most 64/);
    expect(message("1api")).toMatch(/start with a letter/);
    expect(message("my_api")).toMatch(/letters, digits and hyphens/);
    expect(message("import")).toBe('"import" is reserved; choose another name.');
  });
});
