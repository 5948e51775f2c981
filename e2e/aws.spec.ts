import { expect, test } from "./test";
import { readFileSync } from "node:fs";
import { withE2eDatabase } from "./db-fixtures";
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

// The development server of the e2e set-up keeps the production defaults of the instance settings
// (e2e/serve.ts): no endpoint override, no server credentials.
test("where the instance allows neither, the form offers no endpoint override and no server credentials, and an older connection using them cannot be used", async ({ page }) => {
  const dev = E2E.devAppUrl;
  await withE2eDatabase(async (client) => {
    const org = await client.organization.findUniqueOrThrow({ where: { slug: E2E.acme.orgSlug } });
    await client.awsConnection.create({ data: { organizationId: org.id, name: "own-keys", defaultRegion: "us-east-1", credentialType: "default_chain" } });
  });
  await signInWithOrgSso(page, USERS.acmeOwner, dev);
  await page.goto(`${dev}/${E2E.acme.orgSlug}/settings/aws`);
  const form = page.getByRole("form", { name: "New AWS connection" });
  await expect(form.getByLabel("Credentials").locator("option")).toHaveText(["Assume an IAM role in your account (external id generated)"]);
  await expect(form.getByLabel("Endpoint override (optional)")).toHaveCount(0);

  const card = page.getByTestId("connection-own-keys");
  await expect(card.getByRole("alert")).toHaveText(/^Cannot be used: This instance does not let organizations use the server's own AWS credentials/);
  await card.getByRole("button", { name: "Test connection" }).click();
  await expect(card.getByRole("alert").nth(1)).toHaveText(/^This instance does not let organizations use the server's own AWS credentials .*assume an IAM role/);
});
