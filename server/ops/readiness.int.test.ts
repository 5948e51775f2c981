import { createServer, type Server } from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as health from "@/app/api/health/route";
import * as ready from "@/app/api/ready/route";
import { setupTestDatabase } from "@/server/db/test-database";
import { deployQueue, stopDeployQueue } from "@/server/deploy/queue";
import { startDeployWorker, type DeployWorker } from "@/server/deploy/worker";
import { checkReadiness } from "./readiness";

// /api/health and /api/ready against real PostgreSQL: ready only with the database answering,
// every migration applied and the deploy workers of this process running; health regardless.

const database = setupTestDatabase();
let worker: DeployWorker | undefined;

beforeAll(async () => {
  await deployQueue();
});

afterAll(async () => {
  await worker?.stop();
  await stopDeployQueue();
});

async function readyBody() {
  const res = await ready.GET();
  return { status: res.status, cache: res.headers.get("cache-control"), body: await res.json() };
}

describe("GET /api/ready", () => {
  it("is 503 naming the queue while this process's deploy workers have not started, then 200", async () => {
    const before = await readyBody();
    expect(before.status).toBe(503);
    expect(before.body.checks).toEqual({ database: "ok", migrations: "ok", queue: "this process's deploy workers have not started" });
    expect(before.body.error).toBe("Not ready. queue: this process's deploy workers have not started.");

    worker = await startDeployWorker({ log: () => undefined });
    const after = await readyBody();
    expect(after).toEqual({ status: 200, cache: "no-store", body: { status: "ready", checks: { database: "ok", migrations: "ok", queue: "ok" } } });
  });

  it("is 503 naming the migration the database lacks", async () => {
    const [last] = await database.prisma.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name DESC LIMIT 1`;
    const saved = await database.prisma.$queryRaw<Record<string, unknown>[]>`
      SELECT * FROM "_prisma_migrations" WHERE migration_name = ${last.migration_name}`;
    await database.prisma.$executeRaw`DELETE FROM "_prisma_migrations" WHERE migration_name = ${last.migration_name}`;
    try {
      const { status, body } = await readyBody();
      expect(status).toBe(503);
      expect(body.checks.database).toBe("ok");
      expect(body.checks.migrations).toBe(`1 migration(s) not applied: ${last.migration_name} (run npm run db:migrate)`);
      expect(body.error).toContain(`migrations: 1 migration(s) not applied: ${last.migration_name}`);
    } finally {
      const row = saved[0];
      await database.prisma.$executeRaw`
        INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
        VALUES (${row.id}, ${row.checksum}, ${row.finished_at}, ${row.migration_name}, ${row.logs}, ${row.rolled_back_at}, ${row.started_at}, ${row.applied_steps_count})`;
    }
    expect((await readyBody()).status).toBe(200);
  });

  it("names an unreachable database without its error text, and the other checks are skipped", async () => {
    const result = await checkReadiness({ databaseUrl: "postgresql://postgres@127.0.0.1:1/nothing", timeoutMs: 1_000 });
    expect(result).toEqual({
      ready: false,
      checks: { database: "not reachable (refused, or no answer within 1 s)", migrations: "not checked", queue: "not checked" },
    });
  });

  it("gives up on a database that accepts the connection but never answers within its budget", async () => {
    const sockets: import("node:net").Socket[] = [];
    const silent: Server = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    try {
      const started = Date.now();
      const result = await checkReadiness({ databaseUrl: `postgresql://postgres@127.0.0.1:${(silent.address() as AddressInfo).port}/x`, timeoutMs: 500 });
      expect(Date.now() - started).toBeLessThan(1_500);
      expect(result.ready).toBe(false);
      expect(result.checks.database).toBe("not reachable (refused, or no answer within 0.5 s)");
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});

describe("GET /api/health", () => {
  it("answers 200 whatever the database does", async () => {
    const url = process.env.DATABASE_URL;
    process.env.DATABASE_URL = "postgresql://postgres@127.0.0.1:1/nothing";
    try {
      const res = health.GET();
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(await res.json()).toEqual({ status: "ok" });
    } finally {
      process.env.DATABASE_URL = url;
    }
  });
});
