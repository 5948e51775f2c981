import { spawn, type ChildProcess } from "node:child_process";
import { request } from "node:http";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as invokeRoute from "@/app/api/orgs/[org]/stages/[stageId]/invoke/route";
import * as logsRoute from "@/app/api/orgs/[org]/stages/[stageId]/logs/route";
import * as metricsRoute from "@/app/api/orgs/[org]/stages/[stageId]/metrics/route";
import * as tailRoute from "@/app/api/orgs/[org]/stages/[stageId]/logs/tail/route";
import { asUser } from "@/server/actions/test-session";
import { requestHeaders } from "@/server/auth/request-context";
import { createStack } from "@/server/actions/stacks/create-stack";
import { createApiToken } from "@/server/actions/tokens/create-api-token";
import { setupTestDatabase } from "@/server/db/test-database";
import { seedOrganization, TEST_ENCRYPTION_KEY } from "@/server/deploy/test-support";
import { enforceRateLimit } from "./enforce";
import { createLimiter } from "./store";
import { metricsExposition } from "@/server/ops/metrics";

/** This process's refusals by `limit` (/api/metrics). */
async function refusals(limit: string): Promise<number> {
  const line = (await metricsExposition()).split("\n").find((l) => l.startsWith(`lambdaplane_rate_limit_refusals_total{limit="${limit}"} `));
  return line ? Number(line.split(" ")[1]) : 0;
}

// Rate limits against real PostgreSQL: the budget lives in the "RateLimit" table, so web processes
// that share the database share it; a server action over its budget is an ActionResult 429; the
// REST API answers 429 with Retry-After across two processes of the API server.

const database = setupTestDatabase();
let people: Awaited<ReturnType<typeof seedOrganization>>;

beforeAll(async () => {
  process.env.LAMBDAPLANE_ENCRYPTION_KEY = TEST_ENCRYPTION_KEY;
  people = await seedOrganization(database.prisma, "limits");
});

afterEach(() => {
  delete process.env.LAMBDAPLANE_RATE_LIMITS;
});

describe("enforceRateLimit", () => {
  it("counts in PostgreSQL and refuses the request after the budget, saying when to try again", async () => {
    process.env.LAMBDAPLANE_RATE_LIMITS = "invoke=3/60";
    const subject = { kind: "user", value: "someone" } as const;
    const refusedBefore = await refusals("invoke");
    for (let i = 0; i < 3; i++) expect(await enforceRateLimit("invoke", subject)).toEqual({ ok: true });
    const refused = await enforceRateLimit("invoke", subject);
    expect(refused.ok).toBe(false);
    // Counted for /api/metrics by limit, never by subject.
    expect((await refusals("invoke")) - refusedBefore).toBe(1);
    expect(await metricsExposition()).not.toContain("someone");
    if (refused.ok) return;
    expect(refused.retryAfterSeconds).toBeGreaterThan(55);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(refused.message).toBe(`Too many test invocations (at most 3 in 60 seconds). Try again in ${refused.retryAfterSeconds} seconds.`);
    const row = await database.prisma.rateLimit.findUniqueOrThrow({ where: { key: "invoke:user:someone" } });
    expect(row.points).toBe(4);
    // Another subject has its own budget.
    expect(await enforceRateLimit("invoke", { kind: "user", value: "someone-else" })).toEqual({ ok: true });
  });

  it("refuses a subject of the wrong kind for the limit", async () => {
    await expect(enforceRateLimit("apiToken", { kind: "user", value: "u" })).rejects.toThrow("Rate limit apiToken counts per token, not per user.");
  });

  it("fails open to a per-process budget, quickly, when PostgreSQL cannot be reached", async () => {
    // Port 9 on loopback: nothing listens, so every query fails as a lost database would.
    const unreachable = new pg.Pool({ connectionString: "postgresql://nobody@127.0.0.1:9/none", connectionTimeoutMillis: 2_000 });
    const limiter = createLimiter({ points: 2, seconds: 60, per: "user", counts: "tests" }, unreachable);
    const started = Date.now();
    await expect(limiter.consume("k")).resolves.toBeTruthy();
    await expect(limiter.consume("k")).resolves.toBeTruthy();
    await expect(limiter.consume("k")).rejects.toMatchObject({ msBeforeNext: expect.any(Number) });
    expect(Date.now() - started).toBeLessThan(3_000);
    await unreachable.end();
  });
});

describe("server actions", () => {
  it("answer 429 with the wait in seconds once the user's budget is spent, and change nothing", async () => {
    process.env.LAMBDAPLANE_RATE_LIMITS = "action=2/60";
    const create = (name: string) => asUser(people.owner, () => createStack({ orgSlug: people.org.slug, name, start: "empty" }));
    expect((await create("one")).ok).toBe(true);
    expect((await create("two")).ok).toBe(true);
    const refused = await create("three");
    expect(refused).toMatchObject({ ok: false, status: 429, error: expect.stringMatching(/^Too many changes and previews \(at most 2 in 60 seconds\)\. Try again in \d+ seconds\.$/) });
    expect(!refused.ok && (refused.details?.retryAfterSeconds as number)).toBeGreaterThan(0);
    expect(await database.prisma.stack.count({ where: { organizationId: people.org.id, name: "three" } })).toBe(0);
    // The budget is the user's: another member is not affected.
    expect(await asUser(people.deployer, () => createStack({ orgSlug: people.org.slug, name: "other", start: "empty" }))).not.toMatchObject({ status: 429 });
  });
});

describe("test invoke and log queries", () => {
  it("count per user: logs, live tail and metrics share one budget, test invoke has its own; over it, 429 with Retry-After", async () => {
    process.env.LAMBDAPLANE_RATE_LIMITS = "stageQuery=2/60,invoke=1/60";
    const headers = await asUser(people.deployer, requestHeaders);
    const ctx = { params: Promise.resolve({ org: people.org.slug, stageId: "no-such-stage" }) };
    const at = (path: string, init: RequestInit = {}) => new Request(`http://app.test/api/orgs/${people.org.slug}/stages/no-such-stage/${path}`, { ...init, headers });

    // Counted before the stage is looked up: an unknown stage costs a request too.
    expect((await logsRoute.GET(at("logs?range=1h"), ctx)).status).toBe(404);
    expect((await metricsRoute.GET(at("metrics?function=f&range=1h"), ctx)).status).toBe(404);
    for (const refused of [await tailRoute.GET(at("logs/tail"), ctx), await logsRoute.GET(at("logs?range=1h"), ctx)]) {
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      expect((await refused.json()).error).toMatch(/^Too many log, metrics and function page queries \(at most 2 in 60 seconds\)\. Try again in \d+ seconds\.$/);
    }

    // Same-origin, as the browser sends it: a state-changing org route refuses other origins (403) first.
    const invokeHeaders = new Headers(headers);
    invokeHeaders.set("origin", "http://app.test");
    const invoke = () =>
      invokeRoute.POST(
        new Request(`http://app.test/api/orgs/${people.org.slug}/stages/no-such-stage/invoke`, {
          method: "POST",
          headers: invokeHeaders,
          body: JSON.stringify({ function: "f", type: "RequestResponse", payload: "{}" }),
        }),
        ctx,
      );
    expect((await invoke()).status).not.toBe(429);
    const refused = await invoke();
    expect(refused.status).toBe(429);
    expect((await refused.json()).error).toMatch(/^Too many test invocations/);

    // Another person's budget is untouched.
    const viewer = await asUser(people.viewer, requestHeaders);
    expect((await logsRoute.GET(new Request(`http://app.test/api/orgs/${people.org.slug}/stages/no-such-stage/logs?range=1h`, { headers: viewer }), ctx)).status).toBe(404);
  });
});

// ---------- two API server processes on one database ----------

function startApiProcess(limits: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn("node_modules/.bin/tsx", ["--conditions=react-server", "server/api/test-server-process.ts"], {
    env: { ...process.env, DATABASE_URL: database.url, LAMBDAPLANE_RATE_LIMITS: limits, LAMBDAPLANE_WORKER: "off" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening (\S+)/.exec(out);
      if (match) resolve({ url: match[1], child });
    });
    child.on("exit", (code) => reject(new Error(`API process exited (${code}) before listening: ${out}`)));
  });
}

/** A GET over node:http, so the test can pick its source address (per-address limits). */
function get(url: string, headers: Record<string, string>, localAddress = "127.0.0.1"): Promise<{ status: number; retryAfter: string | null; body: { error?: string } }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers, localAddress }, (res) => {
      let text = "";
      res.on("data", (c: Buffer) => (text += c.toString()));
      res.on("end", () => resolve({ status: res.statusCode!, retryAfter: (res.headers["retry-after"] as string | undefined) ?? null, body: JSON.parse(text) }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("the REST API across two processes sharing one database", () => {
  const processes: { url: string; child: ChildProcess }[] = [];
  let token = "";

  beforeAll(async () => {
    processes.push(...(await Promise.all([startApiProcess("apiToken=5/60,apiAddress=12/60"), startApiProcess("apiToken=5/60,apiAddress=12/60")])));
    const created = await asUser(people.owner, () => createApiToken({ orgSlug: people.org.slug, name: "ci", scopes: ["read"], expiresInDays: 30 }));
    if (!created.ok) expect.fail(created.error);
    token = created.data.token;
  }, 60_000);

  afterAll(() => {
    for (const p of processes) p.child.kill("SIGTERM");
  });

  it("shares one token budget: requests split over both get 200 until the 6th, which gets 429 with Retry-After", async () => {
    const auth = { authorization: `Bearer ${token}` };
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await get(`${processes[i % 2].url}/api/v1/stacks`, auth)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    for (const p of processes) {
      const refused = await get(`${p.url}/api/v1/stacks`, auth);
      expect(refused.status).toBe(429);
      expect(Number(refused.retryAfter)).toBeGreaterThan(0);
      expect(Number(refused.retryAfter)).toBeLessThanOrEqual(60);
      expect(refused.body.error).toMatch(/^Too many API requests with this token \(at most 5 in 60 seconds\)\. Try again in \d+ seconds\.$/);
    }
  });

  it("counts unauthenticated requests per client address, whatever X-Forwarded-For they claim", async () => {
    // From another loopback address, so this client has a budget of its own.
    const from = "127.0.0.2";
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      statuses.push((await get(`${processes[i % 2].url}/api/v1/stacks`, { authorization: "Bearer lpt_guess", "x-forwarded-for": `198.51.100.${i}` }, from)).status);
    }
    expect(statuses).toEqual(Array(12).fill(401));
    const refused = await get(`${processes[0].url}/api/v1/stacks`, { authorization: "Bearer lpt_guess", "x-forwarded-for": "198.51.100.200" }, from);
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect(refused.body.error).toMatch(/^Too many API requests from your network/);
  });
});
