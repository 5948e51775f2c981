import Provider, { type ClientMetadata } from "oidc-provider";
import type { Server } from "node:http";

// A real OpenID Connect provider (npm oidc-provider) for the e2e tests: PKCE required, the
// built-in dev login form (any login, any password; the login is used as the email), and the
// email claim released in the ID token the way a configured company IdP would. A login starting
// "unverified." gets email_verified false.

export interface TestIdp {
  issuer: string;
  close: () => Promise<void>;
}

export async function startOidcProvider(opts: { port: number; clients: ClientMetadata[] }): Promise<TestIdp> {
  const issuer = `http://127.0.0.1:${opts.port}`;
  const provider = new Provider(issuer, {
    clients: opts.clients,
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true } },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    conformIdTokenClaims: false,
    cookies: { keys: ["lambdaplane-e2e-idp-cookie-key"] },
    async findAccount(_ctx, id) {
      return {
        accountId: id,
        async claims() {
          // Logins starting "unverified." stand for a person whose IdP has not verified the address.
          return { sub: id, email: id.toLowerCase(), email_verified: !id.startsWith("unverified."), name: id.split("@")[0] };
        },
      };
    },
  });
  const server: Server = await new Promise((resolve) => {
    const s = provider.listen(opts.port, "127.0.0.1", () => resolve(s));
  });
  return { issuer, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
