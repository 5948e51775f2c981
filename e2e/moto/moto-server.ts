// A real moto server (the AWS emulator, `python3 -m moto.server`) on a free loopback port, for
// tests that need AWS. moto is on every project machine and in CI; where it is missing, tests fail
// with a message that says how to get it rather than skipping.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { isGroupAlive, stopGroup } from "@/scripts/process-group";

export interface MotoServer {
  endpoint: string;
  /** Forgets every resource (POST /moto-api/reset). */
  reset(): Promise<void>;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 30_000;

export function motoAvailable(): { ok: true } | { ok: false; reason: string } {
  const probe = spawnSync("python3", ["-c", "import moto, moto.server; print(moto.__version__)"], { encoding: "utf8" });
  if (probe.error) return { ok: false, reason: `python3 cannot run (${probe.error.message})` };
  if (probe.status !== 0) return { ok: false, reason: `python3 cannot import moto.server: ${probe.stderr.trim().split("\n").pop()}` };
  return { ok: true };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function waitReady(endpoint: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`moto exited with code ${child.exitCode} before it was ready:\n${output()}`);
    try {
      if ((await fetch(`${endpoint}/moto-api/`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`moto did not answer on ${endpoint} within ${READY_TIMEOUT_MS / 1000} s:\n${output()}`);
}

export async function startMoto(): Promise<MotoServer> {
  const available = motoAvailable();
  if (!available.ok) {
    throw new Error(
      `This test needs the moto AWS emulator (python3 -m moto.server), and ${available.reason}. ` +
        "Install it with `pip install 'moto[server]==5.2.1'`; the project's machines and CI have it.",
    );
  }
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const child = spawn("python3", ["-m", "moto.server", "-H", "127.0.0.1", "-p", String(port)], {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, MOTO_ALLOW_NONEXISTENT_REGION: "true" },
  });
  let log = "";
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-4000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const pgid = child.pid!;
  try {
    await waitReady(endpoint, child, () => log);
  } catch (error) {
    if (isGroupAlive(pgid)) await stopGroup(pgid, 2000);
    throw error;
  }
  return {
    endpoint,
    async reset() {
      const res = await fetch(`${endpoint}/moto-api/reset`, { method: "POST" });
      if (!res.ok) throw new Error(`moto reset failed: HTTP ${res.status}`);
    },
    stop: () => stopGroup(pgid, 3000),
  };
}
