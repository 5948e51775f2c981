// Everything the e2e specs talk to, in one process Playwright starts and stops: a fresh database
// (on DATABASE_URL's server, or the embedded PostgreSQL), the OIDC identity provider, the moto AWS
// emulator, and the production build under `next start`. Run with `tsx --conditions=react-server` (server modules
// import "server-only").
import { spawn } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/server/db/generated/client";
import { startDatabaseServer } from "@/server/db/database-server";
import { quoteIdent, withDatabase } from "@/server/db/database-url";
import { applyMigrations } from "@/server/db/migrate";
import { startTestDnsServer } from "@/server/sso/test-dns-server";
import { zoneFileAnswer } from "./dns-zone";
import { E2E } from "./env";
import { seedE2e } from "./fixtures";
import { startOidcProvider } from "./idp/oidc-server";
import { startMoto } from "./moto/moto-server";

const log = (m: string) => console.log(`[e2e] ${m}`);

async function recreateDatabase(serverUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${quoteIdent(name)}`);
  } finally {
    await admin.end();
  }
  return withDatabase(serverUrl, name);
}

const server = await startDatabaseServer(log);
const databaseUrl = await recreateDatabase(server.databaseUrl, E2E.database);
await applyMigrations(databaseUrl);
const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
process.env.LAMBDAPLANE_ENCRYPTION_KEY = E2E.secrets.encryptionKey;
await seedE2e(prisma);
await prisma.$disconnect();
log("database ready and seeded");

mkdirSync(path.dirname(E2E.databaseUrlFile), { recursive: true });
writeFileSync(E2E.databaseUrlFile, databaseUrl);
const moto = await startMoto();
writeFileSync(E2E.motoEndpointFile, moto.endpoint);
log(`moto at ${moto.endpoint}`);
// The resolver SSO domain verification asks (LAMBDAPLANE_DNS_SERVERS), with an empty zone at start.
rmSync(E2E.dnsZoneFile, { force: true });
const dns = await startTestDnsServer(zoneFileAnswer);
log(`DNS server at ${dns.address}`);

const callbacks = (provider: string) => [E2E.appUrl, E2E.devAppUrl].map((origin) => `${origin}/api/auth/callback/${provider}`);
const idp = await startOidcProvider({
  port: E2E.idpPort,
  clients: [
    { client_id: E2E.defaultClient.id, client_secret: E2E.defaultClient.secret, redirect_uris: callbacks("oidc") },
    { client_id: E2E.acme.client.id, client_secret: E2E.acme.client.secret, redirect_uris: callbacks(`sso-${E2E.acme.ssoConnectionId}`) },
    { client_id: E2E.initech.client.id, client_secret: E2E.initech.client.secret, redirect_uris: callbacks(`sso-${E2E.initech.ssoConnectionId}`) },
  ],
});
log(`OIDC provider at ${idp.issuer}`);

// Same process group as this script: Playwright stops the whole group, so `next start` and the
// next-server it forks never outlive a run, even one that is killed.
// The outbound guard refuses loopback: both servers may reach exactly the IdP and moto started here,
// and the CloudFormation double deploy.spec starts.
const outboundAllow = [`127.0.0.1:${E2E.idpPort}`, new URL(moto.endpoint).host, `127.0.0.1:${E2E.cfnDoublePort}`].join(",");

function nextStart(port: number, origin: string, devLogin: boolean, awsEmulator: boolean) {
  return spawn("node_modules/.bin/next", ["start", "-p", String(port)], {
    stdio: "inherit",
    env: {
      ...process.env,
      AUTH_DEV_LOGIN: devLogin ? "1" : "",
      LAMBDAPLANE_OUTBOUND_ALLOW: outboundAllow,
      LAMBDAPLANE_ALLOW_AWS_ENDPOINT_OVERRIDE: awsEmulator ? "1" : "",
      LAMBDAPLANE_ALLOW_INSTANCE_CREDENTIALS: awsEmulator ? "1" : "",
      // Deploys run on the main server's workers only: the development server's instance settings
      // refuse moto connections, and any worker on the database may take any deploy job.
      LAMBDAPLANE_WORKER: awsEmulator ? "" : "off",
      DATABASE_URL: databaseUrl,
      NEXTAUTH_URL: origin,
      NEXTAUTH_SECRET: E2E.secrets.nextAuth,
      LAMBDAPLANE_ENCRYPTION_KEY: E2E.secrets.encryptionKey,
      AUTH_OIDC_ISSUER: idp.issuer,
      AUTH_OIDC_CLIENT_ID: E2E.defaultClient.id,
      AUTH_OIDC_CLIENT_SECRET: E2E.defaultClient.secret,
      AUTH_OIDC_NAME: "Test IdP",
      LAMBDAPLANE_DNS_SERVERS: dns.address,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
}
// The main server has no AUTH_DEV_LOGIN: the specs check that such a build offers no development sign-in.
// It lets connections use moto (endpoint override, emulator credentials); the development server keeps
// the production defaults, for the specs that check what a tenant cannot choose there.
const apps = [nextStart(E2E.appPort, E2E.appUrl, false, true), nextStart(E2E.devAppPort, E2E.devAppUrl, true, false)];

let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  for (const app of apps) if (app.exitCode === null) app.kill("SIGTERM");
  await idp.close();
  await moto.stop();
  await dns.close();
  await server.stop();
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
for (const app of apps) app.on("exit", (code) => void shutdown(code ?? 1));
