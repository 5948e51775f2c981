import { createServer, type Server } from "node:http";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { checkDiscovery } from "./discovery";

// A real HTTP server on loopback plays the IdP's discovery endpoint in its good and broken forms.
// Loopback is refused by the outbound guard unless LAMBDAPLANE_OUTBOUND_ALLOW names it.
let server: Server;
let base: string;
let port: number;
const hits: string[] = [];
const allowIdp = () => {
  process.env.LAMBDAPLANE_OUTBOUND_ALLOW = `127.0.0.1:${port}`;
};

beforeAll(async () => {
  server = createServer((req, res) => {
    hits.push(req.url!);
    const issuer = `${base}${req.url!.replace("/.well-known/openid-configuration", "")}`;
    const ok = { issuer, authorization_endpoint: `${issuer}/auth`, token_endpoint: `${issuer}/token`, jwks_uri: `${issuer}/jwks` };
    if (req.url === "/good/.well-known/openid-configuration") return res.end(JSON.stringify(ok));
    if (req.url === "/html/.well-known/openid-configuration") return res.end("<html>login</html>");
    if (req.url === "/partial/.well-known/openid-configuration") return res.end(JSON.stringify({ issuer, authorization_endpoint: "x" }));
    if (req.url === "/other/.well-known/openid-configuration") return res.end(JSON.stringify({ ...ok, issuer: "https://elsewhere.example" }));
    if (req.url === "/huge/.well-known/openid-configuration") return res.end(JSON.stringify({ ...ok, padding: "x".repeat(300 * 1024) }));
    res.statusCode = 404;
    res.end("secret internal page");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as { port: number }).port;
  base = `http://127.0.0.1:${port}`;
});
afterEach(() => {
  delete process.env.LAMBDAPLANE_OUTBOUND_ALLOW;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe("issuer discovery check", () => {
  it("accepts a valid document, with or without a trailing slash", async () => {
    allowIdp();
    expect(await checkDiscovery(`${base}/good/`)).toEqual({ ok: true, issuer: `${base}/good` });
  });
  it.each([
    ["/missing", /answered HTTP 404; check the issuer URL\.$/],
    ["/html", /did not return a JSON object/],
    ["/partial", /missing token_endpoint, jwks_uri/],
    ["/other", /^The discovery document names a different issuer/],
    ["/huge", /answered with more than 256 KB/],
  ])("explains what is wrong with %s, echoing nothing it answered", async (path, message) => {
    allowIdp();
    const r = await checkDiscovery(`${base}${path}`);
    expect(r.ok).toBe(false);
    expect(r.ok ? "" : r.message).toMatch(message);
    expect(r.ok ? "" : r.message).not.toMatch(/secret internal page|elsewhere|<html>/);
  });
  it("explains an unreachable issuer without naming the network error", async () => {
    process.env.LAMBDAPLANE_OUTBOUND_ALLOW = "127.0.0.1:1";
    expect(await checkDiscovery("http://127.0.0.1:1/idp")).toEqual({ ok: false, message: "http://127.0.0.1:1/idp/.well-known/openid-configuration is unreachable." });
  });
  it("refuses an issuer on a loopback, private or metadata address before any request", async () => {
    const before = hits.length;
    for (const issuer of [`${base}/good`, `http://localhost:${port}/good`, "http://169.254.169.254/latest", "http://[::ffff:127.0.0.1]:1/x"]) {
      const r = await checkDiscovery(issuer);
      expect(r.ok ? "" : r.message).toMatch(/was refused: the address is private/);
    }
    expect(hits.length).toBe(before);
  });
  it("refuses an issuer with a fragment or query, which would make discovery GET another path", async () => {
    allowIdp();
    const before = hits.length;
    expect(await checkDiscovery(`${base}/admin/secret#`)).toEqual({ ok: false, message: "The issuer URL must not contain a fragment (#)." });
    expect(await checkDiscovery(`${base}/admin?x=`)).toEqual({ ok: false, message: "The issuer URL must not contain a query (?)." });
    expect(hits.length).toBe(before);
  });
});
