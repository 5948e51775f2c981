// tsx scripts/with-db.ts <command> [args...]
// Runs a command against a migrated database: DATABASE_URL when set, else the embedded PostgreSQL
// in .data/ (stopped again when the command ends). Used for `next start` and the e2e tests.
// The command stays in this process group, so a tool that stops the group (Playwright's webServer)
// stops it too; SIGINT/SIGTERM given to this process are passed on and it waits for the command.
import { spawn } from "node:child_process";
import os from "node:os";
import { startDatabaseServer } from "../server/db/database-server";
import { applyMigrations } from "../server/db/migrate";

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (!command) throw new Error("usage: tsx scripts/with-db.ts <command> [args...]");
  const server = await startDatabaseServer((message) => console.error(message));
  try {
    const applied = await applyMigrations(server.databaseUrl);
    if (applied.length) console.error(`[db] applied migrations: ${applied.join(", ")}`);
    const child = spawn(command, args, { stdio: "inherit", env: { ...process.env, DATABASE_URL: server.databaseUrl } });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, forward);
    return await new Promise<number>((resolve, reject) => {
      child.once("error", reject);
      // A command ended by a signal exits like a shell reports it: 128 + the signal number.
      child.once("exit", (code, signal) => resolve(code ?? 128 + (signal ? os.constants.signals[signal] : 0)));
    });
  } finally {
    await server.stop();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
