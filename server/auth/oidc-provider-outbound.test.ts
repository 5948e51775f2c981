import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
// next-auth's own OIDC library (its dependency; next-auth does not export its wrapper around it).
import { custom, Issuer } from "openid-client";
import { GuardedHttpAgent, GuardedHttpsAgent } from "@/server/net/guarded-connect";
import { INSTANCE_SETTINGS } from "@/server/instance/settings";
import { oidcProvider } from "./oidc-provider";

// next-auth's openid-client makes the discovery, JWKS, token and userinfo calls of an SSO sign-in:
// they must go through the outbound guard's agent, and an issuer saved with a `#` must not discover.
const settings = { id: "sso-x", name: "Acme", clientId: "c", clientSecret: "s" };

describe("oidcProvider's outbound calls", () => {
  it("hands openid-client the guarded agent for the issuer's scheme", () => {
    expect(oidcProvider({ ...settings, issuer: "https://idp.example.com" }).httpOptions?.agent).toBeInstanceOf(GuardedHttpsAgent);
    expect(oidcProvider({ ...settings, issuer: "http://idp.example.com" }).httpOptions?.agent).toBeInstanceOf(GuardedHttpAgent);
  });
  it("gives an issuer with a fragment or query no usable discovery URL", () => {
    expect(oidcProvider({ ...settings, issuer: "https://idp.example.com/" }).wellKnown).toBe("https://idp.example.com/.well-known/openid-configuration");
    expect(oidcProvider({ ...settings, issuer: "https://idp.example.com/admin/secret#" }).wellKnown).toBe("invalid:issuer");
    expect(oidcProvider({ ...settings, issuer: "https://idp.example.com/x?y=" }).wellKnown).toBe("invalid:issuer");
  });
});

// The attack: an organization's IdP (reachable, allowlisted here as a public IdP would be) whose
// discovery document points the token and JWKS endpoints at an internal service. next-auth's own
// OIDC library, set up as next-auth's callback route sets it up, must be refused there.
describe("openid-client calls made the way next-auth makes them", () => {
  const listen = async (handler: http.RequestListener) => {
    const server = http.createServer(handler);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
  };
  let idp: Awaited<ReturnType<typeof listen>>;
  let internal: Awaited<ReturnType<typeof listen>>;
  let internalHits = 0;

  beforeAll(async () => {
    internal = await listen((_req, res) => {
      internalHits++;
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ keys: [], access_token: "t", token_type: "Bearer" }));
    });
    idp = await listen((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" }).end(
        JSON.stringify({
          issuer: idp.origin,
          authorization_endpoint: `${idp.origin}/auth`,
          token_endpoint: `${internal.origin}/token`,
          jwks_uri: `${internal.origin}/jwks`,
        }),
      );
    });
  });
  afterEach(() => vi.unstubAllEnvs());
  afterAll(async () => {
    await new Promise((resolve) => idp.server.close(resolve));
    await new Promise((resolve) => internal.server.close(resolve));
  });

  /** What next-auth's openidClient() does with a provider: install its httpOptions, discover, make a client. */
  async function client() {
    const provider = oidcProvider({ ...settings, issuer: idp.origin });
    custom.setHttpOptionsDefaults(provider.httpOptions!);
    const issuer = await Issuer.discover(provider.wellKnown!);
    return new issuer.Client({ client_id: provider.clientId!, client_secret: provider.clientSecret!, redirect_uris: ["http://app.test/api/auth/callback/sso-x"] });
  }

  it("refuses token and JWKS endpoints at an internal address that discovery names", async () => {
    vi.stubEnv(INSTANCE_SETTINGS.outboundAllow, new URL(idp.origin).host);
    internalHits = 0;
    const c = await client();
    await expect(c.grant({ grant_type: "client_credentials" })).rejects.toThrow(/Refused to connect to 127\.0\.0\.1/);
    await expect((c.issuer as unknown as { reloadJwksUri(): Promise<void> }).reloadJwksUri()).rejects.toThrow(/Refused to connect to 127\.0\.0\.1/);
    expect(internalHits).toBe(0);
  });

  it("reaches them once the instance allowlists that address too (the refusal above is the guard's)", async () => {
    vi.stubEnv(INSTANCE_SETTINGS.outboundAllow, [new URL(idp.origin).host, new URL(internal.origin).host].join(","));
    internalHits = 0;
    const c = await client();
    await c.grant({ grant_type: "client_credentials" });
    expect(internalHits).toBe(1);
  });
});
