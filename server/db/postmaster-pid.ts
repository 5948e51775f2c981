// PostgreSQL's lock file `<data dir>/postmaster.pid`: pid, data directory, start time, port, socket
// directory, listen address, shared memory key, status ("starting", "ready", "stopping").

export type PostmasterLock = { pid: number; dataDir: string; port: number; status: string };

export function parsePostmasterPid(text: string): PostmasterLock | null {
  const lines = text.split("\n").map((line) => line.trim());
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0) return null;
  return { pid, dataDir: lines[1] ?? "", port, status: lines[7] ?? "" };
}

/**
 * Whether the process a lock names is still the postmaster of `dataDir`. After a SIGKILL the file
 * stays behind, and its pid may since belong to another process of the same user (any process of
 * another cluster run as nobody, say); PostgreSQL then takes it for a running postmaster and refuses
 * to start. `cmdline` is the pid's /proc/<pid>/cmdline (NUL-separated), or null where there is no /proc.
 */
export function isPostmasterOf(dataDir: string, cmdline: string | null): boolean {
  if (cmdline === null) return true;
  const args = cmdline.split("\0");
  return args.some((arg) => arg.endsWith("postgres")) && args.includes(dataDir);
}
