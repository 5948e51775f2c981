import { expect, test } from "@playwright/test";
import { readFileSync } from "node:fs";
import { E2E, USERS } from "./env";
import { signInWithOrgSso } from "./helpers";

test("an owner adds an AWS connection pointed at the emulator, tests it, and bad input is named", async ({ page }) => {
  const endpoint = readFileSync(E2E.motoEndpointFile, "utf8").trim();
  await signInWithOrgSso(page, USERS.acmeOwner);
  await page.getByRole("link", { name: "AWS" }).click();
  const form = page.getByRole("form", { name: "New AWS connection" });

  await form.getByRole("button", { name: "Add connection" }).click();
  await expect(form.getByRole("alert")).toHaveText("Name is required.");

  await form.getByLabel("Name").fill("local");
  await form.getByLabel("Credentials").selectOption("default_chain");
  await form.getByLabel("Endpoint override (optional)").fill(endpoint);
  await form.getByRole("button", { name: "Add connection" }).click();
  const card = page.getByTestId("connection-local");
  await expect(card).toContainText(`endpoint ${endpoint}`);

  await card.getByRole("button", { name: "Test connection" }).click();
  await expect(card.getByRole("status")).toHaveText(/^Connected as arn:aws:sts::\d{12}:/);

  await form.getByLabel("Name").fill("prod");
  await form.getByLabel("Credentials").selectOption("assume_role");
  await form.getByLabel("Role ARN").fill("not-an-arn");
  await form.getByRole("button", { name: "Add connection" }).click();
  await expect(form.getByRole("alert")).toHaveText("Role ARN must look like arn:aws:iam::123456789012:role/name.");
  await expect(page.getByTestId("connection-prod")).toHaveCount(0);
});
