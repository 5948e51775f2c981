// Defects found by walking the product as a new user, each pinned where the browser shows it.
import { expect, test } from "./test";
import { E2E, USERS } from "./env";
import { pastTheRightEdge, signInWithDefaultIdp, signInWithOrgSso } from "./helpers";

test.beforeEach(async ({ page }) => {
  await signInWithOrgSso(page, USERS.acmeOwner);
});

test("double-clicking Create token creates one token, the one shown", async ({ page }) => {
  await page.goto("/acme/settings/tokens");
  const form = page.getByRole("form", { name: "Create an API token" });
  await form.getByLabel("Token name").fill("double-click");
  await form.getByRole("button", { name: "Create token" }).dblclick();
  const token = await page.getByLabel("New API token").inputValue();
  await page.reload();
  const rows = page.getByRole("row").filter({ hasText: "double-click" });
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText(token.slice(0, 10));
});

test("double-clicking Add connection adds it once and reports no error", async ({ page }) => {
  await page.goto("/acme/settings/aws");
  const form = page.getByRole("form", { name: "New AWS connection" });
  await form.getByLabel("Name").fill("double-click");
  await form.getByLabel("Credentials").selectOption("default_chain");
  await form.getByRole("button", { name: "Add connection" }).dblclick();
  await expect(page.getByTestId("connection-double-click")).toBeVisible();
  await page.waitForLoadState("networkidle");
  // The form is reset by the success; a second request would have put "already exists" on it.
  await expect(form.getByLabel("Name")).toHaveValue("");
  await expect(form.getByRole("alert")).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId("connection-double-click")).toHaveCount(1);
});

test("an invitation to an address over 254 characters is refused on the field; a long valid one does not widen the page", async ({ page }) => {
  await page.goto("/acme/settings/members");
  const form = page.getByRole("form", { name: "Invite a member" });
  const tooLong = `${"a".repeat(300)}@acme.test`;
  await form.getByLabel("Email").fill(tooLong);
  await form.getByRole("button", { name: "Invite" }).click();
  await expect(form.getByRole("alert")).toHaveText("An email address has at most 254 characters.");
  // Not invited (other specs' invitations of Acme may be pending: only this address matters).
  await expect(page.getByTestId(`invitation-${tooLong}`)).toHaveCount(0);

  const long = `${"l".repeat(64)}@${"d".repeat(60)}.${"e".repeat(60)}.${"f".repeat(60)}.test`;
  await form.getByLabel("Email").fill(long);
  await form.getByRole("button", { name: "Invite" }).click();
  await expect(page.getByTestId(`invitation-${long}`)).toBeVisible();
  await expect.poll(() => pastTheRightEdge(page)).toEqual([]);
});

test("an organization with an 80-character name keeps the switcher narrow, on a phone too", async ({ browser }) => {
  // Its own person, so the organization it creates shows up in no other spec's switcher.
  const page = await browser.newPage({ baseURL: E2E.appUrl, viewport: { width: 1280, height: 800 } });
  await signInWithDefaultIdp(page, "wide@review.test");
  await page.goto("/onboarding");
  await page.getByLabel("Organization name").fill("W".repeat(80));
  await page.getByRole("button", { name: "Create organization" }).click();
  await page.waitForURL(/\/stacks$/);
  const switcher = page.getByRole("combobox", { name: "Organization" });
  const stacksLink = page.getByRole("link", { name: "Stacks", exact: true });
  expect((await switcher.boundingBox())!.width).toBeLessThanOrEqual(200);
  // On one row with the navigation.
  expect(Math.abs((await switcher.boundingBox())!.y - (await stacksLink.boundingBox())!.y)).toBeLessThan(16);
  await page.setViewportSize({ width: 390, height: 800 });
  expect((await switcher.boundingBox())!.width).toBeLessThanOrEqual(200);
  await page.close();
});

test("on a phone the stacks list scrolls its table, not the page", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto("/acme/stacks");
  await expect(page.getByRole("link", { name: "orders", exact: true })).toBeVisible();
  await expect.poll(() => pastTheRightEdge(page)).toEqual([]);
});
