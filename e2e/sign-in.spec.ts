import { expect, test } from "./test";
import { E2E } from "./env";
import { signInWithDefaultIdp, signInWithOrgSso } from "./helpers";

test("a production build without AUTH_DEV_LOGIN offers no development sign-in", async ({ page }) => {
  await page.goto("/signin");
  await expect(page.getByRole("heading", { name: "Sign in to Lambdaplane" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Continue with SSO" })).toBeVisible();
  await expect(page.getByText(/development sign-in/i)).toHaveCount(0);
});

test("signing in through the OIDC provider lands in the organization whose domain matches, with its default role", async ({ page }) => {
  await signInWithOrgSso(page, `new.person@${E2E.acme.domain}`);
  await expect(page).toHaveURL(`${E2E.appUrl}/${E2E.acme.orgSlug}/stacks`);
  await expect(page.getByTestId("current-role")).toHaveText(E2E.acme.defaultRole);
  await expect(page.getByRole("combobox", { name: "Organization" })).toHaveValue(E2E.acme.orgSlug);
  await expect(page.getByTestId("stack-row-orders")).toBeVisible();
});

test("an email domain without SSO is told so by name", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Work email").fill("someone@nowhere.test");
  await page.getByRole("button", { name: "Continue with SSO" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("No organization has single sign-on set up for nowhere.test.");
});

test("a person from the instance IdP with no organization creates one and owns it", async ({ page }) => {
  await signInWithDefaultIdp(page, "founder@startup.test");
  await expect(page).toHaveURL(/\/onboarding$/);
  await page.getByLabel("Organization name").fill("Startup Inc");
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page).toHaveURL(/\/startup-inc\/stacks$/);
  await expect(page.getByTestId("current-role")).toHaveText("owner");
});

test("signing out ends the session", async ({ page }) => {
  await signInWithOrgSso(page, `leaver@${E2E.acme.domain}`);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto(`/${E2E.acme.orgSlug}/stacks`);
  await expect(page).toHaveURL(/\/signin/);
});

test("attack: a session cookie copied before sign-out is signed out when replayed (redirect on a page, 401 on an API route)", async ({ browser, page }) => {
  await signInWithOrgSso(page, `copied@${E2E.acme.domain}`);
  const stolen = await page.context().cookies();
  const apiRoute = `/api/orgs/${E2E.acme.orgSlug}/audit/export?format=json`;

  const thief = await browser.newContext();
  await thief.addCookies(stolen);
  const replay = await thief.newPage();
  // While the owner is signed in the copy works (an editor may not export the audit log: 403, not 401).
  expect((await replay.request.get(apiRoute)).status()).toBe(403);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);

  await replay.goto(`/${E2E.acme.orgSlug}/stacks`);
  await expect(replay).toHaveURL(/\/signin/);
  await thief.addCookies(stolen);
  expect((await replay.request.get(apiRoute)).status()).toBe(401);
  await thief.close();
});

test("an identity provider that has not verified the email gets no session, and the page says why", async ({ page }) => {
  await signInWithOrgSso(page, `unverified.pat@${E2E.acme.domain}`);
  await expect(page).toHaveURL(/\/signin\?error=EmailNotVerified/);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(/did not confirm that your email address is verified/);
  await page.goto(`/${E2E.acme.orgSlug}/stacks`);
  await expect(page).toHaveURL(/\/signin/);
});

test("with AUTH_DEV_LOGIN=1 the development sign-in lets a person in by email alone", async ({ page }) => {
  await page.goto(`${E2E.devAppUrl}/signin`);
  await page.getByLabel("Work email").fill("dev.person@localhost.test");
  await page.getByRole("button", { name: "Development sign-in" }).click();
  await expect(page).toHaveURL(`${E2E.devAppUrl}/onboarding`);
  await expect(page.getByText("Signed in as dev.person@localhost.test")).toBeVisible();
});
