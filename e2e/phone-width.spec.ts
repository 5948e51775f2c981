import { expect, test } from "./test";
import { E2E, USERS } from "./env";
import { setUpDeployedStage } from "./deployed-stage";
import { pastTheRightEdge, signInWithOrgSso } from "./helpers";
import { everyPageUrl, settle } from "./page-walk";

// Every page of the app at a phone's width (390 px): nothing sticks out past the right edge, so the
// page never scrolls sideways; wide content scrolls inside its own box (issue 15).

test.beforeAll(async () => {
  await setUpDeployedStage();
});

test("no page is wider than a 390 px phone", async ({ page }) => {
  test.setTimeout(240_000);
  await signInWithOrgSso(page, USERS.acmeOwner);
  const urls = await everyPageUrl(page, "phone-walk@partner.test");
  await page.setViewportSize({ width: 390, height: 844 });
  const tooWide: string[] = [];
  for (const url of urls) {
    await page.goto(url);
    await settle(page);
    // Named by page, so one run lists every page that needs fixing.
    tooWide.push(...(await pastTheRightEdge(page)).slice(0, 3).map((e) => `${url}: ${e}`));
  }
  expect(tooWide).toEqual([]);
});

test("a table's scroll box is a tab stop while it scrolls, and not when the table fits", async ({ page }) => {
  await signInWithOrgSso(page, USERS.acmeOwner);
  await page.goto(`/${E2E.acme.orgSlug}/settings/audit`);
  const box = page.locator("div:has(> table)").first();
  await expect(box).toBeVisible();
  await expect(box).not.toHaveAttribute("tabindex");
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(box).toHaveAttribute("tabindex", "0");
  await box.focus();
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => box.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
});
