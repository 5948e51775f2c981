// Shared by the worker-process integration tests (a worker killed, a worker asked to stop): starts
// `npm run worker` as a child in a process group of its own, resolving once it logs that it is ready.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { REPO_ROOT } from "@/server/db/paths";
import { TEST_ENCRYPTION_KEY } from "./test-support";

export interface WorkerProcess {
  child: ChildProcess;
  /** Everything it wrote so far (stdout and stderr). */
  output: () => string;
}

/** `readyTimeoutMs`: how long it may take to say it is ready (a loaded machine, e.g. the chaos bench, needs more). */
export function startWorkerProcess(databaseUrl: string, env: Record<string, string> = {}, readyTimeoutMs = 30_000): Promise<WorkerProcess> {
  const child = spawn(path.join(REPO_ROOT, "node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/worker.ts"], {
    cwd: REPO_ROOT,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      LAMBDAPLANE_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
      LAMBDAPLANE_DEPLOY_POLL_MS: "100",
      LAMBDAPLANE_DEPLOY_SWEEP_MS: "1000",
      ...env,
    },
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the worker did not start:\n${output}`)), readyTimeoutMs);
    const onExit = (code: number | null) => reject(new Error(`the worker exited (${code}):\n${output}`));
    child.once("exit", onExit);
    const onData = () => {
      if (!output.includes('"msg":"ready"')) return;
      clearTimeout(timer);
      child.off("exit", onExit);
      child.stdout!.off("data", onData);
      resolve({ child, output: () => output });
    };
    child.stdout!.on("data", onData);
  });
}
