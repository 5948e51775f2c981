import { expect, test } from "./test";
import { E2E, USERS } from "./env";
import { callServerActionDirectly, signInWithDefaultIdp, signInWithOrgSso } from "./helpers";

const stacksUrl = `/${E2E.acme.orgSlug}/stacks`;

test("a viewer sees no rename or delete controls, and the server refuses a direct delete", async ({ page }) => {
  await signInWithOrgSso(page, USERS.acmeViewer);
  await expect(page.getByTestId("current-role")).toHaveText("viewer");
  const row = page.getByTestId("stack-row-orders");
  await expect(row).toBeVisible();
  await expect(page.getByRole("button", { name: /rename/i })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /delete/i })).toHaveCount(0);
  await expect(page.getByRole("form", { name: "Create stack" })).toHaveCount(0);

  const stackId = await row.getAttribute("data-stack-id");
  const reply = await callServerActionDirectly(page, "deleteStack", { orgSlug: E2E.acme.orgSlug, stackId, confirmation: "orders" });
  expect(reply).toContain('"status":403');
  expect(reply).toContain("does not allow");

  await page.reload();
  await expect(page.getByTestId("stack-row-orders")).toBeVisible();
});

test("a member of another organization gets 404 for its pages and its ids", async ({ page }) => {
  await signInWithOrgSso(page, USERS.acmeOwner);
  const acmeStackId = await page.getByTestId("stack-row-orders").getAttribute("data-stack-id");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  // Signing out of Lambdaplane does not end the IdP's own session; a different person needs a clean browser.
  await page.context().clearCookies();

  await signInWithDefaultIdp(page, USERS.globexOwner);
  await expect(page).toHaveURL(`${E2E.appUrl}/${E2E.globex.orgSlug}/stacks`);
  const res = await page.goto(stacksUrl);
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();

  await page.goto(`/${E2E.globex.orgSlug}/stacks`);
  const viaOwnOrg = await callServerActionDirectly(page, "renameStack", { orgSlug: E2E.globex.orgSlug, stackId: acmeStackId, name: "stolen" });
  expect(viaOwnOrg).toContain('"status":404');
  const viaOtherOrg = await callServerActionDirectly(page, "deleteStack", { orgSlug: E2E.acme.orgSlug, stackId: acmeStackId, confirmation: "orders" });
  expect(viaOtherOrg).toContain('"status":404');
  expect(viaOtherOrg).not.toContain("orders");
});
