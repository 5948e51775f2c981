import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/server/db/test-database";
import { REPO_ROOT } from "@/server/db/paths";
import { sessionCookie } from "@/server/actions/test-session";
import { withRequestHeaders } from "./request-context";

// Every exported server action and route handler, discovered from the source tree (files with a
// top-level "use server" directive; every app/**/route.ts), must refuse an unauthenticated call and
// a call from a member of another organization. app/api/auth/** is the sign-in machinery itself,
// and /api/health and /api/ready are probes for load balancers and orchestrators: public by design,
// and listed separately so that a new public route cannot appear unnoticed. /api/metrics is the
// operator's: neither a session nor an API token opens it, only LAMBDAPLANE_METRICS_TOKEN.

const SECRET = "authorization-test-secret";
const database = setupTestDatabase();

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "node_modules" || e.name === "generated" ? [] : walk(full);
    return /\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [full] : [];
  });
}

const sources = [...walk(path.join(REPO_ROOT, "app")), ...walk(path.join(REPO_ROOT, "server"))];
const actionFiles = sources.filter((f) => /^\s*["']use server["'];?/.test(readFileSync(f, "utf8")));
const routeFiles = sources.filter((f) => path.basename(f) === "route.ts");
const PROBE_ROUTES = [path.join("app/api/health/route.ts"), path.join("app/api/ready/route.ts")];
const OPERATOR_ROUTES = [path.join("app/api/metrics/route.ts")];
const isPublicAuthRoute = (f: string) => path.relative(REPO_ROOT, f).startsWith(path.join("app", "api", "auth"));
const isOperatorRoute = (f: string) => OPERATOR_ROUTES.includes(path.relative(REPO_ROOT, f));
const isPublicRoute = (f: string) => isPublicAuthRoute(f) || PROBE_ROUTES.includes(path.relative(REPO_ROOT, f)) || isOperatorRoute(f);
// The REST API authenticates with API tokens only (server/api/route.ts); its tests are in server/api.
const isTokenRoute = (f: string) => path.relative(REPO_ROOT, f).startsWith(path.join("app", "api", "v1"));

type Action = ((input: unknown) => Promise<{ ok: boolean; status?: number }>) & { orgScoped?: boolean; mode?: "read" | "write" };

async function loadExports<T>(file: string): Promise<[string, T][]> {
  const mod = await import(pathToFileURL(file).href);
  return Object.entries(mod).filter(([, v]) => typeof v === "function") as [string, T][];
}

async function cookieFor(user: { id: string; email: string }): Promise<Headers> {
  return new Headers({ cookie: await sessionCookie(user) });
}

/** Route params for a route file: [org] is the target organization, other dynamic segments a dummy. */
function paramsFor(file: string, orgSlug: string): Record<string, string | string[]> {
  const params: Record<string, string | string[]> = {};
  for (const seg of path.relative(path.join(REPO_ROOT, "app"), file).split(path.sep)) {
    const m = /^\[(\.\.\.)?(.+)\]$/.exec(seg);
    if (m) params[m[2]] = m[2] === "org" ? orgSlug : m[1] ? ["x"] : "x";
  }
  return params;
}

let acme: { id: string; slug: string };
let stranger: { id: string; email: string };

beforeAll(() => {
  process.env.NEXTAUTH_SECRET = SECRET;
});

beforeAll(async () => {
  const prisma = database.prisma;
  acme = await prisma.organization.create({ data: { slug: "acme", name: "Acme" } });
  const owner = await prisma.user.create({ data: { email: "owner@acme.test" } });
  await prisma.membership.create({ data: { userId: owner.id, organizationId: acme.id, role: "owner" } });
  await prisma.stack.create({ data: { organizationId: acme.id, name: "orders" } });
  const globex = await prisma.organization.create({ data: { slug: "globex", name: "Globex" } });
  stranger = await prisma.user.create({ data: { email: "boss@globex.test" } });
  await prisma.membership.create({ data: { userId: stranger.id, organizationId: globex.id, role: "owner" } });
});

describe("discovery", () => {
  it("finds the server actions and route handlers", () => {
    expect(actionFiles.length).toBeGreaterThanOrEqual(6);
    expect(routeFiles.some((f) => f.includes(path.join("orgs", "[org]")))).toBe(true);
  });
});

describe.each(actionFiles.map((f) => [path.relative(REPO_ROOT, f), f]))("server actions in %s", (_rel, file) => {
  it("refuses an unauthenticated call", async () => {
    for (const [name, action] of await loadExports<Action>(file)) {
      // Both modes (read: no transaction; write: transaction and audit) go through the same checks below.
      expect(["read", "write"], name).toContain(action.mode);
      const r = await withRequestHeaders(new Headers(), () => action({ orgSlug: acme.slug }));
      expect(r, name).toMatchObject({ ok: false, status: 401 });
    }
  });

  it("refuses a member of another organization, revealing nothing", async () => {
    const headers = await cookieFor(stranger);
    for (const [name, action] of await loadExports<Action>(file)) {
      const before = await database.prisma.auditEvent.count({ where: { organizationId: acme.id } });
      const r = await withRequestHeaders(headers, () => action({ orgSlug: acme.slug, name: "intruder", stackId: "x", membershipId: "x" }));
      if (action.orgScoped) {
        expect(r, name).toEqual({ ok: false, status: 404, error: "Not found." });
      }
      // User-level actions (creating an organization) have no target organization; whatever they
      // do must not touch or join the other organization.
      const joined = await database.prisma.membership.count({ where: { userId: stranger.id, organizationId: acme.id } });
      expect(joined, name).toBe(0);
      expect(await database.prisma.auditEvent.count({ where: { organizationId: acme.id } }), name).toBe(before);
      expect(await database.prisma.stack.count({ where: { organizationId: acme.id } }), name).toBe(1);
    }
  });
});

describe.each(routeFiles.filter((f) => !isPublicRoute(f)).map((f) => [path.relative(REPO_ROOT, f), f]))("route handlers in %s", (_rel, file) => {
  type Handler = (req: Request, ctx: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

  it("refuses an unauthenticated call with 401", async () => {
    for (const [method, handler] of await loadExports<Handler>(file)) {
      const res = await handler(new Request("http://localhost/x", { method }), { params: Promise.resolve(paramsFor(file, acme.slug)) });
      expect(res.status, method).toBe(401);
    }
  });

  it(isTokenRoute(file) ? "refuses a session cookie: only API tokens authenticate" : "answers a member of another organization with 404 and no data", async () => {
    // Sent from the app's own origin, as a browser would: the cross-site refusal is tested in org-route.int.test.ts.
    const headers = await cookieFor(stranger);
    headers.set("origin", "http://localhost");
    for (const [method, handler] of await loadExports<Handler>(file)) {
      const res = await handler(new Request("http://localhost/x", { method, headers }), { params: Promise.resolve(paramsFor(file, acme.slug)) });
      expect(res.status, method).toBe(isTokenRoute(file) ? 401 : 404);
      expect(await res.text(), method).not.toContain("acme");
    }
  });
});

describe("public sign-in routes", () => {
  it("are only the next-auth handler and SSO discovery", () => {
    const publicRoutes = routeFiles.filter(isPublicAuthRoute).map((f) => path.relative(REPO_ROOT, f)).sort();
    expect(publicRoutes).toEqual([path.join("app/api/auth/[...nextauth]/route.ts"), path.join("app/api/auth/sso-discovery/route.ts")]);
  });
  it("besides them, only the health and readiness probes, which reveal no organization's data, and the operator's metrics", () => {
    expect(routeFiles.filter((f) => isPublicRoute(f) && !isPublicAuthRoute(f) && !isOperatorRoute(f)).map((f) => path.relative(REPO_ROOT, f)).sort()).toEqual(PROBE_ROUTES);
    expect(routeFiles.filter(isOperatorRoute).map((f) => path.relative(REPO_ROOT, f))).toEqual(OPERATOR_ROUTES);
  });
});

describe.each(OPERATOR_ROUTES.map((f) => [f]))("the operator route %s", (rel) => {
  type Handler = (req: Request) => Promise<Response>;
  const handlers = () => loadExports<Handler>(path.join(REPO_ROOT, rel));

  it("does not exist without LAMBDAPLANE_METRICS_TOKEN, and refuses a member's session or an API token with it", async () => {
    const headers = await cookieFor(stranger);
    headers.set("authorization", "Bearer lpt_not-the-metrics-token");
    const previous = process.env.LAMBDAPLANE_METRICS_TOKEN;
    try {
      for (const [method, handler] of await handlers()) {
        delete process.env.LAMBDAPLANE_METRICS_TOKEN;
        expect((await handler(new Request("http://localhost/x", { method, headers }))).status, method).toBe(404);
        process.env.LAMBDAPLANE_METRICS_TOKEN = "m".repeat(40);
        expect((await handler(new Request("http://localhost/x", { method }))).status, method).toBe(401);
        const res = await handler(new Request("http://localhost/x", { method, headers }));
        expect(res.status, method).toBe(401);
        expect(await res.text(), method).not.toContain("acme");
      }
    } finally {
      if (previous === undefined) delete process.env.LAMBDAPLANE_METRICS_TOKEN;
      else process.env.LAMBDAPLANE_METRICS_TOKEN = previous;
    }
  });
});
