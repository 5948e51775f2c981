import { describe, expect, it } from "vitest";
import { addressKey, rateLimitKey } from "./keys";

describe("rate-limit keys", () => {
  it("name the limit, the kind of subject and the subject", () => {
    expect(rateLimitKey("action", { kind: "user", value: "u1" })).toBe("action:user:u1");
    expect(rateLimitKey("apiToken", { kind: "token", value: "t1" })).toBe("apiToken:token:t1");
    expect(rateLimitKey("signIn", { kind: "address", value: "203.0.113.7" })).toBe("signIn:address:203.0.113.7");
  });

  it("keep limits apart for the same subject", () => {
    expect(rateLimitKey("signIn", { kind: "address", value: "203.0.113.7" })).not.toBe(rateLimitKey("ssoDiscovery", { kind: "address", value: "203.0.113.7" }));
  });

  it("count an IPv4-mapped IPv6 peer as its IPv4 address", () => {
    expect(addressKey("::ffff:203.0.113.7")).toBe("203.0.113.7");
  });

  it("count every address of one IPv6 /64 as one client, however it is written", () => {
    const a = addressKey("2001:db8:1:2::1");
    expect(addressKey("2001:0db8:0001:0002:ffff:ffff:ffff:ffff")).toBe(a);
    expect(addressKey("2001:DB8:1:2:abcd::9")).toBe(a);
    expect(a).toBe("2001:db8:1:2::/64");
    expect(addressKey("2001:db8:1:3::1")).not.toBe(a);
  });

  it("put everything that is not an IP address in one bucket, so garbage cannot mint fresh keys", () => {
    expect(addressKey("not-an-ip")).toBe("unparsable");
    expect(addressKey("<script>")).toBe("unparsable");
    expect(addressKey("unknown")).toBe("unparsable");
  });

  it("stay within the table's 255-character key column", () => {
    expect(rateLimitKey("stageQuery", { kind: "address", value: "x".repeat(10_000) }).length).toBeLessThan(255);
  });
});
