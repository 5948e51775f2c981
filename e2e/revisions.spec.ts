import type { Page } from "@playwright/test";
import { expect, test } from "./test";
import AxeBuilder from "@axe-core/playwright";
import { readFileSync } from "node:fs";
import { createZip } from "@/server/package/zip";
import { readCodeZip } from "@/server/stacks/import-zip";
import { parseStack } from "@/lib/stack";
import { E2E, USERS } from "./env";
import { seedRevision } from "./db-fixtures";
import { signInWithOrgSso } from "./helpers";

// Issue 4 items 7 and 8: import a pasted YAML with an uploaded handler zip, compare two revisions
// (YAML, template and monthly cost), restore one as a new revision, and export YAML and code.

const STACK = "imported-api";
const HANDLER = `export default async function handler() {\n  return { statusCode: 200, body: "v1" };\n}\n`;
const YAML = `resources:
  api:
    type: http-api-gateway
  hello:
    type: function
    properties:
      packaging:
        type: stacktape-lambda-buildpack
        properties:
          entryfilePath: src/handler.ts
      memory: 256
      events:
        - type: http-api-gateway
          properties:
            httpApiGatewayName: api
            path: /hello
            method: GET
`;

async function expectNoSeriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

const downloadText = async (page: Page, link: string) => {
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: link }).click();
  const file = await download;
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
};

async function openImport(page: Page, name: string) {
  await page.getByRole("link", { name: "Import a stack from YAML" }).click();
  // Exact: "Stack name" also matches the stacks page's "New stack name", which stays on screen until
  // the navigation lands (text filled into it then was what "vanished").
  await page.getByLabel("Stack name", { exact: true }).fill(name);
  await expect(page.getByLabel("Stack name", { exact: true })).toHaveValue(name);
}

test.beforeEach(async ({ page }) => {
  await signInWithOrgSso(page, USERS.acmeOwner);
  await expect(page).toHaveURL(`${E2E.appUrl}/${E2E.acme.orgSlug}/stacks`);
});

test("a bad import names the line and field, and creates nothing", async ({ page }) => {
  await openImport(page, "broken");
  // Uploaded rather than pasted: the file's text fills the YAML box and problems name the file.
  const bad = YAML.replace("memory: 256", "memory: 20000");
  await page.getByLabel("Or upload the YAML file").setInputFiles({ name: "broken.yml", mimeType: "application/yaml", buffer: Buffer.from(bad) });
  await expect(page.getByLabel("Stack definition (YAML)")).toHaveValue(bad);
  await page.getByRole("button", { name: "Import stack" }).click();
  const problems = page.getByRole("list", { name: "Import problems" });
  await expect(problems).toHaveText("broken.yml:11:15 error resources.hello.properties.memory: must be at most 10240 (got number 20000)");
  // Listed once: the summary above the list counts the problems and does not repeat the first.
  await expect(page.getByRole("form", { name: "Import stack" }).getByRole("alert")).toHaveText("The import has 1 error; nothing was created. Fix it and import again:");
  await expectNoSeriousA11yViolations(page);
  await page.goto(`/${E2E.acme.orgSlug}/stacks`);
  await expect(page.getByTestId("stack-row-broken")).toHaveCount(0);
});

test("an empty import shows each field's error at its field", async ({ page }) => {
  await page.getByRole("link", { name: "Import a stack from YAML" }).click();
  await page.getByRole("button", { name: "Import stack" }).click();
  await expect(page.getByLabel("Stack name", { exact: true })).toHaveAccessibleDescription("Name is required.");
  const yaml = page.getByLabel("Stack definition (YAML)");
  await expect(yaml).toHaveAttribute("aria-invalid", "true");
  await expect(yaml).toHaveAccessibleDescription(/^the definition is empty: paste or upload a YAML file/);
  await expect(page.getByRole("form", { name: "Import stack" }).getByRole("alert")).toHaveText(["Name is required.", "the definition is empty: paste or upload a YAML file"]);
});

test("what is typed into the import form the moment it shows survives hydration and is what gets imported", async ({ page }, testInfo) => {
  // One stack per run of this test (--repeat-each): a second import of one name is refused.
  const stack = `typed-at-once-${testInfo.repeatEachIndex}`;
  await page.goto(`/${E2E.acme.orgSlug}/stacks/import`, { waitUntil: "commit" });
  const yaml = page.getByLabel("Stack definition (YAML)");
  const name = page.getByLabel("Stack name", { exact: true });
  // Visible first, as for a person: pressSequentially has no visibility check, and keys sent to the
  // form while React still holds the streamed page hidden behind the loading skeleton go nowhere.
  await expect(yaml).toBeVisible();
  await yaml.pressSequentially(YAML);
  await name.pressSequentially(stack);
  await page.waitForLoadState("networkidle");
  await expect(yaml).toHaveValue(YAML);
  await expect(name).toHaveValue(stack);
  await page.getByRole("button", { name: "Import stack" }).click();
  await expect(page.getByRole("status")).toContainText(`Imported ${stack} as revision 1`);
});

test("import with a zip, compare two revisions, restore one and export it", async ({ page }) => {
  await openImport(page, STACK);
  await page.getByLabel("Stack definition (YAML)").fill(YAML);
  await page.getByLabel("Handler files (zip, optional)").setInputFiles({
    name: "code.zip",
    mimeType: "application/zip",
    buffer: createZip([{ path: "src/handler.ts", data: Buffer.from(HANDLER) }]),
  });
  await page.getByRole("button", { name: "Import stack" }).click();
  await expect(page).toHaveURL(`${E2E.appUrl}/${E2E.acme.orgSlug}/stacks/${STACK}`);
  await expect(page.getByRole("heading", { name: "Definition (revision 1)" })).toBeVisible();

  // A second revision, written as the editor's save writes it (the editor is another page with its own e2e).
  const yaml2 = YAML.replace("memory: 256", "memory: 1024");
  await seedRevision(STACK, {
    number: 2,
    yaml: yaml2,
    definition: parseStack(yaml2).definition!,
    code: { "src/handler.ts": HANDLER.replace("v1", "v2") },
    message: "more memory",
    authorEmail: USERS.acmeOwner,
  });

  await page.getByRole("navigation", { name: "Stack" }).getByRole("link", { name: "Revisions" }).click();
  const history = page.getByRole("table", { name: "Revision history" });
  await expect(history.getByRole("row")).toHaveCount(3);
  await expect(history.getByRole("row").nth(1)).toContainText("more memory");
  await expect(history.getByRole("row").nth(1)).toContainText(USERS.acmeOwner);
  await expect(history.getByRole("row").nth(2)).toContainText("Imported");

  // Default comparison: revision 1 -> 2.
  await expect(page.getByRole("heading", { name: "Compare revision 1 with revision 2" })).toBeVisible();
  await expect(page.getByLabel("YAML diff, revision 1 → revision 2")).toContainText("-      memory: 256");
  await expect(page.getByLabel("YAML diff, revision 1 → revision 2")).toContainText("+      memory: 1024");
  await expect(page.getByLabel("Template diff, revision 1 → revision 2")).toContainText('+        "MemorySize": 1024,');
  await expect(page.getByLabel("src/handler.ts diff, revision 1 → revision 2")).toContainText('+  return { statusCode: 200, body: "v2" };');
  await expect(page.getByText(/^Total: \+\$\d+\.\d\d\/month/)).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // Any two revisions, with the keyboard: 2 -> 1 is a decrease.
  await page.getByLabel("From revision").selectOption("2");
  await page.getByLabel("To revision").selectOption("1");
  await page.getByLabel("Cost region").selectOption("eu-west-1");
  await page.getByRole("button", { name: "Compare" }).press("Enter");
  await expect(page).toHaveURL(/from=2&to=1&region=eu-west-1/);
  await expect(page.getByText(/^Total: -\$\d+\.\d\d\/month .* in eu-west-1/)).toBeVisible();
  await expect(page.getByRole("table", { name: "Monthly cost change per resource" })).toContainText("hello (changed)");

  // Restore revision 1 as revision 3.
  await page.getByRole("button", { name: "Restore revision 1" }).click();
  const dialog = page.getByRole("dialog", { name: "Restore revision 1?" });
  await dialog.getByRole("button", { name: "Restore as revision 3" }).click();
  await expect(page).toHaveURL(/from=2&to=3/);
  await expect(history.getByRole("row")).toHaveCount(4);
  await expect(history.getByRole("row").nth(1)).toContainText("Restored revision 1");
  await expect(page.getByLabel("YAML diff, revision 2 → revision 3")).toContainText("+      memory: 256");

  await page.getByRole("link", { name: "Compare revision 1 with the latest" }).click();
  await expect(page.getByRole("heading", { name: "Compare revision 1 with revision 3" })).toBeVisible();
  await expect(page.getByText("No differences.").first()).toBeVisible();

  // Export revision 3: the YAML as imported and the handler as uploaded.
  const yaml = await downloadText(page, "Download revision 3 YAML");
  expect(yaml.name).toBe(`${STACK}-r3.yml`);
  expect(yaml.bytes.toString("utf8")).toBe(YAML);
  const zip = await downloadText(page, "Download revision 3 code zip");
  expect(zip.name).toBe(`${STACK}-r3-code.zip`);
  expect(readCodeZip(zip.bytes, zip.name)).toEqual({ code: { "src/handler.ts": HANDLER }, problems: [] });

  // Delete the history before revision 3 (none deployed): asked first, then said what went.
  await page.getByRole("button", { name: "Delete revisions older than 3" }).click();
  const confirm = page.getByRole("dialog", { name: "Delete the revisions older than revision 3?" });
  await expectNoSeriousA11yViolations(page);
  await confirm.getByRole("button", { name: "Delete older revisions" }).click();
  await expect(confirm.getByRole("status")).toContainText("Deleted 2 revision(s)");
  await confirm.getByRole("button", { name: "Close" }).click();
  await expect(history.getByRole("row")).toHaveCount(2);
  await expect(history.getByRole("row").nth(1)).toContainText("Restored revision 1");
  // The comparison the URL still names (2 -> 3) lost a side: nothing to compare, no error.
  await expect(page.getByRole("heading", { name: "Compare revisions" })).toBeVisible();
});
