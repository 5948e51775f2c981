import type { Page } from "@playwright/test";
import { expect, test } from "./test";
import { E2E, USERS } from "./env";
import { setUpDeployedStage } from "./deployed-stage";
import { signInWithOrgSso } from "./helpers";
import { everyPageUrl, settle } from "./page-walk";

// Every page of the app, signed in as an owner of an organization with a deployed stage, under
// `next start`: no CSP violation in the browser, no console error, and the security headers on
// every response.

const NOT_FOUND_URL = "/no-such-page-here";

type Violation = { directive: string; blocked: string; page: string };

/** Collects CSP violations from every document the page loads (the listener is in place before any script runs). */
async function watchViolations(page: Page): Promise<{ violations: Violation[]; consoleErrors: string[] }> {
  const violations: Violation[] = [];
  const consoleErrors: string[] = [];
  await page.exposeFunction("__reportCspViolation", (v: Violation) => void violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { __reportCspViolation: (v: unknown) => void }).__reportCspViolation({ directive: e.violatedDirective, blocked: e.blockedURI, page: location.pathname });
    });
  });
  // Our pages only: the IdP's login pages are another application. The 404 page's own status is expected.
  const ours = () => page.url().startsWith(E2E.appUrl);
  page.on("console", (m) => {
    const expected404 = page.url().endsWith(NOT_FOUND_URL) && m.text().includes("status of 404");
    if (m.type() === "error" && ours() && !expected404) consoleErrors.push(`${page.url()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => {
    if (ours()) consoleErrors.push(`${page.url()}: ${e.message}`);
  });
  return { violations, consoleErrors };
}

function expectSecurityHeaders(res: { headers(): Record<string, string> } | null, what: string) {
  expect(res, what).not.toBeNull();
  const h = res!.headers();
  const csp = h["content-security-policy"] ?? "";
  const scriptSrc = csp.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src")) ?? "";
  expect(scriptSrc, `${what}: script-src`).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
  expect(scriptSrc, `${what}: script-src`).not.toContain("unsafe-inline");
  expect(scriptSrc, `${what}: script-src (next start is production)`).not.toContain("unsafe-eval");
  expect(csp, what).toContain("frame-ancestors 'none'");
  expect(h["x-content-type-options"], what).toBe("nosniff");
  expect(h["referrer-policy"], what).toBe("strict-origin-when-cross-origin");
  // NEXTAUTH_URL is http://localhost here: no HSTS (a unit test covers https).
  expect(h["strict-transport-security"], what).toBeUndefined();
}

test.beforeAll(async () => {
  await setUpDeployedStage();
});

test("every page loads without a CSP violation or console error, with the security headers", async ({ browser }) => {
  test.setTimeout(240_000);
  const context = await browser.newContext();
  const page = await context.newPage();
  const { violations, consoleErrors } = await watchViolations(page);

  // Signed out first: the sign-in page (and the IdP's pages, which are not ours, in between).
  expectSecurityHeaders(await page.goto("/signin"), "/signin");
  await signInWithOrgSso(page, USERS.acmeOwner);

  const urls = await everyPageUrl(page, "csp-walk@partner.test");

  for (const url of [...urls, NOT_FOUND_URL]) {
    const res = await page.goto(url);
    expectSecurityHeaders(res, url);
    // Every script tag the server sent carries the nonce (chunks loaded later are allowed through 'strict-dynamic').
    const html = await (await page.request.get(page.url())).text();
    const tags = html.match(/<script\b[^>]*>/g) ?? [];
    expect(tags.length, url).toBeGreaterThan(0);
    expect(tags.filter((t) => !/\snonce="[^"]+"/.test(t)), `${url}: script tags without the nonce`).toEqual([]);
    await settle(page);
  }

  // API responses and static files carry the headers too.
  expectSecurityHeaders(await page.request.get(`/api/orgs/${E2E.acme.orgSlug}/audit`), "an API response");
  const chunk = await page.locator("script[src]").first().getAttribute("src");
  const asset = await page.request.get(chunk!);
  expect(asset.headers()["x-content-type-options"], "a static file").toBe("nosniff");

  expect(violations).toEqual([]);
  expect(consoleErrors).toEqual([]);
  await context.close();
});

test("the policy is enforced: an inline event handler injected into a page is blocked and reported", async ({ page }) => {
  const { violations } = await watchViolations(page);
  await page.goto("/signin");
  await page.evaluate(() => {
    const img = document.createElement("img");
    img.setAttribute("onerror", "window.__injected = true");
    img.src = "data:image/png;base64,broken";
    document.body.append(img);
  });
  await expect.poll(() => violations.length).toBeGreaterThan(0);
  expect(violations[0].directive).toMatch(/^script-src/);
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
});

test("pages refuse to be framed by another site", async ({ page }) => {
  const res = await page.request.get("/signin");
  expect(res.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(res.headers()["x-frame-options"]).toBe("DENY");
  // A fresh nonce per response: a nonce seen once is no use to an attacker.
  const again = await page.request.get("/signin");
  expect(again.headers()["content-security-policy"]).not.toBe(res.headers()["content-security-policy"]);
});

test("robots.txt, the icon and the health endpoints are served without a session, with the headers", async ({ request }) => {
  const robots = await request.get("/robots.txt", { maxRedirects: 0 });
  expect(robots.status()).toBe(200);
  expect(await robots.text()).toMatch(/^User-agent: \*\nDisallow: \/$/m);
  expect(robots.headers()["x-content-type-options"]).toBe("nosniff");

  const icon = await request.get("/icon.svg", { maxRedirects: 0 });
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");

  const health = await request.get("/api/health", { maxRedirects: 0 });
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ status: "ok" });
  expect(health.headers()["cache-control"]).toBe("no-store");
  expectSecurityHeaders(health, "/api/health");

  // The server's deploy workers start in the background after it answers its first request.
  await expect.poll(async () => (await request.get("/api/ready", { maxRedirects: 0 })).status(), { timeout: 30_000 }).toBe(200);
  const ready = await request.get("/api/ready", { maxRedirects: 0 });
  expect(await ready.json()).toEqual({ status: "ready", checks: { database: "ok", migrations: "ok", queue: "ok" } });
});

test("the pages link the icon from public/", async ({ page }) => {
  await page.goto("/signin");
  await expect(page.locator('link[rel="icon"]')).toHaveAttribute("href", "/icon.svg");
});
