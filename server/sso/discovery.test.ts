import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkDiscovery } from "./discovery";

// A real HTTP server on loopback plays the IdP's discovery endpoint in its good and broken forms.
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const issuer = `${base}${req.url!.replace("/.well-known/openid-configuration", "")}`;
    const ok = { issuer, authorization_endpoint: `${issuer}/auth`, token_endpoint: `${issuer}/token`, jwks_uri: `${issuer}/jwks` };
    if (req.url === "/good/.well-known/openid-configuration") return res.end(JSON.stringify(ok));
    if (req.url === "/html/.well-known/openid-configuration") return res.end("<html>login</html>");
    if (req.url === "/partial/.well-known/openid-configuration") return res.end(JSON.stringify({ issuer, authorization_endpoint: "x" }));
    if (req.url === "/other/.well-known/openid-configuration") return res.end(JSON.stringify({ ...ok, issuer: "https://elsewhere.example" }));
    res.statusCode = 404;
    res.end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe("issuer discovery check", () => {
  it("accepts a valid document, with or without a trailing slash", async () => {
    expect(await checkDiscovery(`${base}/good/`)).toEqual({ ok: true, issuer: `${base}/good` });
  });
  it.each([
    ["/missing", /answered HTTP 404/],
    ["/html", /did not return JSON/],
    ["/partial", /missing token_endpoint, jwks_uri/],
    ["/other", /names issuer "https:\/\/elsewhere.example"/],
  ])("explains what is wrong with %s", async (path, message) => {
    const r = await checkDiscovery(`${base}${path}`);
    expect(r.ok).toBe(false);
    expect(r.ok ? "" : r.message).toMatch(message);
  });
  it("explains an unreachable issuer", async () => {
    const r = await checkDiscovery("http://127.0.0.1:1/idp");
    expect(r.ok ? "" : r.message).toMatch(/unreachable/);
  });
});
