import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, securityHeaders } from "./security-headers";

const directive = (csp: string, name: string) => csp.split("; ").find((d) => d.startsWith(`${name} `)) ?? "";

describe("security headers", () => {
  it("allow scripts only by the request's nonce, never inline or eval in production", () => {
    const csp = contentSecurityPolicy({ nonce: "abc123==", appUrl: "https://lp.example.com", development: false });
    expect(directive(csp, "script-src")).toBe("script-src 'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(directive(csp, "frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(directive(csp, "object-src")).toBe("object-src 'none'");
    expect(csp).toContain("upgrade-insecure-requests");
  });

  it("allow eval under next dev only", () => {
    expect(directive(contentSecurityPolicy({ nonce: "n", appUrl: undefined, development: true }), "script-src")).toContain("'unsafe-eval'");
  });

  it("send HSTS only when NEXTAUTH_URL is https", () => {
    expect(securityHeaders({ nonce: "n", appUrl: "https://lp.example.com", development: false })["Strict-Transport-Security"]).toBe("max-age=63072000; includeSubDomains");
    const plain = securityHeaders({ nonce: "n", appUrl: "http://localhost:3000", development: false });
    expect(plain["Strict-Transport-Security"]).toBeUndefined();
    expect(plain["Content-Security-Policy"]).not.toContain("upgrade-insecure-requests");
    expect(plain).toMatchObject({ "X-Content-Type-Options": "nosniff", "Referrer-Policy": "strict-origin-when-cross-origin", "X-Frame-Options": "DENY" });
  });

  it("use a new, unguessable nonce each time", () => {
    const a = newNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(newNonce()).not.toBe(a);
  });
});
