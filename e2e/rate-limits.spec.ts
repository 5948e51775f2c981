import { request } from "node:http";
import type { Page } from "@playwright/test";
import { expect, test } from "./test";
import { withE2eDatabase } from "./db-fixtures";
import { E2E, USERS } from "./env";
import { signInWithOrgSso } from "./helpers";

// Rate limits across the two `next start` processes e2e/serve.ts runs on one database: requests
// split over both count against one budget, the TCP peer is the client however it fills
// X-Forwarded-For, and the sign-in page and forms say when to try again. Default budgets (60 a minute per
// address for SSO look-ups and sign-in requests); the spec empties them before and after itself so
// that the other specs, which sign in from the same address, never meet them.

const BUDGET = 60;

const resetSignInBudgets = () =>
  withE2eDatabase((client) => client.rateLimit.deleteMany({ where: { OR: [{ key: { startsWith: "ssoDiscovery:" } }, { key: { startsWith: "signIn:" } }] } }));

type Answer = { status: number; retryAfter: string | null; error: string | null };

/** A same-origin request from the page, with a made-up X-Forwarded-For (browsers may send one). */
function send(page: Page, path: string, method: "GET" | "POST", spoof: string): Promise<Answer> {
  return page.evaluate(
    async ({ path, method, spoof }) => {
      const res = await fetch(path, { method, headers: { "x-forwarded-for": spoof }, redirect: "manual" });
      const body = res.headers.get("content-type")?.includes("json") ? await res.json() : {};
      return { status: res.status, retryAfter: res.headers.get("retry-after"), error: body.error ?? null };
    },
    { path, method, spoof },
  );
}

/** `count` requests, half from each app's page, sent concurrently, each with another made-up X-Forwarded-For; their statuses. */
async function spend(apps: Page[], path: string, method: "GET" | "POST", count: number): Promise<number[]> {
  const half = count / apps.length;
  const statuses = await Promise.all(
    apps.map((app, a) =>
      app.evaluate(
        ({ path, method, half, offset }) =>
          Promise.all(
            Array.from({ length: half }, async (_, i) => (await fetch(path, { method, headers: { "x-forwarded-for": `198.51.100.${offset + i}` }, redirect: "manual" })).status),
          ),
        { path, method, half, offset: a * half },
      ),
    ),
  );
  return statuses.flat();
}

/** A request from another loopback address: another client, as far as the app can tell. */
function statusFrom(localAddress: string, port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, localAddress }, (res) => {
      res.resume();
      resolve(res.statusCode!);
    });
    req.on("error", reject);
    req.end();
  });
}

// The machine may be slow: 120 requests and two pages per test.
test.describe.configure({ timeout: 180_000 });
test.beforeEach(resetSignInBudgets);
test.afterEach(resetSignInBudgets);

test("SSO look-ups split over two app processes share one budget per address, and the sign-in page says when to try again", async ({ page, context }) => {
  const other = await context.newPage();
  await page.goto("/signin");
  await other.goto(`${E2E.devAppUrl}/signin`);
  const apps = [page, other];
  const lookup = "/api/auth/sso-discovery?email=someone%40nowhere.test";

  expect(await spend(apps, lookup, "GET", BUDGET)).toEqual(Array(BUDGET).fill(200));

  for (const app of apps) {
    const refused = await send(app, lookup, "GET", "203.0.113.99");
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect(Number(refused.retryAfter)).toBeLessThanOrEqual(60);
    expect(refused.error).toMatch(/^Too many single sign-on look-ups from your network \(at most 60 in 60 seconds\)\. Try again in \d+ seconds\.$/);
  }

  // Counted under the browser's TCP peer, not under an unknown or spoofed address: one key, and
  // another client (another loopback address) still has its whole budget.
  const keys = await withE2eDatabase((client) => client.rateLimit.findMany({ where: { key: { startsWith: "ssoDiscovery:" } }, select: { key: true } }));
  expect(keys.map((k) => k.key)).toEqual([expect.stringMatching(/^ssoDiscovery:address:(127\.0\.0\.1|::\/64)$/)]);
  expect(await statusFrom("127.0.0.2", E2E.appPort, lookup)).toBe(200);

  await page.getByLabel("Work email").fill("someone@nowhere.test");
  await page.getByRole("button", { name: "Continue with SSO" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(/^Too many single sign-on look-ups from your network .*Try again in \d+ seconds\.$/);
});

test("sign-in requests over the budget bring the person back to the sign-in page with the wait", async ({ page, context }) => {
  const other = await context.newPage();
  await page.goto("/signin");
  await other.goto(`${E2E.devAppUrl}/signin`);
  const apps = [page, other];

  expect(await spend(apps, "/api/auth/signin/oidc", "POST", BUDGET)).not.toContain(429);
  const refused = await send(other, "/api/auth/signin/oidc", "POST", "203.0.113.99");
  expect(refused.status).toBe(429);
  expect(Number(refused.retryAfter)).toBeGreaterThan(0);

  await page.getByRole("button", { name: /^Sign in with / }).click();
  await expect(page).toHaveURL(/\/signin\?error=RateLimited&retryAt=\d+/);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(/^Too many sign-in attempts from your network\. Try again in \d+ seconds\.$/);
});

test("a server action over the person's budget is refused, and the form says when to try again", async ({ page }) => {
  await signInWithOrgSso(page, USERS.acmeOwner);
  const user = await withE2eDatabase((client) => client.user.findUniqueOrThrow({ where: { email: USERS.acmeOwner } }));
  // Spending 300 actions through the browser would take minutes here: the row says they were spent.
  const key = `action:user:${user.id}`;
  const spent = { points: 100_000, expire: BigInt(Date.now() + 45_000) };
  await withE2eDatabase((client) => client.rateLimit.upsert({ where: { key }, create: { key, ...spent }, update: spent }));
  try {
    const form = page.getByRole("form", { name: "Create stack" });
    await form.getByLabel("New stack name").fill("too-many");
    await form.getByRole("button", { name: "Create stack" }).click();
    await expect(form.getByRole("alert")).toHaveText(/^Too many changes and previews \(at most 300 in 60 seconds\)\. Try again in ([1-3]\d|4[0-5]|\d) seconds?\.$/);
    await expect(page.getByTestId("stack-row-too-many")).toHaveCount(0);
  } finally {
    await withE2eDatabase((client) => client.rateLimit.delete({ where: { key } }));
  }
});
