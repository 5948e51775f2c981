import { expect, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import path from "node:path";

/** Signs in on the IdP's own login and consent pages, as a person would. */
async function completeIdpLogin(page: Page, email: string) {
  await page.waitForURL(/127\.0\.0\.1:\d+\/interaction\//);
  await page.locator('input[name="login"]').fill(email);
  await page.locator('input[name="password"]').fill("any-password");
  await page.locator('button[type="submit"]').click();
  await page.getByRole("button", { name: "Continue" }).click();
}

/** Email-first SSO: our sign-in page discovers the organization's IdP from the email domain. */
export async function signInWithOrgSso(page: Page, email: string, origin = "") {
  await page.goto(`${origin}/signin`);
  await page.getByLabel("Work email").fill(email);
  await page.getByRole("button", { name: "Continue with SSO" }).click();
  await completeIdpLogin(page, email);
  await page.waitForURL((url) => url.hostname === "localhost" && !url.pathname.startsWith("/api/auth"));
}

/** The instance-wide IdP configured by AUTH_OIDC_* (for people whose domain has no org SSO). */
export async function signInWithDefaultIdp(page: Page, email: string) {
  await page.goto("/signin");
  await page.getByRole("button", { name: /^Sign in with / }).click();
  await completeIdpLogin(page, email);
  await page.waitForURL((url) => url.hostname === "localhost" && !url.pathname.startsWith("/api/auth"));
}

/** The id Next gave a server action in this build, read from the build's manifest. */
export function serverActionId(exportedName: string): string {
  const manifest = JSON.parse(readFileSync(path.join(process.cwd(), ".next/server/server-reference-manifest.json"), "utf8"));
  const entry = Object.entries<{ exportedName: string }>(manifest.node).find(([, v]) => v.exportedName === exportedName);
  expect(entry, `server action ${exportedName} in the build manifest`).toBeTruthy();
  return entry![0];
}

/** Calls a server action the way a hand-crafted request would, with the page's cookies. */
export async function callServerActionDirectly(page: Page, exportedName: string, input: unknown): Promise<string> {
  const id = serverActionId(exportedName);
  return page.evaluate(
    async ({ id, input }) => {
      const res = await fetch(window.location.pathname, {
        method: "POST",
        headers: { "Next-Action": id, Accept: "text/x-component", "Content-Type": "text/plain;charset=UTF-8" },
        body: JSON.stringify([input]),
      });
      return res.text();
    },
    { id, input },
  );
}

/**
 * The elements that stick out past the page's right edge and so widen it, named by tag, text and
 * width; content inside a scrolling or clipping box does not count. Polled: the page settles after
 * streaming (loading.tsx hands over to the content), and a failure says what is too wide.
 */
export function pastTheRightEdge(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const edge = document.documentElement.clientWidth;
    const clipped = (e: Element) => {
      for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) if (getComputedStyle(a).overflowX !== "visible") return true;
      return false;
    };
    return [...document.body.querySelectorAll("*")]
      .filter((e) => e.getBoundingClientRect().right > edge + 0.5 && !clipped(e))
      .map((e) => `<${e.tagName.toLowerCase()}> "${(e.textContent ?? "").trim().slice(0, 40)}" right at ${Math.round(e.getBoundingClientRect().right)} of ${edge}`);
  });
}
