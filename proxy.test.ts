import { NextRequest, type NextFetchEvent } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { proxy } from "./proxy";

// The proxy's gate: public files and the health endpoints pass without a session (load balancers and
// crawlers have none), pages redirect to the sign-in page. The headers are on both.

const event = { waitUntil: () => undefined } as unknown as NextFetchEvent;
const request = (path: string) => proxy(new NextRequest(`http://localhost:3000${path}`), event);

describe("proxy", () => {
  // next-auth's middleware needs the secret to read a session cookie at all.
  beforeAll(() => void vi.stubEnv("NEXTAUTH_SECRET", "proxy-test-secret"));

  it.each(["/robots.txt", "/icon.svg", "/api/health", "/api/ready"])("lets %s through without a session, with the security headers", async (path) => {
    const res = await request(path);
    expect(res.headers.get("location")).toBeNull();
    expect(res.headers.get("x-middleware-next")).toBe("1");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("sends a page request without a session to the sign-in page", async () => {
    const res = await request("/acme/stacks");
    expect(res.headers.get("location")).toMatch(/\/signin\?callbackUrl=/);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });
});
