import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { guardedAgents, outboundRequest, type OutboundError } from "./outbound";

// The outbound guard against real listeners on 127.0.0.1 (a stand-in for any internal service).
// Loopback is refused unless LAMBDAPLANE_OUTBOUND_ALLOW names the listener, as tests and
// development do for their own peers.

interface Listener {
  server: Server;
  port: number;
  url: string;
  hits: string[];
}

async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<Listener> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(req.url ?? "");
    handler(req, res);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  return { server, port, url: `http://127.0.0.1:${port}`, hits };
}

let ok: Listener;
let secret: Listener;
let silent: Listener;
let huge: Listener;

const allow = (...entries: string[]) => {
  process.env.LAMBDAPLANE_OUTBOUND_ALLOW = entries.join(",");
};
const kind = (p: Promise<unknown>) => p.then(() => "answered", (e: OutboundError) => e.kind);
const options = { timeoutMs: 2000, maxBytes: 1024 };

beforeAll(async () => {
  secret = await listen((_req, res) => res.end("internal secret"));
  ok = await listen((req, res) => {
    if (req.url === "/redirect") return res.writeHead(302, { location: `${secret.url}/latest/meta-data/` }).end();
    res.end("hello");
  });
  silent = await listen(() => undefined);
  huge = await listen((_req, res) => {
    res.writeHead(200);
    const chunk = Buffer.alloc(64 * 1024, 120);
    let sent = 0;
    const pump = () => {
      while (sent < 200 && res.write(chunk)) sent++;
      if (sent < 200) res.once("drain", pump);
      else res.end();
    };
    pump();
  });
});
afterEach(() => {
  delete process.env.LAMBDAPLANE_OUTBOUND_ALLOW;
});
afterAll(async () => {
  guardedAgents.http.destroy();
  for (const l of [ok, secret, silent, huge]) {
    l.server.closeAllConnections();
    await new Promise((r) => l.server.close(r));
  }
});

describe("outboundRequest", () => {
  it("refuses a loopback listener without the allowlist, and reaches it with it", async () => {
    expect(await kind(outboundRequest(`${ok.url}/x`, options))).toBe("refused");
    expect(ok.hits).toEqual([]);
    allow(`127.0.0.1:${ok.port}`);
    const res = await outboundRequest(`${ok.url}/x`, options);
    expect(res.status).toBe(200);
    expect(res.body.toString()).toBe("hello");
  });

  it("refuses a host name that resolves to loopback", async () => {
    expect(await kind(outboundRequest(`http://localhost:${ok.port}/name`, options))).toBe("refused");
    expect(ok.hits).not.toContain("/name");
  });

  it("connects a name to the address it checked (localhost reaches the allowlisted 127.0.0.1, not ::1)", async () => {
    allow(`127.0.0.1:${ok.port}`);
    expect((await outboundRequest(`http://localhost:${ok.port}/via-name`, options)).status).toBe(200);
    expect(ok.hits).toContain("/via-name");
  });

  it.each([
    "http://169.254.169.254/latest/meta-data/",
    "http://[::ffff:169.254.169.254]/latest/meta-data/",
    "http://2130706433/",
    "http://0x7f.1/",
    "http://[::1]/",
    "http://[::ffff:127.0.0.1]/",
    "http://0.0.0.0/",
    "http://10.0.0.1/",
    "http://100.64.0.1/",
    "http://[fd00:ec2::254]/",
  ])("refuses %s before connecting", async (url) => {
    expect(await kind(outboundRequest(url, options))).toBe("refused");
  });

  it("refuses other schemes, credentials and fragments", async () => {
    for (const url of ["file:///etc/passwd", "http://a:b@example.com/", "http://example.com/#x"]) {
      expect(await kind(outboundRequest(url, options))).toBe("invalid_url");
    }
  });

  it("does not follow a redirect to an internal address", async () => {
    allow(`127.0.0.1:${ok.port}`, `127.0.0.1:${secret.port}`);
    const res = await outboundRequest(`${ok.url}/redirect`, options);
    expect(res.status).toBe(302);
    expect(secret.hits).toEqual([]);
  });

  it("caps the size of an answer", async () => {
    allow(`127.0.0.1:${huge.port}`);
    const started = Date.now();
    expect(await kind(outboundRequest(`${huge.url}/`, { timeoutMs: 5000, maxBytes: 100_000 }))).toBe("too_large");
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("caps the time of a call to a peer that never answers", async () => {
    allow(`127.0.0.1:${silent.port}`);
    const started = Date.now();
    expect(await kind(outboundRequest(`${silent.url}/`, { timeoutMs: 300, maxBytes: 1024 }))).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it("says only 'unreachable' for a closed port", async () => {
    allow("127.0.0.1:1");
    expect(await kind(outboundRequest("http://127.0.0.1:1/", options))).toBe("unreachable");
  });
});
