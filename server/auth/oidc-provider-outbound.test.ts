import { describe, expect, it } from "vitest";
import { GuardedHttpAgent, GuardedHttpsAgent } from "@/server/net/guarded-connect";
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
