// npm run dev: database (DATABASE_URL, or the embedded PostgreSQL in .data/), migrations, first-run
// seed, then `next dev` on http://localhost:3000. Ctrl-C / SIGTERM / next exiting stops next first,
// then PostgreSQL. A run killed with SIGKILL leaves next and PostgreSQL running; the next run stops
// that next (recorded in .data/dev.json) and takes PostgreSQL over (server/db/embedded.ts).
import { createRequire } from "node:module";
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { startDatabaseServer, type DatabaseServer } from "../server/db/database-server";
import { PrismaClient } from "../server/db/generated/client";
import { applyMigrations } from "../server/db/migrate";
import { DATA_DIR, REPO_ROOT } from "../server/db/paths";
import { seedDemo } from "../server/db/seed";
import { devSecrets } from "./dev-secrets";
import { isGroupAlive, spawnGroup, stopGroup } from "./process-group";

const PORT = 3000;
const STATE_FILE = path.join(DATA_DIR, "dev.json");
const NEXT_STOP_GRACE_MS = 10_000;

type DevState = { devPid: number; nextPid: number };

const log = (message: string) => console.log(`[dev] ${message}`);

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Stops the `next dev` of an earlier run that was killed before it could stop it. */
async function stopLeftoverNext(): Promise<void> {
  const state = JSON.parse(await readFile(STATE_FILE, "utf8").catch(() => "null")) as DevState | null;
  if (!state) return;
  if (isAlive(state.devPid)) throw new Error(`npm run dev is already running (pid ${state.devPid}).`);
  // The recorded group is next's own (spawned detached); check the pid was not reused by something else.
  const cmdline = await readFile(`/proc/${state.nextPid}/cmdline`, "utf8").catch(() => null);
  if (isGroupAlive(state.nextPid) && (cmdline === null || cmdline.includes("next"))) {
    log(`stopping next dev left over by a killed run (pid ${state.nextPid})`);
    await stopGroup(state.nextPid, NEXT_STOP_GRACE_MS);
  }
  await rm(STATE_FILE, { force: true });
}

async function prepareDatabase(server: DatabaseServer): Promise<void> {
  const applied = await applyMigrations(server.databaseUrl);
  log(applied.length ? `applied migrations: ${applied.join(", ")}` : "migrations up to date");
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: server.databaseUrl }) });
  try {
    if (await seedDemo(prisma)) log('seeded the "Demo" organization with the hello-api stack');
  } finally {
    await prisma.$disconnect();
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  await stopLeftoverNext();
  const secrets = await devSecrets(path.join(DATA_DIR, "dev-secrets.json"));
  const server = await startDatabaseServer();

  const running: { nextPid?: number } = {};
  let stopping: Promise<never> | undefined;
  const stop = (exitCode: number): Promise<never> => {
    stopping ??= (async () => {
      if (running.nextPid !== undefined) await stopGroup(running.nextPid, NEXT_STOP_GRACE_MS);
      await server.stop();
      await rm(STATE_FILE, { force: true });
      process.exit(exitCode);
    })();
    return stopping;
  };
  for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143], ["SIGHUP", 129]] as const) {
    process.on(signal, () => void stop(code));
  }

  try {
    await prepareDatabase(server);
  } catch (error) {
    console.error(error);
    return stop(1);
  }

  const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
  const next = spawnGroup(process.execPath, [nextBin, "dev", "--port", String(PORT)], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      ...secrets,
      DATABASE_URL: server.databaseUrl,
      AUTH_DEV_LOGIN: "1",
      // Development reaches its own loopback peers (a local IdP, moto or LocalStack, a webhook
      // listener) and may point connections at an emulator; the server's own AWS credentials stay
      // off (a developer's laptop may hold production keys). Each can be overridden from the shell.
      LAMBDAPLANE_OUTBOUND_ALLOW: process.env.LAMBDAPLANE_OUTBOUND_ALLOW ?? "127.0.0.1,::1",
      LAMBDAPLANE_ALLOW_AWS_ENDPOINT_OVERRIDE: process.env.LAMBDAPLANE_ALLOW_AWS_ENDPOINT_OVERRIDE ?? "1",
      NEXTAUTH_URL: process.env.NEXTAUTH_URL || `http://localhost:${PORT}`,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  running.nextPid = next.pid;
  if (next.pid === undefined) return stop(1);
  await writeFile(STATE_FILE, JSON.stringify({ devPid: process.pid, nextPid: next.pid } satisfies DevState));
  log(`database ready after ${((Date.now() - started) / 1000).toFixed(1)} s; starting next dev on http://localhost:${PORT}`);
  next.on("exit", (code) => void stop(code ?? 1));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
