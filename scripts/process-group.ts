// Child processes run in a process group of their own (detached), so that all of a tool's
// subprocesses (next dev forks workers) can be stopped together by signalling the group.
import { spawn, type ChildProcess } from "node:child_process";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function spawnGroup(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): ChildProcess {
  return spawn(command, args, { ...options, stdio: "inherit", detached: true });
}

export function isGroupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM to the whole group, then SIGKILL to what is left after `graceMs`. */
export async function stopGroup(pgid: number, graceMs: number): Promise<void> {
  if (!isGroupAlive(pgid)) return;
  process.kill(-pgid, "SIGTERM");
  const deadline = Date.now() + graceMs;
  while (isGroupAlive(pgid)) {
    if (Date.now() > deadline) {
      process.kill(-pgid, "SIGKILL");
      return;
    }
    await sleep(50);
  }
}
