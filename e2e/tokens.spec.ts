import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./test";
import { E2E, USERS } from "./env";
import { seedFailedDelivery, seedStage } from "./db-fixtures";
import { signInWithOrgSso } from "./helpers";

async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help}`);
}

test("an owner creates an API token shown once, the REST API takes it within its scope, and refuses it once revoked", async ({ page }) => {
  await signInWithOrgSso(page, USERS.acmeOwner);
  await page.getByRole("link", { name: "API tokens" }).click();
  await expect(page.getByRole("heading", { name: "API tokens" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  const form = page.getByRole("form", { name: "Create an API token" });
  await form.getByLabel("Token name").fill("dashboard");
  await form.getByLabel("Expires after").selectOption("7");
  await form.getByRole("button", { name: "Create token" }).click();
  const token = await page.getByLabel("New API token").inputValue();
  expect(token).toMatch(/^lpt_/);
  const row = page.getByRole("row").filter({ hasText: "dashboard" });
  await expect(row).toContainText(token.slice(0, 10));
  await expect(row).toContainText("never");

  const auth = { authorization: `Bearer ${token}` };
  const list = await page.request.get(`${E2E.appUrl}/api/v1/stacks`, { headers: auth });
  expect(list.status()).toBe(200);
  expect((await list.json()).stacks.map((s: { name: string }) => s.name)).toContain("orders");
  const deploy = await page.request.post(`${E2E.appUrl}/api/v1/stacks/orders/deployments`, { headers: auth, data: { stage: "dev" } });
  expect(deploy.status()).toBe(403);
  expect((await deploy.json()).error).toMatch(/needs the deploy scope/);

  await page.reload();
  await expect(page.getByLabel("New API token")).toHaveCount(0);
  await expect(page.getByRole("row").filter({ hasText: "dashboard" })).not.toContainText("never");
  await page.getByRole("button", { name: "Revoke token dashboard" }).click();
  await expect(page.getByRole("row").filter({ hasText: "dashboard" })).toContainText("revoked");
  expect((await page.request.get(`${E2E.appUrl}/api/v1/stacks`, { headers: auth })).status()).toBe(401);
});

test("an admin adds a signed webhook to a stage on the stack's settings page and sees the stage's delivery log", async ({ page }) => {
  const stageId = await seedStage("orders", { name: "dev", region: "eu-west-1" });
  await signInWithOrgSso(page, USERS.acmeOwner);
  await page.goto(`/${E2E.acme.orgSlug}/stacks/orders/settings`);
  const stage = page.getByRole("region", { name: "Stage dev" });
  await expect(stage.getByText("No notifications for this stage.")).toBeVisible();
  await expect(stage.getByText("Nothing sent yet.")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  const form = stage.getByRole("form", { name: "Add a notification to dev" });
  await form.getByLabel("Webhook URL").fill("https://example.com/slack");
  await form.getByRole("button", { name: "Add notification" }).click();
  await expect(form.getByRole("alert")).toHaveText("A Slack incoming webhook URL starts with https://hooks.slack.com/.");

  await form.getByLabel("Kind").selectOption("webhook");
  await form.getByLabel("started").uncheck();
  await form.getByRole("button", { name: "Add notification" }).click();
  await expect(stage.getByLabel("Webhook signing secret")).toHaveValue(/^whsec_/);
  const list = stage.getByRole("list", { name: "Notifications of dev" });
  await expect(list).toContainText("https://example.com/slack");
  await expect(list).toContainText("succeeded, failed");

  // A delivery that failed twice, as the notification worker records it (no receiver runs in the e2e set-up).
  await seedFailedDelivery(stageId, { deploymentId: "e2e-deployment", statusCode: 503, error: "HTTP 503", attempts: 2, durationMs: 40 });
  await page.reload();
  const log = stage.getByRole("table", { name: "Delivery log of dev" });
  await expect(log).toContainText("e2e-deployment");
  await expect(log).toContainText("failed (HTTP 503)");
  await expect(log.getByRole("listitem")).toHaveCount(2);
  await expect(log.getByRole("listitem").first()).toContainText("HTTP 503");

  // Redeliver queues the same payload again; Send test delivery queues a ping: both are rows of the log, marked.
  await stage.getByRole("button", { name: /^Redeliver failed of / }).click();
  await expect(log.getByRole("row").filter({ hasText: "redelivery" })).toHaveCount(1);
  await expect(log.getByRole("row").filter({ hasText: "redelivery" })).toContainText("e2e-deployment");
  await stage.getByRole("button", { name: /^Send test delivery to Webhook / }).click();
  await expect(stage.getByRole("status").filter({ hasText: "Test delivery queued" })).toBeVisible();
  await expect(log.getByRole("row").filter({ hasText: "ping" })).toContainText("test");
  expect(await seriousViolations(page)).toEqual([]);

  await stage.getByRole("button", { name: /^Remove Webhook / }).click();
  await expect(stage.getByText("No notifications for this stage.")).toBeVisible();
  await expect(stage.getByText("Nothing sent yet.")).toBeVisible();
});
