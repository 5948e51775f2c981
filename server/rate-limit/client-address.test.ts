import { afterEach, describe, expect, it } from "vitest";
import { addressFromForwardedFor, clientAddress } from "./client-address";

describe("addressFromForwardedFor", () => {
  it("ignores the header when no proxy is trusted: any client can write it", () => {
    expect(addressFromForwardedFor("198.51.100.1", 0)).toBeNull();
  });

  it("takes the entry the one trusted proxy appended, not what the client wrote before it", () => {
    expect(addressFromForwardedFor("1.1.1.1, 2.2.2.2, 203.0.113.7", 1)).toBe("203.0.113.7");
  });

  it("with two trusted proxies, takes the entry the outer proxy appended", () => {
    expect(addressFromForwardedFor("1.1.1.1, 203.0.113.7, 10.0.0.5", 2)).toBe("203.0.113.7");
  });

  it("uses the leftmost entry when a request passed fewer proxies than trusted", () => {
    expect(addressFromForwardedFor("203.0.113.7", 2)).toBe("203.0.113.7");
  });

  it("has no answer for a missing or empty header", () => {
    expect(addressFromForwardedFor(null, 1)).toBeNull();
    expect(addressFromForwardedFor(" , ", 1)).toBeNull();
  });
});

describe("clientAddress", () => {
  afterEach(() => {
    delete process.env.LAMBDAPLANE_TRUSTED_PROXY_HOPS;
  });

  it("does not let a client pick its address through X-Forwarded-For by default", () => {
    const headers = new Headers({ "x-forwarded-for": "198.51.100.1" });
    // Outside an HTTP request there is no TCP peer: the spoofed header is still not used.
    expect(clientAddress(headers)).toBe("unknown");
  });

  it("reads X-Forwarded-For as far as the operator trusts proxies", () => {
    process.env.LAMBDAPLANE_TRUSTED_PROXY_HOPS = "1";
    expect(clientAddress(new Headers({ "x-forwarded-for": "198.51.100.1, 203.0.113.7" }))).toBe("203.0.113.7");
  });

  it("refuses a malformed hop count, naming the setting", () => {
    process.env.LAMBDAPLANE_TRUSTED_PROXY_HOPS = "yes";
    expect(() => clientAddress(new Headers())).toThrow(/LAMBDAPLANE_TRUSTED_PROXY_HOPS must be a whole number/);
  });
});

describe("the TCP peer", () => {
  it("is a request's address whatever X-Forwarded-For it sends", async () => {
    const { createServer } = await import("node:http");
    const { trackPeerAddresses } = await import("./client-address");
    trackPeerAddresses();
    const server = createServer((req, res) => {
      // Later in the request's async context, as a route handler runs.
      setTimeout(() => res.end(clientAddress(new Headers(req.headers as Record<string, string>))), 5);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const port = (server.address() as { port: number }).port;
      const seen = await Promise.all(
        ["198.51.100.1", "198.51.100.2", ""].map(async (spoof) => (await fetch(`http://127.0.0.1:${port}/`, { headers: spoof ? { "x-forwarded-for": spoof } : {} })).text()),
      );
      expect(seen).toEqual(["127.0.0.1", "127.0.0.1", "127.0.0.1"]);
    } finally {
      server.close();
    }
  });
});
