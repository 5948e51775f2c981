// The embedded server's lifecycle on a throwaway cluster of its own (not the run's shared server).
import { spawn, type ChildProcess } from "node:child_process";
import { chmod, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./embedded";

const asRoot = process.getuid?.() === 0;
// The user PostgreSQL runs as, so that a stand-in process can be "another process of that user".
const postgresUser = asRoot ? { uid: 65534, gid: 65534 } : {};
const quiet = () => {};

let stateDir: string;
const lockFile = () => path.join(stateDir, "pg", "postmaster.pid");
const children: ChildProcess[] = [];

function idleProcess(): ChildProcess {
  const child = spawn(process.execPath, ["-e", "setTimeout(() => {}, 120000)"], { ...postgresUser, stdio: "ignore" });
  children.push(child);
  return child;
}

async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
  await new Promise((resolve) => child.once("exit", resolve));
  return child.pid as number;
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function query(url: string, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

async function lockPid(): Promise<number> {
  return Number((await readFile(lockFile(), "utf8")).split("\n")[0]);
}

beforeAll(async () => {
  stateDir = await mkdtemp(path.join(os.tmpdir(), "lp-embedded-"));
  await chmod(stateDir, 0o755); // mkdtemp makes it 0700: PostgreSQL (nobody, when root) must enter it
});

afterAll(async () => {
  for (const child of children) child.kill();
  const pid = await lockPid().catch(() => 0);
  if (pid && isAlive(pid)) process.kill(pid, "SIGQUIT");
  await rm(stateDir, { recursive: true, force: true });
});

describe("startEmbeddedPostgres", () => {
  it("initialises a cluster on first start, creates the database, and stops cleanly", async () => {
    const server = await startEmbeddedPostgres({ stateDir, database: "firstrun", preferredPort: 5533, log: quiet });
    expect(server.port).toBeGreaterThanOrEqual(5533);
    expect(await query(server.databaseUrl, "SELECT current_database() AS db")).toEqual([{ db: "firstrun" }]);
    if (asRoot) expect((await stat(path.join(stateDir, "pg"))).uid).toBe(65534);
    const pid = await lockPid();

    await server.stop();
    expect(isAlive(pid)).toBe(false);
    await expect(stat(lockFile())).rejects.toThrow(/ENOENT/);
  });

  it("starts despite a lock file left by a killed server whose pid now belongs to another process", async () => {
    const impostor = idleProcess();
    await writeFile(lockFile(), `${impostor.pid}\n${path.join(stateDir, "pg")}\n1700000000\n5533\n\n127.0.0.1\n  5533001 0\nready\n`);

    const server = await startEmbeddedPostgres({ stateDir, database: "firstrun", preferredPort: 5533, log: quiet });
    expect(await query(server.databaseUrl, "SELECT 1 AS ok")).toEqual([{ ok: 1 }]);
    expect(await lockPid()).not.toBe(impostor.pid);
    await server.stop();
  });

  describe("with a server already running on the cluster", () => {
    let first: EmbeddedPostgres;
    let postmaster: number;
    beforeAll(async () => {
      first = await startEmbeddedPostgres({ stateDir, database: "firstrun", preferredPort: 5533, log: quiet });
      postmaster = await lockPid();
    });

    it("shares it, without stopping it, while the process that started it is alive", async () => {
      await writeFile(path.join(stateDir, "pg-owner"), String(idleProcess().pid));
      const second = await startEmbeddedPostgres({ stateDir, database: "firstrun", log: quiet });
      expect(second.port).toBe(first.port);
      await second.stop();
      expect(isAlive(postmaster)).toBe(true);
    });

    it("takes it over, and stops it, when the process that started it was killed", async () => {
      await writeFile(path.join(stateDir, "pg-owner"), String(await deadPid()));
      const heir = await startEmbeddedPostgres({ stateDir, database: "firstrun", log: quiet });
      expect(heir.port).toBe(first.port);
      expect(await lockPid()).toBe(postmaster);
      await heir.stop();
      expect(isAlive(postmaster)).toBe(false);
    });
  });

  it.runIf(asRoot)("explains, as root, when PostgreSQL's unprivileged user cannot reach the state folder", async () => {
    const closed = await mkdtemp(path.join(os.tmpdir(), "lp-closed-"));
    try {
      await expect(startEmbeddedPostgres({ stateDir: path.join(closed, "state"), log: quiet })).rejects.toThrow(/cannot enter .*lp-closed-/);
    } finally {
      await rm(closed, { recursive: true, force: true });
    }
  });
});
