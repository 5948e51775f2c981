import { describe, expect, it } from "vitest";
import { checkOutboundUrl } from "./outbound-url";

describe("checkOutboundUrl", () => {
  it("accepts http and https URLs with a path and query", () => {
    expect(checkOutboundUrl("https://hooks.example.com/a/b?x=1").ok).toBe(true);
    expect(checkOutboundUrl("http://example.com").ok).toBe(true);
  });
  it.each([
    ["ftp://example.com/", "must start with https:// or http://"],
    ["file:///etc/passwd", "must start with https:// or http://"],
    ["gopher://127.0.0.1:6379/_INFO", "must start with https:// or http://"],
    ["https://user:pw@example.com/", "must not contain a user name or password"],
    ["https://example.com/x#frag", "must not contain a fragment (#)"],
    ["https://example.com/x#", "must not contain a fragment (#)"],
    ["example.com/x", "must be an absolute URL such as https://example.com/path"],
  ])("refuses %s", (url, problem) => {
    expect(checkOutboundUrl(url)).toEqual({ ok: false, problem });
  });
  it("refuses a query where the rules say so (an SSO issuer)", () => {
    expect(checkOutboundUrl("https://idp.example.com/?a=b", { query: false })).toEqual({ ok: false, problem: "must not contain a query (?)" });
    expect(checkOutboundUrl("https://idp.example.com/?", { query: false })).toEqual({ ok: false, problem: "must not contain a query (?)" });
  });
});
