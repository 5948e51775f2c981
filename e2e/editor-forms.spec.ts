import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { parse as parseYaml } from "yaml";
import { expect, test } from "./test";
import { seedNewStack, seedRevision, withE2eDatabase } from "./db-fixtures";
import { E2E, USERS } from "./env";
import { signInWithOrgSso } from "./helpers";

// Issue 15, "Forms": the packaging selector, a field for every property (event-bus pattern, overrides,
// destinations outside the stack), collapsible inspector sections (compact on a first visit, each
// collapsed header saying what is set inside and its errors), the save-conflict dialog's diff and a
// revision that only moved nodes in the compare view.

const HANDLER = `export default async function handler() {\n  return { ok: true };\n}\n`;

const ARTIFACT_YAML = `# Orders, built by CI
resources:
  orders:
    type: function
    properties:
      packaging:
        type: s3-artifact
        properties:
          bucketName: ci-builds # the CI bucket
          key: orders/1.4.2.zip
          handler: index.handler
      runtime: nodejs22.x
`;

const BUS_YAML = `resources:
  # Reacts to S3 events on the default bus
  relay:
    type: function
    properties:
      packaging:
        type: stacktape-lambda-buildpack
        properties:
          entryfilePath: src/relay.ts
      memory: 256 # measured
      events:
        - type: event-bus
          properties:
            useDefaultBus: true
            eventPattern:
              source:
                - aws.s3
`;

const seed = (stack: string, yaml: string, code: Record<string, string> = {}) =>
  seedNewStack(stack, { number: 1, yaml, definition: parseYaml(yaml), code, message: "Seeded for the forms e2e" });

async function openEditor(page: Page, stack: string) {
  await page.goto(`${E2E.appUrl}/${E2E.acme.orgSlug}/stacks/${stack}/edit`);
  await expect(page.locator("html[data-editor-ready=true]")).toHaveCount(1);
}

const inspector = (page: Page) => page.getByRole("complementary", { name: "Inspector" });
const choose = (page: Page, resource: string) =>
  page.getByRole("complementary", { name: "Palette and resources" }).getByRole("button", { name: new RegExp(`^${resource} `) }).click();
/** An inspector section (a details element) by its title. */
const section = (page: Page, title: string) => inspector(page).locator("details").filter({ has: page.locator("summary").getByRole("heading", { name: title, exact: true }) });
const toggle = (page: Page, title: string) => section(page, title).locator("summary").click();
/** Opens a section that a first visit leaves collapsed. */
async function open(page: Page, title: string) {
  await expect(section(page, title)).toHaveJSProperty("open", false);
  await toggle(page, title);
  await expect(section(page, title)).toHaveJSProperty("open", true);
}

async function save(page: Page, number: number) {
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.locator("#save-status")).toHaveText(`Saved revision ${number}.`);
}

const savedYaml = (stack: string, number: number) =>
  withE2eDatabase(async (client) => {
    const row = await client.stackRevision.findFirstOrThrow({ where: { number, stack: { name: stack, organization: { slug: E2E.acme.orgSlug } } }, select: { yaml: true } });
    return row.yaml;
  });

async function expectNoSeriousA11yViolations(page: Page, include?: string) {
  const builder = new AxeBuilder({ page });
  const results = await (include ? builder.include(include) : builder).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("an s3-artifact function shows the artifact's fields, no entry file and no error; the selector switches to a container image's fields", async ({ page }) => {
  const stack = "forms-artifact";
  await seed(stack, ARTIFACT_YAML);
  await signInWithOrgSso(page, USERS.acmeOwner);
  await openEditor(page, stack);
  await choose(page, "orders");

  // The types as words, the YAML name of the chosen one said under the selector.
  const packagingType = inspector(page).getByLabel("Packaging");
  await expect(packagingType).toHaveValue("s3-artifact");
  await expect(packagingType.locator("option:checked")).toHaveText("Zip in S3");
  await expect(packagingType.locator("option")).toHaveText(["Choose…", "Build from an entry file", "Zip in S3", "Container image"]);
  await expect(packagingType).toHaveAccessibleDescription(/In the YAML: s3-artifact/);
  await expect(inspector(page).getByLabel("Artifact bucket")).toHaveValue("ci-builds");
  await expect(inspector(page).getByLabel("Artifact key")).toHaveValue("orders/1.4.2.zip");
  await expect(inspector(page).getByLabel("Handler", { exact: true })).toHaveValue("index.handler");
  await expect(inspector(page)).not.toContainText("Entry file");
  await expect(inspector(page).getByRole("button", { name: "Edit handler code" })).toHaveCount(0);
  await expect(inspector(page).locator("[aria-invalid=true]")).toHaveCount(0);
  await expect(page.locator("#save-status")).toHaveText("Revision 1, no unsaved changes.");
  await expectNoSeriousA11yViolations(page, '[aria-label="Inspector"]');

  await inspector(page).getByLabel("Artifact key").fill("orders/1.4.3.zip");
  await expect(inspector(page).locator("[aria-invalid=true]")).toHaveCount(0);
  await save(page, 2);
  const yaml = await savedYaml(stack, 2);
  expect(yaml).toContain("key: orders/1.4.3.zip");
  expect(yaml).toContain("bucketName: ci-builds # the CI bucket");
  expect(yaml).toContain("# Orders, built by CI");

  // Another type: its own fields, its required image URI reported until set, the artifact's gone.
  await packagingType.selectOption({ label: "Container image" });
  await expect(packagingType).toHaveAccessibleDescription(/In the YAML: container-image/);
  const image = inspector(page).getByLabel("Image URI");
  await expect(image).toHaveAttribute("aria-invalid", "true");
  await expect(inspector(page).getByLabel("Artifact bucket")).toHaveCount(0);
  await image.fill("123456789012.dkr.ecr.eu-west-1.amazonaws.com/orders:1.4.3");
  await inspector(page).getByLabel("Image command (one argument per line)").fill("index.handler");
  await expect(image).not.toHaveAttribute("aria-invalid");
  // An image brings its own runtime: the validator says so at the runtime the artifact needed.
  const runtime = inspector(page).getByLabel("Runtime");
  await expect(runtime).toHaveAttribute("aria-invalid", "true");
  await runtime.selectOption("");
  await expect(inspector(page).locator("[aria-invalid=true]")).toHaveCount(0);
  await save(page, 3);
  const packaging = (parseYaml(await savedYaml(stack, 3)) as { resources: { orders: { properties: { packaging: unknown } } } }).resources.orders.properties.packaging;
  expect(packaging).toEqual({ type: "container-image", properties: { imageUri: "123456789012.dkr.ecr.eu-west-1.amazonaws.com/orders:1.4.3", command: ["index.handler"] } });
});

test("event-bus pattern version and account, overrides as JSON and a destination outside the stack reach the YAML, comments kept", async ({ page }) => {
  const stack = "forms-bus";
  await seed(stack, BUS_YAML, { "src/relay.ts": HANDLER });
  await signInWithOrgSso(page, USERS.acmeOwner);
  await openEditor(page, stack);
  await choose(page, "relay");

  await open(page, "Triggers");
  const bus = inspector(page).getByRole("group", { name: /^Event bus/ });
  await bus.getByLabel("Pattern: versions (one per line)").fill("0");
  await bus.getByLabel("Pattern: accounts (one per line)").fill("123456789012");
  await bus.getByLabel("Pattern: regions (one per line)").fill("eu-west-1");

  // A failure destination in another stack: typed as an ARN, not picked.
  await open(page, "Destinations");
  const onFailure = inspector(page).getByLabel("On failure", { exact: true });
  await onFailure.selectOption({ label: "An ARN outside this stack…" });
  const arn = inspector(page).getByLabel("On failure: ARN outside this stack");
  await arn.fill("arn:aws:sqs:eu-west-1:123456789012:orders-dlq");
  await expect(onFailure).toHaveValue("(outside the stack)");

  await open(page, "Overrides");
  const overrides = inspector(page).getByRole("textbox", { name: "Overrides (JSON)" });
  await overrides.click();
  await page.keyboard.type('{"RelayFunction": {"Description": ');
  await expect(overrides).toHaveAttribute("aria-invalid", "true");
  await page.keyboard.type('"Relays S3 events"}}');
  await expect(overrides).not.toHaveAttribute("aria-invalid");
  await expect(inspector(page).locator("[aria-invalid=true]")).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, '[aria-label="Inspector"]');
  await save(page, 2);

  const yaml = await savedYaml(stack, 2);
  expect(yaml).toContain("# Reacts to S3 events on the default bus");
  expect(yaml).toContain("memory: 256 # measured");
  const relay = (parseYaml(yaml) as { resources: { relay: { properties: Record<string, unknown>; overrides: unknown } } }).resources.relay;
  expect((relay.properties.events as { properties: { eventPattern: unknown } }[])[0].properties.eventPattern).toEqual({
    source: ["aws.s3"],
    version: ["0"],
    account: ["123456789012"],
    region: ["eu-west-1"],
  });
  expect(relay.properties.destinations).toEqual({ onFailure: "arn:aws:sqs:eu-west-1:123456789012:orders-dlq" });
  expect(relay.overrides).toEqual({ RelayFunction: { Description: "Relays S3 events" } });

  // Over a reload the typed ARN still shows as one outside the stack.
  await page.reload();
  await expect(page.locator("html[data-editor-ready=true]")).toHaveCount(1);
  await choose(page, "relay");
  await expect(inspector(page).getByLabel("On failure: ARN outside this stack")).toHaveValue("arn:aws:sqs:eu-west-1:123456789012:orders-dlq");
});

const RICH_YAML = `resources:
  store:
    type: bucket
  alerts:
    type: event-bus
  httpApi:
    type: http-api-gateway
  orders:
    type: function
    properties:
      packaging:
        type: stacktape-lambda-buildpack
        properties:
          entryfilePath: src/orders.ts
      runtime: nodejs22.x
      memory: 1024
      timeout: 30
      reservedConcurrency: 5
      events:
        - type: http-api-gateway
          properties:
            httpApiGatewayName: httpApi
            method: GET
            path: /orders
        - type: sqs
          properties:
            queueArn: $CfResourceParam('jobs', 'Arn')
        - type: schedule
          properties:
            scheduleRate: rate(5 minutes)
      environment:
        - name: STAGE
          value: production
        - name: REGION_LABEL
          value: eu
      destinations:
        onFailure: $CfResourceParam('jobs', 'Arn')
      accessControl:
        allowAccessTo:
          - store
        iamRoleStatements:
          - Resource:
              - "*"
            Action:
              - sns:Publish
      connectTo:
        - alerts
      logging:
        retentionDays: 14
      deployment:
        strategy: Canary10Percent5Minutes
      tags:
        - name: team
          value: payments
    overrides:
      OrdersLambda:
        Description: Orders
cloudformationResources:
  jobs:
    Type: AWS::SQS::Queue
`;

test("a rich function's inspector is compact on a first visit: the first section open, the others saying what they hold", async ({ page }) => {
  const stack = "forms-rich";
  await seed(stack, RICH_YAML, { "src/orders.ts": HANDLER });
  await signInWithOrgSso(page, USERS.acmeOwner);
  // A browser that kept the list of collapsed titles of before: read as no choices, so the defaults apply.
  await page.evaluate(() => localStorage.setItem("lambdaplane.inspector.collapsed", JSON.stringify(["Code and runtime", "Tags"])));
  await openEditor(page, stack);
  await choose(page, "orders");

  await expect(section(page, "Code and runtime")).toHaveJSProperty("open", true);
  const summaries = {
    "Memory, time and concurrency": "1024 MB, 30 s, 5 reserved",
    Triggers: "3",
    Destinations: "On failure",
    Environment: "2 variables",
    "Access and network": "Connect to: alerts, 1 statement, access to 1 resource",
    Logging: "logs kept 14 days",
    "Versions and traffic shifting": "Canary10Percent5Minutes",
    Tags: "1 tag",
    Overrides: "Overrides",
  };
  for (const [title, summary] of Object.entries(summaries)) {
    await expect(section(page, title)).toHaveJSProperty("open", false);
    await expect(section(page, title).locator("summary")).toHaveText(`▸${title}· ${summary}`);
  }
  await expect(inspector(page).locator("summary", { hasText: "error" })).toHaveCount(0);
  const region = inspector(page).getByRole("region", { name: "Settings of orders" });
  const compact = await region.evaluate((el) => el.getBoundingClientRect().height);
  await expectNoSeriousA11yViolations(page, '[aria-label="Inspector"]');

  // Everything open, as every visit used to start: the summaries give way to the fields.
  for (const title of Object.keys(summaries)) await open(page, title);
  await expect(section(page, "Triggers").locator("summary")).toHaveText("▸Triggers");
  const full = await region.evaluate((el) => el.getBoundingClientRect().height);
  test.info().annotations.push({ type: "inspector height (px)", description: `first visit ${Math.round(compact)}, every section open ${Math.round(full)}` });
  // About 1,150 px against 6,300 at 1280 x 720: the open first section is most of it.
  expect(compact).toBeLessThan(1250);
  expect(compact * 4).toBeLessThan(full);
});

test("a collapsed section says how many errors it holds; a diagnostic's jump opens it and focuses its field; choices are kept", async ({ page }) => {
  const stack = "forms-sections";
  await seed(stack, `${BUS_YAML}  store:\n    type: bucket\n`, { "src/relay.ts": HANDLER });
  await signInWithOrgSso(page, USERS.acmeOwner);
  await openEditor(page, stack);
  await choose(page, "relay");

  const scaling = section(page, "Memory, time and concurrency");
  await expect(scaling.locator("summary")).toHaveText("▸Memory, time and concurrency· 256 MB");
  await open(page, "Memory, time and concurrency");
  const memory = inspector(page).getByLabel("Memory (MB)");
  await memory.fill("20000");
  await expect(memory).toHaveAttribute("aria-invalid", "true");
  await expect(scaling.locator("summary")).toHaveText("▸Memory, time and concurrency1 error");

  await toggle(page, "Memory, time and concurrency");
  await expect(scaling).toHaveJSProperty("open", false);
  await expect(memory).toBeHidden();
  await expect(scaling.locator("summary")).toHaveText("▸Memory, time and concurrency· 20000 MB1 error");
  await expect(scaling.locator("summary").getByText("1 error")).toBeVisible();
  await expect(section(page, "Triggers").locator("summary")).toHaveText("▸Triggers· 1");
  await expectNoSeriousA11yViolations(page, '[aria-label="Inspector"]');

  const preview = page.getByRole("region", { name: "Preview" });
  await preview.getByRole("tab", { name: /Diagnostics/ }).click();
  await preview.getByRole("button", { name: /memory/ }).first().click();
  await expect(scaling).toHaveJSProperty("open", true);
  await expect(memory).toBeVisible();
  await expect(memory).toBeFocused();
  // Collapsing the first section is kept too, for the next resource selected and over a reload.
  await toggle(page, "Code and runtime");
  await expect(section(page, "Code and runtime")).toHaveJSProperty("open", false);
  await expect(section(page, "Tags")).toHaveJSProperty("open", false);
  await choose(page, "store");
  await expect(section(page, "Settings")).toHaveJSProperty("open", true);
  await expect(section(page, "Overrides")).toHaveJSProperty("open", false);
  await expect(inspector(page).getByLabel("Versioning")).toBeVisible();
  page.once("dialog", (d) => void d.accept());
  await page.reload();
  await expect(page.locator("html[data-editor-ready=true]")).toHaveCount(1);
  await choose(page, "relay");
  await expect(section(page, "Code and runtime")).toHaveJSProperty("open", false);
  await expect(section(page, "Memory, time and concurrency")).toHaveJSProperty("open", true);
  await expect(section(page, "Tags")).toHaveJSProperty("open", false);
});

test("a viewer, whose forms are disabled, still opens and collapses sections", async ({ page }) => {
  const stack = "forms-viewer";
  await seed(stack, BUS_YAML, { "src/relay.ts": HANDLER });
  await signInWithOrgSso(page, USERS.acmeViewer);
  await openEditor(page, stack);
  await choose(page, "relay");
  const memory = inspector(page).getByLabel("Memory (MB)");
  await expect(memory).toBeHidden();
  await toggle(page, "Memory, time and concurrency");
  await expect(memory).toBeVisible();
  await expect(memory).toBeDisabled();
  await expect(memory).toHaveValue("256");
  await toggle(page, "Memory, time and concurrency");
  await expect(memory).toBeHidden();
});

test("the save-conflict dialog shows what each side changed as a diff, not the two documents", async ({ page }) => {
  const stack = "forms-conflict";
  // Enough lines that a change at the top leaves most of the document out of the diff.
  const yaml = `${BUS_YAML}  store:\n    type: bucket\n    properties:\n      versioning: true\n  audit:\n    type: event-bus\n`;
  await seed(stack, yaml, { "src/relay.ts": HANDLER });
  await signInWithOrgSso(page, USERS.acmeOwner);
  await openEditor(page, stack);
  await choose(page, "relay");
  await open(page, "Memory, time and concurrency");
  await inspector(page).getByLabel("Timeout (seconds)").fill("30");

  // Someone else saves revision 2 meanwhile.
  const theirs = yaml.replace("type: bucket\n    properties:\n      versioning: true", "type: bucket\n    properties:\n      versioning: false");
  await seedRevision(stack, { number: 2, yaml: theirs, definition: parseYaml(theirs), code: { "src/relay.ts": HANDLER }, message: "no versioning", authorEmail: USERS.acmeOwner });

  await page.getByRole("button", { name: "Save" }).click();
  const dialog = page.getByRole("dialog", { name: "Revision 2 was saved while you were editing" });
  await expect(dialog).toBeVisible();
  const mine = dialog.getByRole("region", { name: "Your version: changes since revision 1" });
  const other = dialog.getByRole("region", { name: "Revision 2: changes since revision 1" });
  await expect(mine).toContainText("+      timeout: 30");
  await expect(mine).toContainText("1 line added, 0 removed");
  await expect(mine).not.toContainText("versioning");
  await expect(other).toContainText("-      versioning: true");
  await expect(other).toContainText("+      versioning: false");
  await expect(other).not.toContainText("timeout");
  // Neither shows the whole document: the comment far from both changes is in neither diff.
  await expect(dialog).not.toContainText("Reacts to S3 events");
  await expectNoSeriousA11yViolations(page, "dialog");

  await dialog.getByRole("button", { name: "Merge my changes into revision 2" }).click();
  await expect(dialog).toBeHidden();
  await save(page, 3);
  const merged = await savedYaml(stack, 3);
  expect(merged).toContain("timeout: 30");
  expect(merged).toContain("versioning: false");
});

test("a revision that only moved nodes on the canvas says so in the compare view", async ({ page }) => {
  const stack = "forms-moved";
  await seed(stack, BUS_YAML, { "src/relay.ts": HANDLER });
  await signInWithOrgSso(page, USERS.acmeOwner);
  await openEditor(page, stack);

  const canvas = page.getByRole("region", { name: "Stack canvas" });
  const relay = canvas.locator('.react-flow__node[data-id="relay"]');
  const box = (await relay.getByText("relay", { exact: true }).boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + 100, box.y + 120, { steps: 8 });
  await page.mouse.move(box.x + 140, box.y + 160, { steps: 8 });
  await page.mouse.up();
  await expect(page.locator("#save-status")).toHaveText("Unsaved changes (based on revision 1).");
  await save(page, 2);
  expect(await savedYaml(stack, 2)).toBe(BUS_YAML);

  await page.goto(`${E2E.appUrl}/${E2E.acme.orgSlug}/stacks/${stack}/revisions`);
  await expect(page.getByRole("heading", { name: "Compare revision 1 with revision 2" })).toBeVisible();
  await expect(page.getByText("Only the canvas layout changed: the definition and the handler code are identical, and relay moved on the canvas.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Canvas layout" })).toContainText("Moved on the canvas: relay.");
  await expect(page.getByRole("region", { name: "YAML", exact: true })).toContainText("No differences.");
  await expectNoSeriousA11yViolations(page);
});
