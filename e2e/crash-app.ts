// A `next start` of the production build that a spec owns: its own database (next to the e2e one,
// so the suite's two servers and their deploy workers never see its jobs), its own port, and its
// own process group, so the spec can SIGKILL the whole server (next start and the next-server it
// forks) and start it again.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createHash, randomBytes } from "node:crypto";
import type { PrismaClient } from "@/server/db/generated/client";
import { createTestDatabase, type TestDatabase } from "@/server/db/scratch-database";
import { isGroupAlive } from "@/scripts/process-group";
import { E2E } from "./env";

/** A migrated database of the spec's own on the e2e suite's PostgreSQL server (dropped by a later run if this one crashes). */
export function createOwnDatabase(): Promise<TestDatabase> {
  return createTestDatabase(readFileSync(E2E.databaseUrlFile, "utf8").trim());
}

/**
 * An API token row for `userId`, made the way server/tokens/token.ts makes one (lpt_ + 32 random
 * bytes, only its sha256 kept); that module imports "server-only", which a spec process cannot load.
 */
export async function seedApiToken(prisma: PrismaClient, organizationId: string, userId: string, scopes: string[]): Promise<string> {
  const token = "lpt_" + randomBytes(32).toString("base64url");
  await prisma.apiToken.create({
    data: {
      organizationId,
      createdById: userId,
      name: "crash test",
      prefix: token.slice(0, 10),
      tokenHash: createHash("sha256").update(token).digest("hex"),
      scopes,
      expiresAt: new Date(Date.now() + 24 * 60 * 60 * 1000),
    },
  });
  return token;
}

export interface OwnApp {
  url: string;
  child: ChildProcess;
  /** The server's recent output, for failure messages. */
  output: () => string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts `next start` in a new process group and waits until `readyPath` answers 200. */
export async function startOwnApp(options: { port: number; databaseUrl: string; env: Record<string, string>; readyPath: string; headers: Record<string, string> }): Promise<OwnApp> {
  const url = `http://localhost:${options.port}`;
  const child = spawn("node_modules/.bin/next", ["start", "-p", String(options.port)], {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      DATABASE_URL: options.databaseUrl,
      NEXTAUTH_URL: url,
      NEXTAUTH_SECRET: E2E.secrets.nextAuth,
      LAMBDAPLANE_ENCRYPTION_KEY: E2E.secrets.encryptionKey,
      NEXT_TELEMETRY_DISABLED: "1",
      ...options.env,
    },
  });
  let output = "";
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const app = { url, child, output: () => output };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start on port ${options.port} exited (${child.exitCode}) before it answered:\n${output}`);
    const answer = await fetch(url + options.readyPath, { headers: options.headers }).catch(() => null);
    if (answer?.status === 200) return app;
    if (Date.now() > deadline) throw new Error(`next start on port ${options.port} did not answer ${options.readyPath} with 200 within 60 s (last: ${answer?.status ?? "no connection"}):\n${output}`);
    await sleep(200);
  }
}

/** SIGKILL to the app's whole process group; resolves once no process of the group is left. */
export async function killOwnApp(app: OwnApp): Promise<void> {
  const pgid = app.child.pid!;
  process.kill(-pgid, "SIGKILL");
  const deadline = Date.now() + 10_000;
  while (isGroupAlive(pgid)) {
    if (Date.now() > deadline) throw new Error(`process group ${pgid} still alive 10 s after SIGKILL`);
    await sleep(50);
  }
}
