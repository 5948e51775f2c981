import { createServer, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { PrismaClientKnownRequestError } from "@prisma/client/runtime/client";
import { setupTestDatabase } from "@/server/db/test-database";
import { asUser } from "@/server/actions/test-session";
import { saveSsoConnection } from "@/server/actions/sso/save-sso-connection";
import { renameStack } from "@/server/actions/stacks/rename-stack";
import { db } from "@/server/db/client";
import { DEFAULT_TRANSACTION_TIMEOUT_MS, defineAction } from "./define-action";
import { createLogger, log } from "@/server/ops/log";

// The action wrapper's modes against real PostgreSQL. The headline case is issue 13's: SSO saves
// against an issuer that accepts the TCP connection and never answers must not hold pooled
// database connections while they wait, so another organization's actions keep their speed.

const database = setupTestDatabase();
let silent: Server;
const sockets = new Set<Socket>();
let silentIssuer: string;
let acme: { id: string; slug: string };
let globex: { id: string; slug: string };
let acmeOwner: { id: string; email: string };
let globexOwner: { id: string; email: string };
let globexStackId: string;

beforeAll(async () => {
  process.env.LAMBDAPLANE_ENCRYPTION_KEY = "3".repeat(64);
  // Accepts, reads, never answers: the worst kind of IdP, from the server's point of view.
  silent = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((r) => silent.listen(0, "127.0.0.1", r));
  const { port } = silent.address() as { port: number };
  silentIssuer = `http://127.0.0.1:${port}`;
  // The outbound guard refuses loopback unless the instance allows it; this listener is the test's own peer.
  process.env.LAMBDAPLANE_OUTBOUND_ALLOW = `127.0.0.1:${port}`;

  const p = database.prisma;
  acme = await p.organization.create({ data: { slug: "acme", name: "Acme" } });
  globex = await p.organization.create({ data: { slug: "globex", name: "Globex" } });
  acmeOwner = await p.user.create({ data: { email: "owner@acme.test", memberships: { create: { organizationId: acme.id, role: "owner" } } } });
  globexOwner = await p.user.create({ data: { email: "boss@globex.test", memberships: { create: { organizationId: globex.id, role: "owner" } } } });
  globexStackId = (await p.stack.create({ data: { organizationId: globex.id, name: "shop" } })).id;
});

afterAll(async () => {
  delete process.env.LAMBDAPLANE_OUTBOUND_ALLOW;
  for (const s of sockets) s.destroy();
  await new Promise<void>((r) => silent.close(() => r()));
});

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timeGlobexRenames(times: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    const r = await asUser(globexOwner, () => renameStack({ orgSlug: globex.slug, stackId: globexStackId, name: `shop-${i % 2}` }));
    out.push(performance.now() - start);
    expect(r.ok, JSON.stringify(r)).toBe(true);
  }
  return out;
}

/** Transactions open for over half a second and waiting on their client (a quick write's own transaction is not counted). */
async function transactionsOpenIn(databaseUrl: string): Promise<number> {
  const name = new URL(databaseUrl).pathname.slice(1);
  const [{ n }] = await database.prisma.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM pg_stat_activity WHERE datname = ${name} AND state LIKE 'idle in transaction%'
      AND xact_start < now() - interval '500 milliseconds'`;
  return Number(n);
}

describe("network calls outside database transactions", () => {
  it("12 SSO saves waiting on a silent issuer neither hold pooled connections nor slow another organization", async () => {
    await timeGlobexRenames(3); // warm-up: module loading, first connections
    const quiet = await timeGlobexRenames(10);

    const startedAt = performance.now();
    const saves = Array.from({ length: 12 }, (_, i) =>
      asUser(acmeOwner, () =>
        saveSsoConnection({ orgSlug: acme.slug, issuer: silentIssuer, clientId: `c${i}`, clientSecret: "s3cr3t", defaultRole: "editor", enforced: false }),
      ),
    );
    await new Promise((r) => setTimeout(r, 300)); // every save is now waiting on the issuer
    // Sampled from a separate client while another organization works: the most transactions open at once.
    let held = 0;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        held = Math.max(held, await transactionsOpenIn(database.url));
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const busy = await timeGlobexRenames(10);
    sampling = false;
    await sampler;
    const busyEndedAt = performance.now();

    const results = await Promise.all(saves);
    const savesTook = performance.now() - startedAt;
    console.log(
      `[define-action] another organization's rename, median of 10: quiet ${median(quiet).toFixed(1)} ms, ` +
        `during 12 saves against a silent issuer ${median(busy).toFixed(1)} ms (max ${Math.max(...busy).toFixed(1)} ms); ` +
        `transactions open while the saves waited: ${held}; the saves took ${(savesTook / 1000).toFixed(1)} s`,
    );

    // The saves really were waiting all along: they end with the discovery timeout, after the renames.
    expect(busyEndedAt).toBeLessThan(startedAt + savesTook);
    for (const r of results) expect(r).toMatchObject({ ok: false, status: 400, fieldErrors: { issuer: expect.stringMatching(/timed out/) } });
    expect(held).toBe(0);
    // Every single rename, not a median: before this fix the first ones waited for a connection until the issuer timed out (5 s).
    expect(Math.max(...busy)).toBeLessThan(2000);
    expect(await database.prisma.ssoConnection.count()).toBe(0);
  });
});

describe("modes", () => {
  // Actions defined here, through the real wrapper, to observe what it does around `run`.
  const input = z.object({ orgSlug: z.string(), name: z.string() });

  it("a read runs outside any transaction and writes no audit event", async () => {
    const read = defineAction({
      action: "test.read",
      mode: "read",
      permission: "stack:read",
      input,
      async run({ db: client }) {
        const [{ txid }] = await client.$queryRaw<{ txid: string | null }[]>`SELECT txid_current_if_assigned()::text AS txid`;
        const [{ now, stmt }] = await client.$queryRaw<{ now: Date; stmt: Date }[]>`SELECT now(), statement_timestamp() AS stmt`;
        return { txid, sameInstant: now.getTime() === stmt.getTime() };
      },
    });
    const before = await database.prisma.auditEvent.count();
    await new Promise((r) => setTimeout(r, 5));
    const r = await asUser(acmeOwner, () => read({ orgSlug: acme.slug, name: "x" }));
    expect(r).toEqual({ ok: true, data: { txid: null, sameInstant: true } });
    expect(await database.prisma.auditEvent.count()).toBe(before);
  });

  it("a write prepares before its transaction opens, commits with its audit event, then runs its after-commit step", async () => {
    const seen: string[] = [];
    const write = defineAction({
      action: "test.write",
      mode: "write",
      permission: "stack:create",
      input,
      async prepare(_ctx, { name }) {
        seen.push(`prepare: ${await transactionsOpenIn(database.url)} open`);
        return name.toUpperCase();
      },
      async run({ tx, org }, _input, prepared) {
        const stack = await tx.stack.create({ data: { organizationId: org.id, name: prepared } });
        return { data: { id: stack.id }, audit: { targetType: "stack", targetId: stack.id } };
      },
      async afterCommit(_ctx, data) {
        // Seen from another connection: the row and its audit event are committed.
        const visible = await database.prisma.stack.count({ where: { id: data.id } });
        const audited = await database.prisma.auditEvent.count({ where: { action: "test.write", targetId: data.id } });
        seen.push(`after commit: stack ${visible}, audit ${audited}`);
        return { ...data, notified: true };
      },
    });
    const r = await asUser(acmeOwner, () => write({ orgSlug: acme.slug, name: "prepared" }));
    expect(r).toMatchObject({ ok: true, data: { notified: true } });
    expect(seen).toEqual(["prepare: 0 open", "after commit: stack 1, audit 1"]);
  });

  it("a failing prepare opens no transaction and changes nothing", async () => {
    let ran = false;
    const write = defineAction({
      action: "test.prepare_fails",
      mode: "write",
      permission: "stack:create",
      input,
      async prepare() {
        throw new Error("the peer hung up");
      },
      async run() {
        ran = true;
        return { data: null, audit: { targetType: "stack" } };
      },
    });
    const r = await asUser(acmeOwner, () => write({ orgSlug: acme.slug, name: "x" }));
    expect(r).toEqual({ ok: false, status: 500, error: "Something went wrong on the server. Nothing was changed." });
    expect(ran).toBe(false);
  });

  it("a busy database is said plainly, not in Prisma's words", async () => {
    const write = defineAction({
      action: "test.database_busy",
      mode: "write",
      permission: "stack:create",
      input,
      async prepare() {
        throw new PrismaClientKnownRequestError("\nInvalid `prisma.stack.create()` invocation:\n\nTransaction API error: Unable to start a transaction in the given time.", {
          code: "P2028",
          clientVersion: "7",
        });
      },
      async run() {
        return { data: null, audit: { targetType: "stack" } };
      },
    });
    const r = await asUser(acmeOwner, () => write({ orgSlug: acme.slug, name: "x" }));
    expect(r).toEqual({ ok: false, status: 503, error: "The database was briefly unavailable; try again. Nothing was changed." });
  });

  it(`a write's transaction is short by default (${DEFAULT_TRANSACTION_TIMEOUT_MS} ms): a slower run is rolled back`, { timeout: 20_000 }, async () => {
    const slow = defineAction({
      action: "test.slow",
      mode: "write",
      permission: "stack:create",
      input,
      async run({ tx, org }, { name }) {
        await tx.stack.create({ data: { organizationId: org.id, name } });
        await new Promise((r) => setTimeout(r, DEFAULT_TRANSACTION_TIMEOUT_MS + 500));
        return { data: null, audit: { targetType: "stack" } };
      },
    });
    const r = await asUser(acmeOwner, () => slow({ orgSlug: acme.slug, name: "too-slow" }));
    expect(r).toMatchObject({ ok: false, status: 500 });
    expect(await db().stack.count({ where: { name: "too-slow" } })).toBe(0);
  });

  it("logs a failure without the arguments the database error quotes", async () => {
    const leaky = defineAction({
      action: "test.leaky",
      mode: "write",
      permission: "stack:create",
      input,
      async run({ tx, org }, { name }) {
        // An unknown field: Prisma's error message quotes the whole call, the "secret" with it.
        await tx.stack.create({ data: { organizationId: org.id, name: "leaky", clientSecret: name } as never });
        return { data: null, audit: null };
      },
    });
    // The entries go through a logger of the same making whose lines the test keeps.
    const lines: string[] = [];
    const capture = createLogger({ write: (line) => lines.push(line) });
    const logged = vi.spyOn(log, "error").mockImplementation((msg, fields) => capture.error(msg, fields));
    try {
      const r = await asUser(acmeOwner, () => leaky({ orgSlug: acme.slug, name: "sso-client-secret-value" }));
      expect(r).toMatchObject({ ok: false, status: 500 });
      const text = lines.join("\n");
      expect(text).toContain('"msg":"action test.leaky failed"');
      expect(text).not.toContain("sso-client-secret-value");
    } finally {
      logged.mockRestore();
    }
  });
});
