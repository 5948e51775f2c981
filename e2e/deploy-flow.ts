import type { Page } from "@playwright/test";
import { expect } from "./test";

// What a person does in the browser to deploy a stack to moto: add a connection and a stage, deploy
// from the Deploy panel. Shared by the deploy and drift specs.

/** Adds the connection unless an earlier test did (each test can also run on its own). */
export async function addConnection(page: Page, name: string, endpoint: string, region: string) {
  await page.goto("/acme/settings/aws");
  if ((await page.getByTestId(`connection-${name}`).count()) > 0) return;
  const form = page.getByRole("form", { name: "New AWS connection" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Default region").fill(region);
  await form.getByLabel("Credentials").selectOption("default_chain");
  await form.getByLabel("Endpoint override (optional)").fill(endpoint);
  await form.getByRole("button", { name: "Add connection" }).click();
  await expect(page.getByTestId(`connection-${name}`)).toBeVisible();
}

export const stageCard = (page: Page, name: string) =>
  page.getByRole("list", { name: "Stages" }).getByRole("listitem").filter({ has: page.getByRole("heading", { name, exact: true }) });

/** Adds a stage of the stack at `stackPath` on the connection (whose default region is `region`). */
export async function addStage(page: Page, stackPath: string, name: string, connection: string, region: string, options: { protected?: boolean } = {}) {
  await page.goto(`${stackPath}/deployments`);
  const form = page.getByRole("form", { name: "New stage" });
  await form.getByLabel("Stage name").fill(name);
  await form.getByLabel("AWS connection").selectOption({ label: `${connection} (${region})` });
  await expect(form.getByLabel("Region")).toHaveValue(region);
  if (options.protected) await form.getByLabel(/^Protected/).check();
  await form.getByRole("button", { name: "Add stage" }).click();
  await expect(stageCard(page, name)).toBeVisible();
}

/** Deploys the stack's latest revision to the stage from the Deploy panel; resolves on the deployment page. */
export async function deployFromPanel(page: Page, stackPath: string, stage: string) {
  await page.goto(`${stackPath}/deployments`);
  const panel = page.getByRole("region", { name: /^Deploy revision/ });
  await panel.getByLabel("Stage").selectOption({ label: stage });
  await panel.getByRole("button", { name: "Deploy" }).click();
  await page.waitForURL(/\/deployments\/[a-z0-9]+$/);
}

export const deploymentStatus = (page: Page) => page.getByRole("status", { name: "Deployment status" });
export const changeSetTable = (page: Page) => page.getByRole("table", { name: "Change set" });
