// Fixed addresses and fixtures shared by the e2e server (e2e/serve.ts) and the specs.
// The app runs on localhost and the IdP on 127.0.0.1 so their cookies never mix.
const appPort = Number(process.env.E2E_APP_PORT ?? 3100);
const idpPort = Number(process.env.E2E_IDP_PORT ?? 9400);

export const E2E = {
  appPort,
  idpPort,
  appUrl: `http://localhost:${appPort}`,
  idpIssuer: `http://127.0.0.1:${idpPort}`,
  database: "lambdaplane_e2e",
  secrets: {
    nextAuth: "e2e-nextauth-secret-not-for-production",
    encryptionKey: "0".repeat(63) + "1",
  },
  defaultClient: { id: "lambdaplane", secret: "lambdaplane-e2e-secret" },
  acme: {
    orgSlug: "acme",
    orgName: "Acme",
    ssoConnectionId: "e2e-acme-sso",
    client: { id: "acme-lambdaplane", secret: "acme-e2e-secret" },
    domain: "acme.test",
    defaultRole: "editor" as const,
  },
  globex: { orgSlug: "globex", orgName: "Globex" },
} as const;

export const USERS = {
  acmeOwner: "owner@acme.test",
  acmeViewer: "viewer@acme.test",
  globexOwner: "boss@globex.test",
} as const;
