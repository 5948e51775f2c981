// Fixed addresses and fixtures shared by the e2e server (e2e/serve.ts) and the specs.
// The app runs on localhost and the IdP on 127.0.0.1 so their cookies never mix.
const appPort = Number(process.env.E2E_APP_PORT ?? 3100);
// A second `next start` of the same build with AUTH_DEV_LOGIN=1, for the specs about that sign-in.
const devAppPort = appPort + 1;
const idpPort = Number(process.env.E2E_IDP_PORT ?? 9400);

export const E2E = {
  appPort,
  devAppPort,
  idpPort,
  /** Where deploy.spec starts its scripted CloudFormation double: the e2e server's outbound allowlist names it. */
  cfnDoublePort: idpPort + 1,
  appUrl: `http://localhost:${appPort}`,
  devAppUrl: `http://localhost:${devAppPort}`,
  /** Where e2e/serve.ts writes the database URL, for specs that must age or inspect rows. */
  databaseUrlFile: "e2e/.state/database-url",
  /** Where e2e/serve.ts writes the endpoint of the moto AWS emulator it started. */
  motoEndpointFile: "e2e/.state/moto-endpoint",
  /** The TXT records the e2e DNS server (started by e2e/serve.ts) answers with; see e2e/dns-zone.ts. */
  dnsZoneFile: "e2e/.state/dns-zone.json",
  idpIssuer: `http://127.0.0.1:${idpPort}`,
  // Overridable so that several checkouts can run their e2e suites against one PostgreSQL server.
  database: process.env.E2E_DATABASE ?? "lambdaplane_e2e",
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
  initech: {
    orgSlug: "initech",
    orgName: "Initech",
    ssoConnectionId: "e2e-initech-sso",
    client: { id: "initech-lambdaplane", secret: "initech-e2e-secret" },
    domain: "initech.test",
  },
} as const;

export const USERS = {
  acmeOwner: "owner@acme.test",
  acmeViewer: "viewer@acme.test",
  globexOwner: "boss@globex.test",
  initechOwner: "owner@initech.test",
  initechMember: "milton@initech.test",
} as const;
