import { request } from "node:http";
import { expect, test, type Page } from "@playwright/test";
import { withE2eDatabase } from "./db-fixtures";
import { E2E } from "./env";

// Rate limits across the two `next start` processes e2e/serve.ts runs on one database: requests
// split over both count against one budget, the TCP peer is the client however it fills
// X-Forwarded-For, and the sign-in page says when to try again. Default budgets (60 a minute per
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

test.beforeAll(resetSignInBudgets);
test.afterAll(resetSignInBudgets);

test("SSO look-ups split over two app processes share one budget per address, and the sign-in page says when to try again", async ({ page, context }) => {
  const other = await context.newPage();
  await page.goto("/signin");
  await other.goto(`${E2E.devAppUrl}/signin`);
  const apps = [page, other];
  const lookup = "/api/auth/sso-discovery?email=someone%40nowhere.test";

  const statuses: number[] = [];
  for (let i = 0; i < BUDGET; i++) statuses.push((await send(apps[i % 2], lookup, "GET", `198.51.100.${i}`)).status);
  expect(statuses).toEqual(Array(BUDGET).fill(200));

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

  for (let i = 0; i < BUDGET; i++) expect((await send(apps[i % 2], "/api/auth/signin/oidc", "POST", `198.51.100.${i}`)).status).not.toBe(429);
  const refused = await send(other, "/api/auth/signin/oidc", "POST", "203.0.113.99");
  expect(refused.status).toBe(429);
  expect(Number(refused.retryAfter)).toBeGreaterThan(0);

  await page.getByRole("button", { name: /^Sign in with / }).click();
  await expect(page).toHaveURL(/\/signin\?error=RateLimited&retryAt=\d+/);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(/^Too many sign-in attempts from your network\. Try again in \d+ seconds\.$/);
});
