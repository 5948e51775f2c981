import { expect, test } from "./test";
import { publishTxt } from "./dns-zone";
import { E2E, USERS } from "./env";
import { signInWithOrgSso } from "./helpers";

// SSO domain verification (issue 13) against the DNS server e2e/serve.ts runs for the app.

test("an admin proves a domain by DNS (pending, then failed with the reason, then verified), after which it routes sign-in", async ({ browser }) => {
  // Two sign-ins through the IdP and four DNS checks: more than one default test timeout on a busy machine.
  test.slow();
  const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
  const page = await context.newPage();
  await signInWithOrgSso(page, USERS.acmeOwner);
  await page.goto(`/${E2E.acme.orgSlug}/settings/sso`);

  // Not verified yet: the domain routes nobody.
  expect(await (await page.request.get("/api/auth/sso-discovery?email=new.person@acme-labs.test")).json()).toEqual({ providerId: null });

  const add = page.getByRole("form", { name: "Add a domain" });
  await add.getByLabel("Domain").fill("Acme-Labs.test");
  await add.getByRole("button", { name: "Add domain" }).click();
  const row = page.getByTestId("sso-domain-acme-labs.test");
  await expect(row.getByTestId("domain-status")).toHaveText("pending");
  await expect(row.getByTestId("txt-name")).toHaveText("_lambdaplane-challenge.acme-labs.test");

  await row.getByRole("button", { name: "Verify" }).click();
  await expect(row.getByTestId("domain-status")).toHaveText("failed");
  await expect(row.getByTestId("domain-reason")).toHaveText(/_lambdaplane-challenge.acme-labs.test does not exist in DNS \(NXDOMAIN\)/);

  publishTxt("_lambdaplane-challenge.acme-labs.test", ["not-the-token"]);
  await row.getByRole("button", { name: "Verify" }).click();
  await expect(row.getByTestId("domain-reason")).toHaveText(/No TXT record at _lambdaplane-challenge.acme-labs.test holds this domain's token/);

  // What the admin pastes at their DNS provider: the value as copied from the page.
  await row.getByRole("button", { name: "Copy the TXT record value for acme-labs.test" }).click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  await expect(row.getByTestId("txt-value")).toHaveText(copied);
  publishTxt("_lambdaplane-challenge.acme-labs.test", [copied]);
  await row.getByRole("button", { name: "Verify" }).click();
  await expect(row.getByTestId("domain-status")).toHaveText("verified");
  await expect(row).toContainText(`by ${USERS.acmeOwner}`);
  await context.close();

  const newcomer = await (await browser.newContext()).newPage();
  await signInWithOrgSso(newcomer, "new.person@acme-labs.test");
  await expect(newcomer).toHaveURL(`${E2E.appUrl}/${E2E.acme.orgSlug}/stacks`);
  await expect(newcomer.getByTestId("current-role")).toHaveText(E2E.acme.defaultRole);
});

test("a second organization cannot verify a domain another organization verified, even with its own TXT record published", async ({ page }) => {
  await signInWithOrgSso(page, USERS.initechOwner);
  await page.goto(`/${E2E.initech.orgSlug}/settings/sso`);
  const add = page.getByRole("form", { name: "Add a domain" });
  await add.getByLabel("Domain").fill(E2E.acme.domain);
  await add.getByRole("button", { name: "Add domain" }).click();
  const row = page.getByTestId(`sso-domain-${E2E.acme.domain}`);
  const token = await row.getByTestId("txt-value").textContent();
  publishTxt(`_lambdaplane-challenge.${E2E.acme.domain}`, [token!]);
  await row.getByRole("button", { name: "Verify" }).click();
  await expect(row.getByRole("alert")).toHaveText(`${E2E.acme.domain} is already verified by another organization: a domain routes sign-in for one organization only. If it is yours, have that organization remove it first.`);
  await expect(row.getByTestId("domain-status")).toHaveText("pending");
  expect(await (await page.request.get(`/api/auth/sso-discovery?email=someone@${E2E.acme.domain}`)).json()).toEqual({ providerId: `sso-${E2E.acme.ssoConnectionId}` });
});

test("an anonymous caller learns where one email signs in, and no organization's name", async ({ request }) => {
  const known = await request.get(`/api/auth/sso-discovery?email=someone@${E2E.acme.domain}`);
  const unknown = await request.get("/api/auth/sso-discovery?email=someone@nobody.test");
  expect(await known.json()).toEqual({ providerId: `sso-${E2E.acme.ssoConnectionId}` });
  expect(await unknown.json()).toEqual({ providerId: null });
  // The public provider list names no organization and lists no organization's connection: a
  // caller learns a connection only for an email whose domain routes to it.
  const providers = await (await request.get("/api/auth/providers")).json();
  const text = JSON.stringify(providers);
  for (const name of [E2E.acme.orgName, E2E.initech.orgName]) expect(text).not.toContain(name);
  expect(Object.keys(providers).filter((id) => id.startsWith("sso-"))).toEqual([]);
  expect(Object.keys(providers)).toContain("oidc");
});
