import type { Browser } from "@playwright/test";
import { expect, test } from "./test";
import { E2E, USERS } from "./env";
import { expireInvitation } from "./db-fixtures";
import { signInWithDefaultIdp, signInWithOrgSso } from "./helpers";

async function inviteAs(browser: Browser, email: string, role: string): Promise<string> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInWithOrgSso(page, USERS.acmeOwner);
  await page.getByRole("link", { name: "Members" }).click();
  const form = page.getByRole("form", { name: "Invite a member" });
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Invited role").selectOption(role);
  await form.getByRole("button", { name: "Invite" }).click();
  const link = await page.getByLabel("Invitation link").inputValue();
  await expect(page.getByTestId(`invitation-${email}`)).toBeVisible();
  await context.close();
  return link;
}

test("an invited deployer accepts through the link, sees the stacks, and cannot change members; the link then stops working", async ({ browser }) => {
  const link = await inviteAs(browser, "dana@partner.test", "deployer");
  expect(link).toMatch(new RegExp(`^${E2E.appUrl}/invite/`));

  const invitee = await browser.newContext();
  const page = await invitee.newPage();
  await page.goto(link);
  await expect(page.getByRole("heading", { name: `Join ${E2E.acme.orgName}` })).toBeVisible();
  await expect(page.getByText("You are invited as deployer")).toBeVisible();
  await expect(page.getByText("This creates a Lambdaplane account for dana@partner.test")).toBeVisible();
  await page.getByRole("button", { name: "Create account and join" }).click();
  await expect(page).toHaveURL(`${E2E.appUrl}/${E2E.acme.orgSlug}/stacks`);
  await expect(page.getByTestId("current-role")).toHaveText("deployer");
  await expect(page.getByTestId("stack-row-orders")).toBeVisible();

  await page.getByRole("link", { name: "Members" }).click();
  await expect(page.getByTestId("member-dana@partner.test")).toBeVisible();
  await expect(page.getByRole("combobox", { name: /^Role of / })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Remove / })).toHaveCount(0);
  await expect(page.getByRole("form", { name: "Invite a member" })).toHaveCount(0);
  await invitee.close();

  const again = await browser.newContext();
  const reuse = await again.newPage();
  await reuse.goto(link);
  await expect(reuse.getByRole("main").getByRole("alert")).toHaveText(/already been used/);
  await again.close();
});

test("an expired invitation link says so", async ({ browser, page }) => {
  const link = await inviteAs(browser, "late@partner.test", "viewer");
  await expireInvitation("late@partner.test");
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "This invitation cannot be used" })).toBeVisible();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(/has expired/);
});

test("with SSO enforced, a member is refused the development sign-in and gets in through the OIDC provider", async ({ browser }) => {
  const dev = E2E.devAppUrl;
  const admin = await (await browser.newContext()).newPage();
  await signInWithOrgSso(admin, USERS.initechOwner, dev);
  await admin.goto(`${dev}/${E2E.initech.orgSlug}/settings/sso`);
  const form = admin.getByRole("form", { name: "SSO settings" });
  await expect(form.getByLabel("Issuer URL")).toHaveValue(E2E.idpIssuer);
  await form.getByLabel("Enforce SSO").check();
  await form.getByRole("button", { name: "Save" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();

  const member = await (await browser.newContext()).newPage();
  await member.goto(`${dev}/signin`);
  await member.getByLabel("Work email").fill(USERS.initechMember);
  await member.getByRole("button", { name: "Development sign-in" }).click();
  await expect(member.getByRole("main").getByRole("alert")).toHaveText(/requires signing in through its single sign-on/);
  await expect(member).toHaveURL(/\/signin/);

  await signInWithOrgSso(member, USERS.initechMember, dev);
  await expect(member).toHaveURL(`${dev}/${E2E.initech.orgSlug}/stacks`);
  await expect(member.getByTestId("current-role")).toHaveText("editor");
});

test("attack: an owner who invites an existing person's email and opens the link gets no session as them; the person accepts after signing in", async ({ browser }) => {
  const link = await inviteAs(browser, USERS.globexOwner, "viewer");

  const attacker = await browser.newContext();
  const page = await attacker.newPage();
  await page.goto(link);
  await expect(page.getByText(`${USERS.globexOwner} already has an account. Sign in the way you usually do`)).toBeVisible();
  await expect(page.getByRole("button", { name: "Create account and join" })).toHaveCount(0);
  // The sign-in request the old page made, sent by hand: refused, and no session comes of it.
  const answer = await page.evaluate(async (token) => {
    const { csrfToken } = await (await fetch("/api/auth/csrf")).json();
    const res = await fetch("/api/auth/callback/invitation", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ token, csrfToken, json: "true" }),
    });
    return (await res.json()).url as string;
  }, link.split("/invite/")[1]);
  expect(decodeURIComponent(answer)).toContain("already exists");
  expect(await (await page.request.get("/api/auth/session")).json()).toEqual({});
  await page.goto(`/${E2E.globex.orgSlug}/stacks`);
  await expect(page).toHaveURL(/\/signin/);
  await attacker.close();

  const victim = await (await browser.newContext()).newPage();
  await signInWithDefaultIdp(victim, USERS.globexOwner);
  await victim.goto(link);
  await victim.getByRole("button", { name: "Accept invitation" }).click();
  await expect(victim).toHaveURL(`${E2E.appUrl}/${E2E.acme.orgSlug}/stacks`);
  await expect(victim.getByTestId("current-role")).toHaveText("viewer");
});

test("an account made through an invitation is claimed by the first IdP sign-in of its email, which ends the session the link opened", async ({ browser }) => {
  const email = "lee@partner.test";
  const link = await inviteAs(browser, email, "viewer");
  const page = await (await browser.newContext()).newPage();
  await page.goto(link);
  await page.getByRole("button", { name: "Create account and join" }).click();
  await expect(page).toHaveURL(`${E2E.appUrl}/${E2E.acme.orgSlug}/stacks`);
  await page.getByRole("link", { name: "Account" }).click();
  await expect(page.getByText("None yet")).toBeVisible();

  // The IdP verifies the email: its sign-in claims the account no identity was linked to yet.
  const later = await (await browser.newContext()).newPage();
  await signInWithDefaultIdp(later, email);
  await later.goto(`/${E2E.acme.orgSlug}/stacks`);
  await expect(later.getByTestId("current-role")).toHaveText("viewer");
  await later.getByRole("link", { name: "Account" }).click();
  await expect(later.getByTestId("identity")).toHaveText(new RegExp(`^${E2E.idpIssuer} as ${email}`));

  // Whoever opened the link (the inviter may have) is signed out by the claim.
  await page.goto(`/${E2E.acme.orgSlug}/stacks`);
  await expect(page).toHaveURL(/\/signin/);
});
