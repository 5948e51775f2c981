import { describe, expect, it } from "vitest";
import { grants } from "@/lib/tokens/scopes";
import { bearerToken, hashApiToken, newApiToken } from "./token";

describe("API tokens", () => {
  it("are random, marked, and kept as their sha256", () => {
    const a = newApiToken();
    const b = newApiToken();
    expect(a.token).toMatch(/^lpt_[A-Za-z0-9_-]{43}$/);
    expect(a.token).not.toBe(b.token);
    expect(a.tokenHash).toBe(hashApiToken(a.token));
    expect(a.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.token.startsWith(a.prefix)).toBe(true);
    expect(a.prefix).toHaveLength(10);
  });

  it("grant narrower scopes through wider ones, never the reverse", () => {
    expect(grants(["read"], "read")).toBe(true);
    expect(grants(["read"], "deploy")).toBe(false);
    expect(grants(["deploy"], "read")).toBe(true);
    expect(grants(["deploy"], "admin")).toBe(false);
    expect(grants(["admin"], "deploy")).toBe(true);
    // plan: read plus a change set never executed; deploy and admin include it, it includes only read.
    expect(grants(["plan"], "read")).toBe(true);
    expect(grants(["plan"], "deploy")).toBe(false);
    expect(grants(["read"], "plan")).toBe(false);
    expect(grants(["deploy"], "plan")).toBe(true);
    expect(grants(["admin"], "plan")).toBe(true);
    expect(grants(["bogus"], "read")).toBe(false);
    expect(grants([], "read")).toBe(false);
  });

  it("are read from a Bearer Authorization header only", () => {
    expect(bearerToken("Bearer lpt_abc")).toBe("lpt_abc");
    expect(bearerToken("bearer  lpt_abc ")).toBe("lpt_abc");
    expect(bearerToken("Basic dXNlcjpwdw==")).toBeNull();
    expect(bearerToken("Bearer")).toBeNull();
    expect(bearerToken(null)).toBeNull();
  });
});
