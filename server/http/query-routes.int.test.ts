import { beforeAll, describe, expect, it } from "vitest";
import * as auditRoute from "@/app/api/orgs/[org]/audit/route";
import * as auditExportRoute from "@/app/api/orgs/[org]/audit/export/route";
import * as exportRoute from "@/app/api/orgs/[org]/stacks/[stackId]/export/route";
import * as logsRoute from "@/app/api/orgs/[org]/stages/[stageId]/logs/route";
import * as metricsRoute from "@/app/api/orgs/[org]/stages/[stageId]/metrics/route";
import * as tailRoute from "@/app/api/orgs/[org]/stages/[stageId]/logs/tail/route";
import * as ssoDiscoveryRoute from "@/app/api/auth/sso-discovery/route";
import { filterPatternError } from "@/lib/logs/filter-pattern";
import { asUser } from "@/server/actions/test-session";
import { requestHeaders } from "@/server/auth/request-context";
import { setupTestDatabase } from "@/server/db/test-database";
import { seedOrganization, TEST_ENCRYPTION_KEY } from "@/server/deploy/test-support";

// Every route handler that reads query parameters reads them through readQuery: a bad parameter is
// a 400 in the one JSON error shape, naming the parameter, before any lookup or AWS call.

const database = setupTestDatabase();
let people: Awaited<ReturnType<typeof seedOrganization>>;

beforeAll(async () => {
  process.env.LAMBDAPLANE_ENCRYPTION_KEY = TEST_ENCRYPTION_KEY;
  people = await seedOrganization(database.prisma, "queries");
});

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function get(handler: Handler, path: string, params: Record<string, string> = {}) {
  const headers = await asUser(people.owner, requestHeaders);
  const res = await handler(new Request(`http://app.test/api/orgs/${people.org.slug}/${path}`, { headers }), { params: Promise.resolve({ org: people.org.slug, ...params }) });
  return { status: res.status, body: await res.json() };
}

describe("query parameters of route handlers", () => {
  it("answer 400 naming the bad parameter and its problem", async () => {
    const stage = { stageId: "no-such-stage" };
    const cases: [Handler, string, Record<string, string>, string, string][] = [
      [logsRoute.GET as Handler, "stages/s/logs?range=2w", stage, "range", "must be one of 5m, 15m, 1h, 3h, 12h, 1d, 7d."],
      [logsRoute.GET as Handler, "stages/s/logs?start=2026-12-01T01:00:00Z&end=2026-12-01T00:00:00Z", stage, "end", "must be after start."],
      [logsRoute.GET as Handler, `stages/s/logs?filter=${encodeURIComponent("{ $.a =")}`, stage, "filter", filterPatternError("{ $.a =")!],
      [tailRoute.GET as Handler, `stages/s/logs/tail?filter=${"x".repeat(1100)}`, stage, "filter", "The filter pattern may be at most 1,024 characters."],
      [metricsRoute.GET as Handler, "stages/s/metrics?range=1h", stage, "function", "choose a function to chart."],
      [auditRoute.GET as Handler, "audit?page=0", {}, "page", "must be 1 or more"],
      [auditExportRoute.GET as Handler, "audit/export?format=xml", {}, "format", "must be csv or json"],
      [exportRoute.GET as Handler, "stacks/x/export?part=yaml&revision=-1", { stackId: "x" }, "revision", "must be a revision number (a whole number, 1 or more)."],
    ];
    for (const [handler, path, params, parameter, problem] of cases) {
      const { status, body } = await get(handler, path, params);
      expect([path, status], path).toEqual([path, 400]);
      expect(body, path).toEqual({ error: expect.stringMatching(new RegExp(`^${parameter}: `)), fieldErrors: { [parameter]: problem } });
    }
  });

  it("answer the public SSO discovery's bad email the same way", async () => {
    const res = await ssoDiscoveryRoute.GET(new Request("http://app.test/api/auth/sso-discovery?email=not-an-address"));
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: "email: Enter a valid email address.", fieldErrors: { email: "Enter a valid email address." } });
    const missing = await ssoDiscoveryRoute.GET(new Request("http://app.test/api/auth/sso-discovery"));
    expect(await missing.json()).toMatchObject({ error: "email: enter the email address you sign in with." });
  });
});
