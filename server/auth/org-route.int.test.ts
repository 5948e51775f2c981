import { readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { sessionCookie, TEST_NEXTAUTH_SECRET } from "@/server/actions/test-session";
import { setupTestDatabase } from "@/server/db/test-database";
import { REPO_ROOT } from "@/server/db/paths";
import { ActionError } from "./errors";
import { orgRoute } from "./org-route";
import { currentRequestScope } from "@/server/ops/request-scope";
import { metricsExposition } from "@/server/ops/metrics";

// Every state-changing route handler under app/api/orgs (discovered, not listed) refuses a request
// that carries a valid owner's session cookie but comes from another site: the cookie alone must
// not be enough (a sibling subdomain is same-site, so SameSite=Lax would let it through).

const database = setupTestDatabase();
const ORGS_API = path.join(REPO_ROOT, "app", "api", "orgs");
const STATE_CHANGING = ["POST", "PUT", "PATCH", "DELETE"];

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? routeFiles(path.join(dir, e.name)) : e.name === "route.ts" ? [path.join(dir, e.name)] : [],
  );
}

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function stateChangingHandlers(): Promise<[string, Handler, Record<string, string>][]> {
  const out: [string, Handler, Record<string, string>][] = [];
  for (const file of routeFiles(ORGS_API)) {
    const params: Record<string, string> = {};
    for (const seg of path.relative(ORGS_API, file).split(path.sep)) {
      const m = /^\[(.+)\]$/.exec(seg);
      if (m) params[m[1]] = m[1] === "org" ? "acme" : "x";
    }
    const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    for (const method of STATE_CHANGING) {
      if (typeof mod[method] === "function") out.push([`${method} ${path.relative(REPO_ROOT, file)}`, mod[method] as Handler, params]);
    }
  }
  return out;
}

let cookie: string;
let ownerId: string;

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET ??= TEST_NEXTAUTH_SECRET;
  const org = await database.prisma.organization.create({ data: { slug: "acme", name: "Acme" } });
  const owner = await database.prisma.user.create({ data: { email: "owner@acme.test" } });
  await database.prisma.membership.create({ data: { userId: owner.id, organizationId: org.id, role: "owner" } });
  cookie = await sessionCookie(owner);
  ownerId = owner.id;
});

async function send(handler: Handler, params: Record<string, string>, method: string, origin: string | null) {
  const headers = new Headers({ cookie, "content-type": "application/json" });
  if (origin) headers.set("origin", origin);
  const req = new Request("http://localhost/api/orgs/acme/x", { method, headers, body: "{}" });
  return handler(req, { params: Promise.resolve(params) });
}

describe("state-changing org routes", () => {
  it("are found (test invoke among them)", async () => {
    const names = (await stateChangingHandlers()).map(([n]) => n);
    expect(names).toContain(`POST ${path.join("app/api/orgs/[org]/stages/[stageId]/invoke/route.ts")}`);
  });

  it("refuse a cross-origin request with an owner's valid session cookie (403)", async () => {
    for (const [name, handler, params] of await stateChangingHandlers()) {
      const method = name.split(" ")[0];
      for (const origin of ["https://evil.example", "http://localhost.evil.example", "null", null]) {
        const res = await send(handler, params, method, origin);
        expect(res.status, `${name} from ${origin}`).toBe(403);
        expect((await res.json()).error, name).toMatch(/^Origin: /);
      }
    }
  });

  it("let the same request through from the app's own origin", async () => {
    for (const [name, handler, params] of await stateChangingHandlers()) {
      const res = await send(handler, params, name.split(" ")[0], "http://localhost");
      // Past the origin check, the dummy stage id is unknown: 400 (invalid body) or 404, never the origin refusal.
      expect(res.status, name).not.toBe(403);
    }
  });

  it("compare against NEXTAUTH_URL when it is set (the origin users browse to)", async () => {
    process.env.NEXTAUTH_URL = "https://lambdaplane.example.com";
    try {
      for (const [name, handler, params] of await stateChangingHandlers()) {
        const method = name.split(" ")[0];
        expect((await send(handler, params, method, "http://localhost")).status, name).toBe(403);
        expect((await send(handler, params, method, "https://lambdaplane.example.com")).status, name).not.toBe(403);
      }
    } finally {
      delete process.env.NEXTAUTH_URL;
    }
  });
});

describe("what an org route's handler throws", () => {
  const throwing = (error: unknown) => orgRoute("logs:read", async () => Promise.reject(error));
  const get = (handler: ReturnType<typeof throwing>) =>
    handler(new Request("http://localhost/api/orgs/acme/x", { headers: new Headers({ cookie }) }), { params: Promise.resolve({ org: "acme" }) });

  it("is answered in the one JSON error shape, as /api/v1 answers it", async () => {
    const refused = await get(throwing(new ActionError(413, "The request body is larger than this endpoint's limit of 12 MB.")));
    expect(refused.status).toBe(413);
    expect(await refused.json()).toEqual({ error: "The request body is larger than this endpoint's limit of 12 MB." });

    const busy = await get(throwing(Object.assign(new Error("Transaction API error: Unable to start a transaction in the given time."), { name: "PrismaClientKnownRequestError", code: "P2028" })));
    expect(busy.status).toBe(503);
    expect(await busy.json()).toMatchObject({ error: "The database was briefly unavailable; try again.", details: expect.stringContaining("P2028") });

    const bug = await get(throwing(new Error("secret-token-123 leaked in a stack trace")));
    expect(bug.status).toBe(500);
    const body = await bug.text();
    expect(JSON.parse(body)).toEqual({ error: "Something went wrong on the server. Nothing was changed." });
    expect(body).not.toContain("secret-token-123");
  });
});

describe("an org route's request in the log and the metrics", () => {
  const scopeEcho = orgRoute("logs:read", async () => Response.json({ ...currentRequestScope() }));
  const get = (headers: Record<string, string>) =>
    scopeEcho(new Request("http://localhost/api/orgs/acme/x", { headers: new Headers({ cookie, ...headers }) }), { params: Promise.resolve({ org: "acme" }) });

  it("runs under the caller's sane X-Request-Id (else a new one) with the organization and the person bound", async () => {
    expect(await (await get({ "x-request-id": "lb-7f3a.91:2" })).json()).toEqual({ requestId: "lb-7f3a.91:2", org: "acme", userId: ownerId });
    for (const hostile of ["", "has space", "a".repeat(101), "<script>", "id/../x", "tab\there"]) {
      const scope = await (await get({ "x-request-id": hostile })).json();
      expect(scope.requestId, hostile).toMatch(/^[0-9a-f-]{36}$/);
      expect(scope.org).toBe("acme");
    }
  });

  it("is timed by route family, method and status, never by path", async () => {
    await get({});
    const text = await metricsExposition();
    expect(text).toMatch(/lambdaplane_http_request_duration_seconds_count\{route="orgs",method="GET",status="200"\} \d+\n/);
    expect(text).not.toContain("/api/orgs/acme");
  });
});
