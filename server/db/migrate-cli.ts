// npm run db:migrate             apply pending migrations (DATABASE_URL, or the embedded server)
// npm run db:migration -- <name> [--empty]
//                                write prisma/migrations/<timestamp>_<name> from schema.prisma changes
import { startDatabaseServer } from "./database-server";
import { applyMigrations, createMigration } from "./migrate";

const USAGE = "usage: migrate-cli deploy | migrate-cli create <name> [--empty]";

async function main(args: string[]): Promise<void> {
  const [command, ...rest] = args;
  if (command !== "deploy" && command !== "create") throw new Error(USAGE);
  const name = rest.find((arg) => !arg.startsWith("--"));
  if (command === "create" && !name) throw new Error(USAGE);

  const server = await startDatabaseServer();
  try {
    if (command === "deploy") {
      const applied = await applyMigrations(server.databaseUrl);
      console.log(applied.length ? `applied: ${applied.join(", ")}` : "database is up to date");
    } else {
      const folder = await createMigration(name as string, server.databaseUrl, { empty: rest.includes("--empty") });
      console.log(folder ? `wrote ${folder}` : "schema.prisma matches the migrations: nothing to write (--empty writes an empty one)");
    }
  } finally {
    await server.stop();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
