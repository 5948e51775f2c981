import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MAX_TOKEN_DAYS, MIN_TOKEN_DAYS, TOKEN_EXPIRY_CHOICES } from "./scopes";

describe("API token expiry bounds", () => {
  it("are the ones the README documents", () => {
    const readme = readFileSync(path.join(import.meta.dirname, "../../README.md"), "utf8");
    expect(MIN_TOKEN_DAYS).toBe(7);
    expect(MAX_TOKEN_DAYS).toBe(365);
    expect(readme).toContain("(7 days to a year)");
  });

  it("contain every choice the settings form offers, both bounds among them", () => {
    const days = TOKEN_EXPIRY_CHOICES.map((c) => c.days);
    expect(days.every((d) => d >= MIN_TOKEN_DAYS && d <= MAX_TOKEN_DAYS)).toBe(true);
    expect(days).toContain(MIN_TOKEN_DAYS);
    expect(days).toContain(MAX_TOKEN_DAYS);
  });
});
