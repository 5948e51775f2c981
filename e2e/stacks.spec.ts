import type { Page } from "@playwright/test";
import { expect, test } from "./test";
import { readFileSync } from "node:fs";
import { E2E, USERS } from "./env";
import { signInWithOrgSso } from "./helpers";

const rows = (page: Page) => page.locator('[data-testid^="stack-row-"]');

test.beforeEach(async ({ page }) => {
  await signInWithOrgSso(page, USERS.acmeOwner);
  await expect(page).toHaveURL(`${E2E.appUrl}/${E2E.acme.orgSlug}/stacks`);
});

test("a page loads its app icon and requests nothing that is missing", async ({ page }) => {
  const missing: string[] = [];
  page.on("response", (r) => {
    if (r.status() === 404) missing.push(r.url());
  });
  await page.reload();
  const icon = page.locator('link[rel="icon"]');
  await expect(icon).toHaveAttribute("type", "image/svg+xml");
  const response = await page.request.get((await icon.getAttribute("href"))!);
  expect(response.headers()["content-type"]).toContain("image/svg+xml");
  await page.waitForLoadState("load");
  expect(missing).toEqual([]);
});

test("bad stack names get an inline error naming the field, and nothing is written", async ({ page }) => {
  const before = await rows(page).count();
  const name = page.getByLabel("New stack name");
  const create = page.getByRole("button", { name: "Create stack" });
  const alert = page.getByRole("form", { name: "Create stack" }).getByRole("alert");

  await create.click();
  await expect(alert).toHaveText("Name is required.");
  await expect(name).toHaveAttribute("aria-invalid", "true");

  await name.fill("orders");
  await create.click();
  await expect(alert).toHaveText('A stack named "orders" already exists in this organization.');

  await name.fill("x".repeat(65));
  await create.click();
  await expect(alert).toHaveText("Name must be at most 64 characters.");

  await page.reload();
  await expect(rows(page)).toHaveCount(before);
});

test("double-clicking Create stack creates one stack and reports no error", async ({ page }) => {
  const actions: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST" && r.headers()["next-action"]) actions.push(r.url());
  });
  const form = page.getByRole("form", { name: "Create stack" });
  await form.getByLabel("New stack name").fill("dbl");
  await form.getByRole("button", { name: "Create stack" }).dblclick();
  await expect(page.getByTestId("stack-row-dbl")).toBeVisible();
  // The success clears the field; a second run would have put "already exists" on it.
  await expect(form.getByLabel("New stack name")).toHaveValue("");
  await expect(form.getByRole("button", { name: "Create stack" })).toBeEnabled();
  expect(actions).toHaveLength(1);
  await expect(form.getByRole("alert")).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId("stack-row-dbl")).toHaveCount(1);
});

test("an owner creates, renames and deletes a stack with the keyboard, and the audit log records it", async ({ page }) => {
  await page.getByLabel("New stack name").fill("billing");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("stack-row-billing")).toBeVisible();

  await page.getByRole("button", { name: "Rename billing" }).focus();
  await page.keyboard.press("Enter");
  const rename = page.getByRole("dialog", { name: "Rename billing" });
  await rename.getByLabel("Name").fill("invoicing");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("stack-row-invoicing")).toBeVisible();

  await page.getByRole("button", { name: "Delete invoicing" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete invoicing?" });
  const confirm = dialog.getByRole("button", { name: "Delete stack" });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel("Stack name").fill("invoicing");
  await confirm.click();
  await expect(page.getByTestId("stack-row-invoicing")).toHaveCount(0);

  await page.getByRole("link", { name: "Audit log" }).click();
  await page.getByLabel("Action").selectOption("stack.rename");
  const table = page.getByRole("table");
  await expect(table.getByRole("row")).toHaveCount(2);
  await expect(table).toContainText(USERS.acmeOwner);
  await expect(table).toContainText('"name":"invoicing"');
  await page.getByLabel("Action").selectOption("");
  await expect(table).toContainText("stack.delete");
  await expect(table).toContainText("stack.create");

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const csv = readFileSync((await (await download).path())!, "utf8");
  expect(csv.split("\r\n")[0]).toBe("at,actorEmail,action,targetType,targetId,before,after,apiTokenId");
  expect(csv).toMatch(/owner@acme\.test,stack\.rename,stack,/);
});

test("the last owner cannot be demoted or removed", async ({ page }) => {
  await page.getByRole("link", { name: "Members" }).click();
  const me = page.getByTestId(`member-${USERS.acmeOwner}`);
  await me.getByRole("combobox", { name: `Role of ${USERS.acmeOwner}` }).selectOption("admin");
  await expect(me.getByRole("alert")).toHaveText("This is the last owner: make someone else an owner first.");
  await page.reload();
  await expect(me.getByRole("combobox")).toHaveValue("owner");

  await me.getByRole("button", { name: `Remove ${USERS.acmeOwner}` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Remove member" }).click();
  await expect(page.getByRole("dialog").getByRole("alert")).toHaveText("This is the last owner: make someone else an owner first.");
});

test("an owner changes a member's role", async ({ page }) => {
  await page.getByRole("link", { name: "Members" }).click();
  const viewer = page.getByTestId(`member-${USERS.acmeViewer}`);
  const role = viewer.getByRole("combobox", { name: `Role of ${USERS.acmeViewer}` });
  // The select shows the saved role (it is controlled by the server's answer), so a value and an
  // enabled select mean the change is stored; networkidle could pass before the request was sent.
  const saved = async (value: string) => {
    await expect(role).toHaveValue(value);
    await expect(role).toBeEnabled();
  };
  await role.selectOption("deployer");
  await saved("deployer");
  await page.reload();
  await expect(role).toHaveValue("deployer");
  await role.selectOption("viewer");
  await saved("viewer");
  await page.reload();
  await expect(role).toHaveValue("viewer");
});
