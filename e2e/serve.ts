// Everything the e2e specs talk to, in one process Playwright starts and stops: a fresh database
// (on DATABASE_URL's server, or the embedded PostgreSQL), the OIDC identity provider, and the
// production build under `next start`. Run with `tsx --conditions=react-server` (server modules
// import "server-only").
import { spawn } from "node:child_process";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/server/db/generated/client";
import { startDatabaseServer } from "@/server/db/database-server";
import { quoteIdent, withDatabase } from "@/server/db/database-url";
import { applyMigrations } from "@/server/db/migrate";
import { E2E } from "./env";
import { seedE2e } from "./fixtures";
import { startOidcProvider } from "./idp/oidc-server";

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

const idp = await startOidcProvider({
  port: E2E.idpPort,
  clients: [
    { client_id: E2E.defaultClient.id, client_secret: E2E.defaultClient.secret, redirect_uris: [`${E2E.appUrl}/api/auth/callback/oidc`] },
    {
      client_id: E2E.acme.client.id,
      client_secret: E2E.acme.client.secret,
      redirect_uris: [`${E2E.appUrl}/api/auth/callback/sso-${E2E.acme.ssoConnectionId}`],
    },
  ],
});
log(`OIDC provider at ${idp.issuer}`);

// No AUTH_DEV_LOGIN: the specs check that a production build offers no development sign-in.
// Same process group as this script: Playwright stops the whole group, so `next start` and the
// next-server it forks never outlive a run, even one that is killed.
const next = spawn("node_modules/.bin/next", ["start", "-p", String(E2E.appPort)], {
  stdio: "inherit",
  env: {
    ...process.env,
    AUTH_DEV_LOGIN: "",
    DATABASE_URL: databaseUrl,
    NEXTAUTH_URL: E2E.appUrl,
    NEXTAUTH_SECRET: E2E.secrets.nextAuth,
    LAMBDAPLANE_ENCRYPTION_KEY: E2E.secrets.encryptionKey,
    AUTH_OIDC_ISSUER: idp.issuer,
    AUTH_OIDC_CLIENT_ID: E2E.defaultClient.id,
    AUTH_OIDC_CLIENT_SECRET: E2E.defaultClient.secret,
    AUTH_OIDC_NAME: "Test IdP",
    NEXT_TELEMETRY_DISABLED: "1",
  },
});

let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  if (next.exitCode === null) next.kill("SIGTERM");
  await idp.close();
  await server.stop();
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
next.on("exit", (code) => void shutdown(code ?? 1));
