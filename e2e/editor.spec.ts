import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./test";
import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { STARTER_HANDLER, STARTER_HANDLER_PATH, STARTER_YAML } from "@/server/stacks/starter";
import { seedNewStack, withE2eDatabase } from "./db-fixtures";
import { E2E, USERS } from "./env";
import { signInWithOrgSso } from "./helpers";

const editorUrl = (org: string, stack: string) => `${E2E.appUrl}/${org}/stacks/${stack}/edit`;

async function openEditor(page: Page, org: string, stack: string) {
  await page.goto(editorUrl(org, stack));
  await expect(page.locator("html[data-editor-ready=true]")).toHaveCount(1);
}

/** The text CodeMirror shows in a view (short documents only: CodeMirror renders what is near the viewport). */
const editorText = async (scope: Locator) => (await scope.locator(".cm-content").innerText()).trimEnd();

const inspector = (page: Page) => page.getByRole("complementary", { name: "Inspector" });
const trigger = (page: Page, label: RegExp) => inspector(page).getByRole("group", { name: label });
/** Opens an inspector section: a first visit opens only a resource's first one. One already open stays open. */
async function openSection(page: Page, title: string) {
  const section = inspector(page).locator("details").filter({ has: page.locator("summary").getByRole("heading", { name: title, exact: true }) });
  if (!(await section.evaluate((el) => (el as HTMLDetailsElement).open))) await section.locator("summary").click();
  await expect(section).toHaveJSProperty("open", true);
}

async function createStack(page: Page, name: string, start: "Empty" | "Starter (a function behind an HTTP API)") {
  await page.getByLabel("New stack name").fill(name);
  await page.getByRole("radio", { name: start }).check();
  await page.getByRole("button", { name: "Create stack" }).click();
  await page.getByTestId(`stack-row-${name}`).getByRole("link", { name }).click();
  await page.getByRole("navigation", { name: "Stack" }).getByRole("link", { name: "Editor" }).click();
  await expect(page.locator("html[data-editor-ready=true]")).toHaveCount(1);
}

const EXPECTED_YAML = `resources:
  httpApi:
    type: http-api-gateway
  function:
    type: function
    properties:
      packaging:
        type: stacktape-lambda-buildpack
        properties:
          entryfilePath: src/function.ts
      events:
        - type: http-api-gateway
          properties:
            httpApiGatewayName: httpApi
            method: GET
            path: /hello
        - type: sqs
          properties:
            queueArn: $CfResourceParam('queue', 'Arn')
            batchSize: 5
        - type: schedule
          properties:
            scheduleRate: rate(5 minutes)
      destinations:
        onFailure: $ResourceParam('eventBus', 'arn')
  eventBus:
    type: event-bus
cloudformationResources:
  queue:
    Type: AWS::SQS::Queue
`;

test("a new user builds a stack from empty with mouse and keyboard; YAML, template and a reload agree", async ({ page }) => {
  await signInWithOrgSso(page, USERS.acmeOwner);
  await createStack(page, "storefront", "Empty");
  await expect(page.getByRole("heading", { name: "Resources (0)" })).toBeVisible();

  await page.getByRole("button", { name: "+ HTTP API" }).click();
  await page.getByRole("button", { name: "+ Function" }).click();
  await expect(inspector(page).getByRole("heading", { name: /^function/ })).toBeVisible();

  // A route from the inspector, by keyboard: choose the trigger type, add it, fill its fields.
  await openSection(page, "Triggers");
  await inspector(page).getByLabel("New trigger type").selectOption({ label: "HTTP API route" });
  await inspector(page).getByRole("button", { name: "Add trigger" }).press("Enter");
  const route = trigger(page, /^HTTP API route/);
  await route.getByLabel("HTTP API", { exact: true }).selectOption("httpApi");
  await route.getByLabel("Method").selectOption("GET");
  await route.getByLabel("Path").fill("/hello");

  // A queue connected on the canvas with the mouse: drag from its handle to the function's.
  await page.getByRole("button", { name: "+ SQS queue" }).click();
  const canvas = page.getByRole("region", { name: "Stack canvas" });
  await canvas.locator('.react-flow__node[data-id="queue"] .react-flow__handle.source').dragTo(canvas.locator('.react-flow__node[data-id="function"] .react-flow__handle.target'));
  const sqs = trigger(page, /^SQS queue/);
  await expect(sqs.getByLabel("Queue ARN")).toHaveValue("$CfResourceParam('queue', 'Arn')");
  await expect(sqs.getByText("Default: 10.")).toBeVisible();
  await sqs.getByLabel("Batch size").fill("5");

  await inspector(page).getByLabel("New trigger type").selectOption({ label: "Schedule" });
  await inspector(page).getByRole("button", { name: "Add trigger" }).click();
  await trigger(page, /^Schedule/).getByLabel("Schedule rate").fill("rate(5 minutes)");

  await page.getByRole("button", { name: "+ Event bus" }).click();
  await page.getByRole("complementary", { name: "Palette and resources" }).getByRole("button", { name: /^function / }).click();
  await openSection(page, "Destinations");
  await inspector(page).getByLabel("On failure").selectOption({ label: "eventBus (event-bus)" });

  await expect(canvas.locator(".react-flow__edge")).toHaveCount(3);
  await page.getByLabel("Revision message (optional)").fill("api, queue, schedule and failure bus");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.locator("#save-status")).toHaveText("Saved revision 2.");

  await page.getByRole("tab", { name: "YAML" }).click();
  const view = page.getByRole("tabpanel", { name: "YAML view" });
  await expect.poll(() => editorText(view)).toBe(EXPECTED_YAML.trimEnd());

  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview.getByRole("status")).toHaveText("Up to date");
  await preview.getByRole("tab", { name: "Template" }).click();
  const download = page.waitForEvent("download");
  await preview.getByRole("button", { name: "Download template.json" }).click();
  const template = JSON.parse(readFileSync((await (await download).path())!, "utf8"));
  const resources = Object.values(template.Resources) as { Type: string; Properties: Record<string, unknown> }[];
  const ofType = (type: string) => resources.filter((r) => r.Type === type);
  expect(ofType("AWS::SQS::Queue")).toHaveLength(1);
  expect(ofType("AWS::Lambda::EventSourceMapping")[0].Properties).toMatchObject({ BatchSize: 5 });
  expect(ofType("AWS::Events::Rule")[0].Properties).toMatchObject({ ScheduleExpression: "rate(5 minutes)" });
  expect(ofType("AWS::ApiGatewayV2::Route")[0].Properties).toMatchObject({ RouteKey: "GET /hello" });
  expect(JSON.stringify(ofType("AWS::Lambda::EventInvokeConfig")[0].Properties.DestinationConfig)).toContain("OnFailure");
  await preview.getByRole("tab", { name: "Resources" }).click();
  await expect(preview.getByTestId("resource-count")).toHaveText(String(resources.length));

  await page.reload();
  await expect(page.locator("html[data-editor-ready=true]")).toHaveCount(1);
  await page.getByRole("tab", { name: "YAML" }).click();
  await expect.poll(() => editorText(page.getByRole("tabpanel", { name: "YAML view" }))).toBe(EXPECTED_YAML.trimEnd());
  await expect(page.locator("#save-status")).toHaveText("Revision 2, no unsaved changes.");
});

test("two people save from the same revision: the second gets the conflict dialog and neither change is lost", async ({ browser }) => {
  const [a, b] = [await browser.newContext(), await browser.newContext()];
  const [pa, pb] = [await a.newPage(), await b.newPage()];
  await signInWithOrgSso(pa, USERS.initechOwner);
  await createStack(pa, "ledger", "Starter (a function behind an HTTP API)");
  await signInWithOrgSso(pb, USERS.initechMember);
  await openEditor(pb, E2E.initech.orgSlug, "ledger");

  for (const p of [pa, pb]) await p.getByRole("complementary", { name: "Palette and resources" }).getByRole("button", { name: /^hello / }).click();
  await openSection(pa, "Memory, time and concurrency");
  await inspector(pa).getByLabel("Memory (MB)").fill("512");
  await pa.getByRole("button", { name: "Save" }).click();
  await expect(pa.locator("#save-status")).toHaveText("Saved revision 2.");

  await openSection(pb, "Memory, time and concurrency");
  await inspector(pb).getByLabel("Timeout (seconds)").fill("30");
  await pb.getByRole("button", { name: "Save" }).click();
  const dialog = pb.getByRole("dialog", { name: "Revision 2 was saved while you were editing" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("region", { name: "Your version" })).toContainText("timeout: 30");
  await expect(dialog.getByRole("region", { name: "Revision 2" })).toContainText("memory: 512");
  await dialog.getByRole("button", { name: "Merge my changes into revision 2" }).click();
  await expect(dialog).toBeHidden();
  await expect(inspector(pb).getByLabel("Memory (MB)")).toHaveValue("512");
  await expect(inspector(pb).getByLabel("Timeout (seconds)")).toHaveValue("30");
  await pb.getByRole("button", { name: "Save" }).click();
  await expect(pb.locator("#save-status")).toHaveText("Saved revision 3.");

  await openEditor(pa, E2E.initech.orgSlug, "ledger");
  await pa.getByRole("tab", { name: "YAML" }).click();
  const yaml = await editorText(pa.getByRole("tabpanel", { name: "YAML view" }));
  expect(yaml).toContain("memory: 512");
  expect(yaml).toContain("timeout: 30");
  await a.close();
  await b.close();
});

test("a form edit changes only its line of the YAML: the saved revision keeps the top-of-file comment and memory's comment", async ({ page }) => {
  const yaml = `# Checkout: one function behind an HTTP API.\n\n${STARTER_YAML.replace("memory: 256", "memory: 2048 # bigger")}`;
  await seedNewStack("checkout", { number: 1, yaml, definition: parseYaml(yaml), code: { [STARTER_HANDLER_PATH]: STARTER_HANDLER }, message: "Seeded with comments" });
  await signInWithOrgSso(page, USERS.acmeOwner);
  await openEditor(page, E2E.acme.orgSlug, "checkout");
  await page.getByRole("complementary", { name: "Palette and resources" }).getByRole("button", { name: /^hello / }).click();
  await openSection(page, "Memory, time and concurrency");
  await inspector(page).getByLabel("Timeout (seconds)").fill("30");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.locator("#save-status")).toHaveText("Saved revision 2.");

  const saved = await withE2eDatabase((client) =>
    client.stackRevision.findFirstOrThrow({ where: { number: 2, stack: { name: "checkout", organization: { slug: E2E.acme.orgSlug } } }, select: { yaml: true } }),
  );
  expect(saved.yaml).toBe(yaml.replace("timeout: 10", "timeout: 30"));
});

test("out-of-range memory and timeout and a malformed cron show inline errors and block the save; leaving asks first", async ({ page }) => {
  await signInWithOrgSso(page, USERS.acmeOwner);
  await openEditor(page, E2E.acme.orgSlug, "orders");
  await page.getByRole("complementary", { name: "Palette and resources" }).getByRole("button", { name: /^hello / }).click();

  await openSection(page, "Memory, time and concurrency");
  const memory = inspector(page).getByLabel("Memory (MB)");
  await memory.fill("20000");
  await expect(memory).toHaveAttribute("aria-invalid", "true");
  await expect(memory).toHaveAccessibleDescription(/10240/);
  const timeout = inspector(page).getByLabel("Timeout (seconds)");
  await timeout.fill("1000");
  await expect(timeout).toHaveAccessibleDescription(/900/);
  await openSection(page, "Triggers");
  await inspector(page).getByLabel("New trigger type").selectOption({ label: "Schedule" });
  await inspector(page).getByRole("button", { name: "Add trigger" }).click();
  const rate = trigger(page, /^Schedule/).getByLabel("Schedule rate");
  await rate.fill("cron(0 10 * *)");
  await expect(rate).toHaveAttribute("aria-invalid", "true");
  await expect(rate).toHaveAccessibleDescription(/cron/);

  await expect(page.getByRole("button", { name: "Save" })).toBeDisabled();
  await expect(page.locator("#save-status")).toHaveText("Fix to save: 3 errors (see Diagnostics).");
  // The preview's status and its Diagnostics tab count the same problems in the same words.
  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview.getByRole("status")).toHaveText("3 errors");
  await expect(preview.getByRole("tab", { name: /^Diagnostics/ })).toHaveText("Diagnostics (3 errors)");

  // A diagnostic jumps to its field.
  await memory.fill("256");
  await preview.getByRole("tab", { name: /Diagnostics/ }).click();
  await preview.getByRole("button", { name: /timeout/ }).first().click();
  await expect(timeout).toBeFocused();

  // Undo and redo step through the edits of the one definition.
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(memory).toHaveValue("20000");
  await page.getByRole("button", { name: "Redo" }).click();
  await expect(memory).toHaveValue("256");

  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);

  // Back asks too, and declining keeps the page and the edits (Next's router never sees the step).
  const asked: string[] = [];
  page.once("dialog", (d) => {
    asked.push(d.message());
    void d.dismiss();
  });
  await page.goBack();
  expect(asked).toEqual(["You have unsaved changes in the editor. Leave and lose them?"]);
  await expect(page).toHaveURL(editorUrl(E2E.acme.orgSlug, "orders"));
  await expect(memory).toHaveValue("256");
  await expect(page.locator("#save-status")).toHaveText(/Fix to save: 2 errors|Unsaved/);

  // So does switching organization; declining leaves the switcher on this one.
  const switcher = page.getByRole("combobox", { name: "Organization" });
  page.once("dialog", (d) => d.dismiss());
  await switcher.selectOption("__new");
  await expect(page).toHaveURL(editorUrl(E2E.acme.orgSlug, "orders"));
  await expect(switcher).toHaveValue(E2E.acme.orgSlug);

  page.once("dialog", (d) => d.dismiss());
  await page.getByRole("navigation", { name: "Stack" }).getByRole("link", { name: "Overview" }).click();
  await expect(page).toHaveURL(editorUrl(E2E.acme.orgSlug, "orders"));
  page.once("dialog", (d) => d.accept());
  await page.getByRole("navigation", { name: "Stack" }).getByRole("link", { name: "Overview" }).click();
  await expect(page).toHaveURL(`${E2E.appUrl}/${E2E.acme.orgSlug}/stacks/orders`);
  await expect(page.getByRole("heading", { name: "Definition (revision 1)" })).toBeVisible();
});

test("a Cognito authorizer set through its form shows in the YAML; renaming the API and the pool moves the route's references in one undoable edit", async ({ page }) => {
  await signInWithOrgSso(page, USERS.acmeOwner);
  await createStack(page, "gatekeeper", "Starter (a function behind an HTTP API)");
  await page.getByRole("button", { name: "+ User pool" }).press("Enter");
  const list = page.getByRole("complementary", { name: "Palette and resources" });
  await list.getByRole("button", { name: /^hello / }).press("Enter");

  await openSection(page, "Triggers");
  const route = trigger(page, /^HTTP API route/);
  const type = route.getByLabel("Authorizer type");
  await expect(type).toHaveAccessibleDescription(/Default: none/);
  await type.selectOption({ label: "Cognito user pool" });
  const pool = route.getByLabel("User pool");
  await expect(pool).toHaveAttribute("aria-invalid", "true");
  await pool.selectOption({ label: "userPool (user-auth-pool)" });
  await expect(pool).not.toHaveAttribute("aria-invalid");
  const sources = route.getByLabel("Identity sources (one per line)");
  await sources.fill("$request.header.X-Token\n$request.header.Authorization");
  await expect(sources).toHaveAttribute("aria-invalid", "true");
  await expect(sources).toHaveAccessibleDescription(/exactly one identity source/);
  await sources.fill("$request.header.X-Token");
  await expect(sources).not.toHaveAttribute("aria-invalid");

  const results = await new AxeBuilder({ page }).include('[aria-label="Inspector"]').analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);

  await page.getByRole("tab", { name: "YAML" }).click();
  const view = page.getByRole("tabpanel", { name: "YAML view" });
  const routeYaml = (api: string, userPool: string) => `        - type: http-api-gateway
          properties:
            httpApiGatewayName: ${api}
            path: /hello
            method: GET
            authorizer:
              type: cognito
              properties:
                userPoolName: ${userPool}
                identitySources:
                  - $request.header.X-Token`;
  await expect.poll(() => editorText(view)).toContain(routeYaml("helloApi", "userPool"));

  // Rename from the inspector, by keyboard: a taken or malformed name is refused as you type.
  await list.getByRole("button", { name: /^helloApi / }).press("Enter");
  const name = inspector(page).getByLabel("Resource name");
  await name.fill("hello");
  await expect(name).toHaveAccessibleDescription(/'hello' is already the name of another resource/);
  await expect(inspector(page).getByRole("button", { name: "Rename" })).toBeDisabled();
  await name.fill("public-api");
  await expect(name).toHaveAccessibleDescription(/only letters and digits/);
  await name.fill("publicApi");
  await name.press("Enter");
  await expect(inspector(page).getByRole("heading", { name: /^publicApi/ })).toBeVisible();

  // CORS through its fields: setting origins alone asks for the switch the schema requires.
  await inspector(page).getByLabel("Allowed origins (one per line)").fill("https://shop.example.com");
  await expect(inspector(page).getByLabel("CORS", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await inspector(page).getByLabel("CORS", { exact: true }).selectOption("Yes");
  await expect(inspector(page).getByLabel("CORS", { exact: true })).not.toHaveAttribute("aria-invalid");
  await expect.poll(() => editorText(view)).toContain("  publicApi:\n    type: http-api-gateway\n    properties:\n      cors:\n        allowedOrigins:\n          - https://shop.example.com\n        enabled: true");

  await list.getByRole("button", { name: /^userPool / }).press("Enter");
  await inspector(page).getByLabel("Resource name").fill("customers");
  await inspector(page).getByRole("button", { name: "Rename" }).press("Enter");
  await expect.poll(() => editorText(view)).toContain(routeYaml("publicApi", "customers"));
  expect(await editorText(view)).not.toMatch(/helloApi|userPool:/);

  await page.getByRole("button", { name: "Undo" }).click();
  await expect.poll(() => editorText(view)).toContain(routeYaml("publicApi", "userPool"));
  await page.getByRole("button", { name: "Redo" }).click();
  await expect.poll(() => editorText(view)).toContain(routeYaml("publicApi", "customers"));
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.locator("#save-status")).toHaveText("Saved revision 2.");
});

test("IAM statements, tags, an SNS dead-letter queue and a sort key are set through structured forms, by keyboard and mouse, and show in the YAML", async ({ page }) => {
  await signInWithOrgSso(page, USERS.acmeOwner);
  await createStack(page, "catalog", "Empty");
  for (const item of ["SNS topic", "SQS queue", "DynamoDB table", "Function"]) await page.getByRole("button", { name: `+ ${item}` }).click();
  await expect(inspector(page).getByRole("heading", { name: /^function/ })).toBeVisible();

  // Two statements, the second moved up by keyboard: the focus follows it.
  await openSection(page, "Access and network");
  const statements = inspector(page).getByRole("group", { name: "IAM role statements" });
  await statements.getByRole("button", { name: "Add statement" }).press("Enter");
  const first = statements.getByRole("group", { name: "Statement 1" });
  const resources = first.getByLabel("Resources (one per line)");
  await expect(resources).toHaveAttribute("aria-invalid", "true");
  await first.getByLabel("Actions (one per line)").fill("sns:Publish");
  await resources.fill("$CfResourceParam('topic', 'TopicArn')");
  await expect(resources).not.toHaveAttribute("aria-invalid");
  await statements.getByRole("button", { name: "Add statement" }).click();
  const second = statements.getByRole("group", { name: "Statement 2" });
  await second.getByLabel("Effect").selectOption("Deny");
  await second.getByLabel("Actions (one per line)").fill("sqs:DeleteQueue");
  await second.getByLabel("Resources (one per line)").fill("*");
  await statements.getByRole("button", { name: "Move statement 2 up" }).press("Enter");
  await expect(statements.getByRole("button", { name: "Move statement 1 down" })).toBeFocused();
  await expect(first.getByLabel("Effect")).toHaveValue("Deny");
  await expect(second.getByLabel("Actions (one per line)")).toHaveValue("sns:Publish");

  await openSection(page, "Tags");
  const tags = inspector(page).getByRole("group", { name: "Tags" });
  await tags.getByRole("button", { name: "Add tag" }).click();
  const tag = tags.getByRole("group", { name: "Tag 1" });
  await tag.getByLabel("Tag name").fill("team");
  await tag.getByLabel("Tag value").fill("payments");

  // The SNS trigger's dead-letter queue picked from the stack fills both its ARN and its URL.
  await openSection(page, "Triggers");
  await inspector(page).getByLabel("New trigger type").selectOption({ label: "SNS topic" });
  await inspector(page).getByRole("button", { name: "Add trigger" }).click();
  const sns = trigger(page, /^SNS topic/);
  await sns.getByLabel("Topic ARN").selectOption({ label: "topic (topic)" });
  await sns.getByLabel("On delivery failure: queue").selectOption({ label: "queue (queue)" });
  await expect(sns.getByLabel("Dead-letter queue URL")).toHaveValue("$CfResourceParam('queue', 'QueueUrl')");

  // Free-form JSON in its code editor: a text that does not parse is kept, reported at the field, and not applied.
  const policy = sns.getByRole("textbox", { name: "Filter policy (JSON)" });
  await policy.click();
  await page.keyboard.type('{"kind": [');
  await expect(policy).toHaveAttribute("aria-invalid", "true");
  await expect(policy).toHaveAccessibleDescription(/not valid JSON/);
  await page.keyboard.type('"order"]}');
  await expect(policy).not.toHaveAttribute("aria-invalid");

  // A schedule's input transformer: named paths of the event, used in the template.
  await inspector(page).getByLabel("New trigger type").selectOption({ label: "Schedule" });
  await inspector(page).getByRole("button", { name: "Add trigger" }).click();
  const schedule = trigger(page, /^Schedule/);
  const paths = schedule.getByRole("group", { name: "Input transformer: paths" });
  await paths.getByRole("button", { name: "Add path" }).click();
  await paths.getByLabel("Name of path 1").fill("time");
  await paths.getByLabel("Value of path 1").fill("$.time");
  const template = schedule.getByLabel("Input transformer: template");
  await expect(template).toHaveAttribute("aria-invalid", "true");
  await template.fill('{"at": <time>}');
  await expect(template).not.toHaveAttribute("aria-invalid");

  const results = await new AxeBuilder({ page }).include('[aria-label="Inspector"]').analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);

  // The sort key's name asks for its type.
  await page.getByRole("complementary", { name: "Palette and resources" }).getByRole("button", { name: /^table / }).click();
  await inspector(page).getByLabel("Sort key", { exact: true }).fill("createdAt");
  const sortType = inspector(page).getByLabel("Sort key type");
  await expect(sortType).toHaveAttribute("aria-invalid", "true");
  await sortType.selectOption("number");
  await expect(sortType).not.toHaveAttribute("aria-invalid");

  await page.getByRole("tab", { name: "YAML" }).click();
  const view = page.getByRole("tabpanel", { name: "YAML view" });
  await expect.poll(() => editorText(view)).toContain(`      primaryKey:
        partitionKey:
          name: id
          type: string
        sortKey:
          name: createdAt
          type: number`);
  expect(await editorText(view)).toContain(`      accessControl:
        iamRoleStatements:
          - Effect: Deny
            Resource:
              - "*"
            Action:
              - sqs:DeleteQueue
          - Effect: Allow
            Resource:
              - $CfResourceParam('topic', 'TopicArn')
            Action:
              - sns:Publish
      tags:
        - name: team
          value: payments`);
  // CodeMirror renders the lines near its viewport: the trigger is further down.
  await view.locator(".cm-scroller").evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect.poll(() => editorText(view)).toContain(`        - type: sns
          properties:
            topicArn: $CfResourceParam('topic', 'TopicArn')
            onDeliveryFailure:
              sqsQueueArn: $CfResourceParam('queue', 'Arn')
              sqsQueueUrl: $CfResourceParam('queue', 'QueueUrl')
            filterPolicy:
              kind:
                - order
        - type: schedule
          properties:
            scheduleRate: rate(1 hour)
            inputTransformer:
              inputPathsMap:
                time: $.time
              inputTemplate: '{"at": <time>}'`);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.locator("#save-status")).toHaveText("Saved revision 2.");
});

test("a node dragged on the canvas stays where it was left: unsaved until saved, undoable, kept over a reload; Re-arrange lays it out again", async ({ page }, testInfo) => {
  await signInWithOrgSso(page, USERS.acmeOwner);
  await createStack(page, "placement", "Starter (a function behind an HTTP API)");
  // A trigger with no source node, so the function shows a note line.
  await page.getByRole("complementary", { name: "Palette and resources" }).getByRole("button", { name: /^hello / }).click();
  await openSection(page, "Triggers");
  await inspector(page).getByLabel("New trigger type").selectOption({ label: "Schedule" });
  await inspector(page).getByRole("button", { name: "Add trigger" }).click();
  await trigger(page, /^Schedule/).getByLabel("Schedule rate").fill("rate(2 hours)");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.locator("#save-status")).toHaveText("Saved revision 2.");

  const canvas = page.getByRole("region", { name: "Stack canvas" });
  const hello = canvas.locator('.react-flow__node[data-id="hello"]');
  const at = () => hello.evaluate((el) => (el as HTMLElement).style.transform);
  // The note's bullet is an inline SVG, not a font glyph headless Chromium lacks.
  await expect(hello.getByText("schedule rate(2 hours)")).toBeVisible();
  await expect(hello.locator("svg")).toHaveCount(2);
  expect(await hello.innerText()).not.toContain("⏵");
  await canvas.screenshot({ path: testInfo.outputPath("canvas.png") });
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);

  const laidOut = await at();
  const box = (await hello.getByText("hello", { exact: true }).boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + 120, box.y + 140, { steps: 8 });
  await page.mouse.move(box.x + 160, box.y + 180, { steps: 8 });
  await page.mouse.up();
  const dropped = await at();
  expect(dropped).not.toBe(laidOut);
  await expect(page.locator("#save-status")).toHaveText("Unsaved changes (based on revision 2).");

  await page.getByRole("button", { name: "Undo" }).click();
  await expect.poll(at).toBe(laidOut);
  // Back to what was saved: no unsaved changes (the last save's notice shows again).
  await expect(page.locator("#save-status")).toHaveText("Saved revision 2.");
  await page.getByRole("button", { name: "Redo" }).click();
  await expect.poll(at).toBe(dropped);

  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.locator("#save-status")).toHaveText("Saved revision 3.");
  // The position is saved beside the definition, never in its YAML.
  await page.getByRole("tab", { name: "YAML" }).click();
  const yaml = await editorText(page.getByRole("tabpanel", { name: "YAML view" }));
  expect(yaml).toContain("scheduleRate: rate(2 hours)");
  expect(yaml).not.toMatch(/position|canvas/i);

  await page.reload();
  await expect(page.locator("html[data-editor-ready=true]")).toHaveCount(1);
  await expect.poll(at).toBe(dropped);
  await expect(page.locator("#save-status")).toHaveText("Revision 3, no unsaved changes.");

  // Renaming keeps the place.
  await page.getByRole("complementary", { name: "Palette and resources" }).getByRole("button", { name: /^hello / }).click();
  await inspector(page).getByLabel("Resource name").fill("greeter");
  await inspector(page).getByRole("button", { name: "Rename" }).click();
  const greeter = canvas.locator('.react-flow__node[data-id="greeter"]');
  await expect.poll(() => greeter.evaluate((el) => (el as HTMLElement).style.transform)).toBe(dropped);
  await page.getByRole("button", { name: "Undo" }).click();

  await page.getByRole("button", { name: "Re-arrange" }).click();
  await expect.poll(at).toBe(laidOut);
  await expect(page.getByRole("button", { name: "Re-arrange" })).toBeDisabled();
  await expect(page.locator("#save-status")).toHaveText("Unsaved changes (based on revision 3).");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.locator("#save-status")).toHaveText("Saved revision 4.");
  await page.reload();
  await expect(page.locator("html[data-editor-ready=true]")).toHaveCount(1);
  await expect.poll(at).toBe(laidOut);
});

test("a node dropped on another one's automatic place pushes that one clear of it, and both stay apart after a save and reload", async ({ page }) => {
  await signInWithOrgSso(page, USERS.acmeOwner);
  await createStack(page, "crowded", "Starter (a function behind an HTTP API)");
  const canvas = page.getByRole("region", { name: "Stack canvas" });
  const api = canvas.locator('.react-flow__node[data-id="helloApi"]');
  const hello = canvas.locator('.react-flow__node[data-id="hello"]');
  type Box = { x: number; y: number; width: number; height: number };
  const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  const apart = async () => !overlap((await api.boundingBox())!, (await hello.boundingBox())!);
  expect(await apart()).toBe(true);
  // The view fits itself to the nodes once they are measured: wait until it holds still.
  let last = "";
  await expect.poll(async () => last === (last = JSON.stringify(await hello.boundingBox()))).toBe(true);

  // Drag the API by its name onto where the layout put the function (its top-left corner on the function's).
  const [apiBox, helloBox, grip] = [(await api.boundingBox())!, (await hello.boundingBox())!, (await api.getByText("helloApi", { exact: true }).boundingBox())!];
  const from = { x: grip.x + grip.width / 2, y: grip.y + grip.height / 2 };
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + (helloBox.x - apiBox.x) / 2, from.y + (helloBox.y - apiBox.y) / 2, { steps: 8 });
  await page.mouse.move(from.x + helloBox.x - apiBox.x, from.y + helloBox.y - apiBox.y, { steps: 8 });
  await page.mouse.up();
  // The API now covers the function's old place, and the function has moved out from under it.
  await expect.poll(async () => overlap((await api.boundingBox())!, helloBox)).toBe(true);
  await expect.poll(apart).toBe(true);
  // The function moved down its column, below the API.
  expect((await hello.boundingBox())!.y).toBeGreaterThan((await api.boundingBox())!.y);

  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.locator("#save-status")).toHaveText("Saved revision 2.");
  await page.reload();
  await expect(page.locator("html[data-editor-ready=true]")).toHaveCount(1);
  await expect.poll(apart).toBe(true);
});

test("a Lambda authorizer set up through the forms shows in the YAML, on the canvas and in the rendered template", async ({ page }) => {
  await signInWithOrgSso(page, USERS.acmeOwner);
  await createStack(page, "doorman", "Starter (a function behind an HTTP API)");
  // The authorizer function, added with the keyboard and renamed.
  await page.getByRole("button", { name: "+ Function" }).press("Enter");
  await inspector(page).getByLabel("Resource name").fill("gate");
  await inspector(page).getByRole("button", { name: "Rename" }).press("Enter");
  await expect(inspector(page).getByRole("heading", { name: /^gate/ })).toBeVisible();

  const list = page.getByRole("complementary", { name: "Palette and resources" });
  await list.getByRole("button", { name: /^hello / }).click();
  await openSection(page, "Triggers");
  const route = trigger(page, /^HTTP API route/);
  const type = route.getByLabel("Authorizer type");
  await type.selectOption({ label: "Lambda function" });
  await expect(type).toHaveAccessibleDescription(/A function decides whether the client can access the route/);
  const fn = route.getByLabel("Authorizer function");
  await expect(fn).toHaveAttribute("aria-invalid", "true");
  await fn.selectOption({ label: "gate (function)" });
  await expect(fn).not.toHaveAttribute("aria-invalid");
  // Caching needs identity sources (its cache key): the render says so until they are there.
  await route.getByLabel("Cache result (seconds)").fill("300");
  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview.getByText("cacheResultSeconds above 0 requires identitySources")).toBeVisible();
  await route.getByLabel("Identity sources (one per line)").click();
  await page.keyboard.type("$request.header.X-Api-Key");
  await expect(preview.getByText("cacheResultSeconds above 0 requires identitySources")).toHaveCount(0);

  const canvas = page.getByRole("region", { name: "Stack canvas" });
  await expect(canvas.locator(".react-flow__edge")).toHaveCount(2);
  await expect(canvas.locator('[aria-label="authorizer authorizes GET /hello from gate to hello"]')).toHaveCount(1);

  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.locator("#save-status")).toHaveText("Saved revision 2.");

  await page.getByRole("tab", { name: "YAML" }).click();
  await expect.poll(() => editorText(page.getByRole("tabpanel", { name: "YAML view" }))).toContain(`        - type: http-api-gateway
          properties:
            httpApiGatewayName: helloApi
            path: /hello
            method: GET
            authorizer:
              type: lambda
              properties:
                functionName: gate
                cacheResultSeconds: 300
                identitySources:
                  - $request.header.X-Api-Key`);

  await expect(preview.getByRole("status")).toHaveText("Up to date");
  await preview.getByRole("tab", { name: "Template" }).click();
  const download = page.waitForEvent("download");
  await preview.getByRole("button", { name: "Download template.json" }).click();
  const template = JSON.parse(readFileSync((await (await download).path())!, "utf8"));
  const entries = Object.entries(template.Resources) as [string, { Type: string; Properties: Record<string, unknown> }][];
  const authorizers = entries.filter(([, r]) => r.Type === "AWS::ApiGatewayV2::Authorizer");
  expect(authorizers).toHaveLength(1);
  const [authorizerId, authorizer] = authorizers[0];
  expect(authorizer.Properties).toMatchObject({
    ApiId: { Ref: "HelloApiHttpApi" },
    AuthorizerType: "REQUEST",
    AuthorizerPayloadFormatVersion: "2.0",
    EnableSimpleResponses: true,
    AuthorizerResultTtlInSeconds: 300,
    IdentitySource: ["$request.header.X-Api-Key"],
  });
  expect(JSON.stringify(authorizer.Properties.AuthorizerUri)).toContain('{"Fn::GetAtt":["GateFunction","Arn"]}');
  const route0 = entries.find(([, r]) => r.Type === "AWS::ApiGatewayV2::Route")![1];
  expect(route0.Properties).toMatchObject({ RouteKey: "GET /hello", AuthorizationType: "CUSTOM", AuthorizerId: { Ref: authorizerId } });
  // API Gateway may invoke the authorizer function.
  expect(template.Resources[`${authorizerId}Permission`]).toMatchObject({
    Type: "AWS::Lambda::Permission",
    Properties: { Action: "lambda:InvokeFunction", FunctionName: { Ref: "GateFunction" }, Principal: "apigateway.amazonaws.com" },
  });
});

test("a Kafka authentication type, stream failure pickers, load balancer listeners and a password policy set through their forms show in the YAML and the rendered template", async ({ page }) => {
  await signInWithOrgSso(page, USERS.acmeOwner);
  await createStack(page, "ingest", "Empty");
  for (const item of ["Kinesis stream", "SNS topic", "Load balancer", "User pool", "Function"]) await page.getByRole("button", { name: `+ ${item}` }).click();
  await expect(inspector(page).getByRole("heading", { name: /^function/ })).toBeVisible();
  const list = page.getByRole("complementary", { name: "Palette and resources" });

  // Kafka: the variant select swaps the authentication object; the secret ARN stays between SASL types.
  await openSection(page, "Triggers");
  await inspector(page).getByLabel("New trigger type").selectOption({ label: "Kafka topic" });
  await inspector(page).getByRole("button", { name: "Add trigger" }).press("Enter");
  const kafka = trigger(page, /^Kafka topic/);
  const authentication = kafka.getByLabel("Authentication", { exact: true });
  await expect(authentication).toHaveValue("SASL_SCRAM_256_AUTH");
  const secret = kafka.getByLabel("Authentication secret ARN");
  await expect(secret).toHaveAttribute("aria-invalid", "true");
  await secret.click();
  await page.keyboard.type("arn:aws:secretsmanager:us-east-1:123456789012:secret:kafka");
  await expect(secret).not.toHaveAttribute("aria-invalid");
  await authentication.selectOption("MTLS");
  await expect(secret).toHaveCount(0);
  await expect(kafka.getByLabel("Client certificate secret ARN")).toHaveAttribute("aria-invalid", "true");
  await authentication.selectOption("BASIC_AUTH");
  await expect(secret).toHaveValue("");
  await secret.fill("arn:aws:secretsmanager:us-east-1:123456789012:secret:kafka");
  await authentication.selectOption("SASL_SCRAM_512_AUTH");
  await expect(secret).toHaveValue("arn:aws:secretsmanager:us-east-1:123456789012:secret:kafka");
  await expect(secret).not.toHaveAttribute("aria-invalid");

  // Kinesis: the stream from a target picker, the failure destination from a picker that fills ARN and type.
  await inspector(page).getByLabel("New trigger type").selectOption({ label: "Kinesis stream" });
  await inspector(page).getByRole("button", { name: "Add trigger" }).click();
  const kinesis = trigger(page, /^Kinesis stream/);
  await kinesis.getByLabel("Stream ARN").selectOption({ label: "stream (stream)" });
  const onFailure = kinesis.getByLabel("On failure: queue or topic");
  await onFailure.selectOption({ label: "topic (topic)" });
  const destination = kinesis.getByLabel("On failure: destination ARN");
  await expect(destination).toHaveValue("$CfResourceParam('topic', 'TopicArn')");
  await expect(kinesis.getByLabel("On failure: destination type")).toHaveValue("sns");
  // A part edited by hand: the picker says so, and picking again restores both parts.
  await destination.fill("arn:aws:sns:us-east-1:123456789012:alerts");
  await expect(onFailure.locator("option:checked")).toHaveText("Set by hand (below)");
  await onFailure.selectOption({ label: "topic (topic)" });
  await expect(destination).toHaveValue("$CfResourceParam('topic', 'TopicArn')");

  // Listeners: two on port 80 clash; the second becomes HTTPS on 443 with a certificate and moves up by keyboard.
  await list.getByRole("button", { name: /^loadBalancer / }).press("Enter");
  const listeners = inspector(page).getByRole("group", { name: "Listeners" });
  await listeners.getByRole("button", { name: "Add listener" }).press("Enter");
  await listeners.getByRole("button", { name: "Add listener" }).click();
  const second = listeners.getByRole("group", { name: "Listener 2" });
  await expect(second.getByLabel("Port")).toHaveAccessibleDescription(/two listeners on port 80/);
  await second.getByLabel("Port").fill("443");
  await expect(second.getByLabel("Port")).not.toHaveAttribute("aria-invalid");
  await second.getByLabel("Protocol").selectOption("HTTPS");
  await expect(second).toHaveAccessibleDescription(/an HTTPS listener needs customCertificateArns/);
  await second.getByLabel("Certificate ARNs (one per line)").fill("arn:aws:acm:us-east-1:123456789012:certificate/abc");
  await expect(second).not.toHaveAccessibleDescription(/HTTPS/);
  await listeners.getByRole("button", { name: "Move listener 2 up" }).press("Enter");
  await expect(listeners.getByRole("button", { name: "Move listener 1 down" })).toBeFocused();
  await expect(listeners.getByRole("group", { name: "Listener 1" }).getByLabel("Port")).toHaveValue("443");

  // Password policy: nested fields under passwordPolicy, with Cognito's defaults as placeholders.
  await list.getByRole("button", { name: /^userPool / }).press("Enter");
  const minimumLength = inspector(page).getByLabel("Password: minimum length");
  await expect(minimumLength).toHaveAttribute("placeholder", "8");
  await minimumLength.click();
  await page.keyboard.type("5");
  await expect(minimumLength).toHaveAttribute("aria-invalid", "true");
  await page.keyboard.press("Backspace");
  await page.keyboard.type("12");
  await expect(minimumLength).not.toHaveAttribute("aria-invalid");
  await inspector(page).getByLabel("Password: require a symbol").selectOption("No");
  await inspector(page).getByLabel("Temporary password validity (days)").fill("3");

  const results = await new AxeBuilder({ page }).include('[aria-label="Inspector"]').analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);

  await page.getByRole("tab", { name: "YAML" }).click();
  const view = page.getByRole("tabpanel", { name: "YAML view" });
  await expect.poll(() => editorText(view)).toContain(`  loadBalancer:
    type: application-load-balancer
    properties:
      listeners:
        - port: 443
          protocol: HTTPS
          customCertificateArns:
            - arn:aws:acm:us-east-1:123456789012:certificate/abc
        - port: 80
          protocol: HTTP
  userPool:
    type: user-auth-pool
    properties:
      passwordPolicy:
        minimumLength: 12
        requireSymbols: false
        temporaryPasswordValidityDays: 3`);
  await view.locator(".cm-scroller").evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect.poll(() => editorText(view)).toContain(`        - type: kafka-topic
          properties:
            customKafkaConfiguration:
              bootstrapServers:
                - broker.example.com:9092
              topicName: my-topic
              authentication:
                type: SASL_SCRAM_512_AUTH
                properties:
                  authenticationSecretArn: arn:aws:secretsmanager:us-east-1:123456789012:secret:kafka
        - type: kinesis-stream
          properties:
            streamArn: $CfResourceParam('stream', 'Arn')
            onFailure:
              arn: $CfResourceParam('topic', 'TopicArn')
              type: sns`);

  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview.getByRole("status")).toHaveText("Up to date");
  await preview.getByRole("tab", { name: "Template" }).click();
  const download = page.waitForEvent("download");
  await preview.getByRole("button", { name: "Download template.json" }).click();
  const template = JSON.parse(readFileSync((await (await download).path())!, "utf8"));
  const resources = Object.values(template.Resources) as { Type: string; Properties: Record<string, unknown> }[];
  const ofType = (type: string) => resources.filter((r) => r.Type === type).map((r) => r.Properties);
  expect(ofType("AWS::ElasticLoadBalancingV2::Listener").map((l) => [l.Port, l.Protocol, l.Certificates])).toEqual([
    [443, "HTTPS", [{ CertificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/abc" }]],
    [80, "HTTP", undefined],
  ]);
  expect(ofType("AWS::Cognito::UserPool")[0].Policies).toEqual({ PasswordPolicy: { MinimumLength: 12, RequireSymbols: false, TemporaryPasswordValidityDays: 3 } });
  const [kafkaMapping, kinesisMapping] = ofType("AWS::Lambda::EventSourceMapping");
  expect(kafkaMapping).toMatchObject({
    Topics: ["my-topic"],
    SourceAccessConfigurations: [{ Type: "SASL_SCRAM_512_AUTH", URI: "arn:aws:secretsmanager:us-east-1:123456789012:secret:kafka" }],
  });
  expect(kinesisMapping).toMatchObject({ EventSourceArn: { "Fn::GetAtt": ["stream", "Arn"] }, DestinationConfig: { OnFailure: { Destination: { "Fn::GetAtt": ["topic", "TopicArn"] } } } });
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.locator("#save-status")).toHaveText("Saved revision 2.");
});

test("a diagnostic inside a JSON field focuses it before the code editor has loaded, and the editor keeps the focus when it arrives", async ({ page }) => {
  await signInWithOrgSso(page, USERS.acmeOwner);
  await createStack(page, "relay", "Empty");
  // Hold every script asked for from now on (routing also bypasses the HTTP cache): the code editor's chunk is one.
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  const held: string[] = [];
  await page.route(/\/_next\/static\/.+\.js(\?|$)/, async (route) => {
    held.push(route.request().url());
    await released;
    await route.continue();
  });

  await page.getByRole("button", { name: "+ SQS queue" }).click();
  const properties = inspector(page).getByRole("textbox", { name: "Properties (JSON)" });
  // The stand-in is a plain text area with the field's id; it edits the value like the editor would.
  await expect(properties).toHaveJSProperty("tagName", "TEXTAREA");
  await properties.fill(`{"DelaySeconds": "$CfResourceParam('nowhere', 'Arn')"}`);
  await page.getByRole("button", { name: "+ Function" }).click();
  await expect(inspector(page).getByRole("heading", { name: /^function/ })).toBeVisible();

  const preview = page.getByRole("region", { name: "Preview" });
  await preview.getByRole("button", { name: /no cloudformationResources entry 'nowhere'/ }).click();
  const field = page.locator("#field-cloudformationResources--queue--Properties");
  await expect(field).toBeFocused();
  await expect(field).toHaveJSProperty("tagName", "TEXTAREA");
  await expect(page.locator(".cm-editor")).toHaveCount(0);
  expect(held.length).toBeGreaterThan(0);

  release();
  await expect(page.locator(".cm-content#field-cloudformationResources--queue--Properties")).toBeFocused();
  await page.keyboard.press("Control+a");
  await page.keyboard.type('{"DelaySeconds": 5}');
  await expect(preview.getByText("No problems found.")).toBeVisible();
  await page.getByRole("tab", { name: "YAML" }).click();
  await expect.poll(() => editorText(page.getByRole("tabpanel", { name: "YAML view" }))).toContain(`cloudformationResources:
  queue:
    Type: AWS::SQS::Queue
    Properties:
      DelaySeconds: 5`);
});

test("Backspace after choosing a resource in the Resources list deletes nothing; on the canvas it deletes the node", async ({ page }) => {
  await signInWithOrgSso(page, USERS.acmeOwner);
  await createStack(page, "backspace", "Starter (a function behind an HTTP API)");
  const list = page.getByRole("complementary", { name: "Palette and resources" });
  const canvas = page.getByRole("region", { name: "Stack canvas" });
  const hello = canvas.locator('.react-flow__node[data-id="hello"]');

  await list.getByRole("button", { name: /^hello / }).click();
  await expect(hello).toHaveClass(/selected/);
  await page.keyboard.press("Backspace");
  await page.keyboard.press("Delete");
  await expect(hello).toBeVisible();
  await expect(list.getByRole("button", { name: /^hello / })).toBeVisible();
  await expect(page.locator("#save-status")).not.toHaveText(/Unsaved/);

  await hello.click();
  await page.keyboard.press("Backspace");
  await expect(hello).toHaveCount(0);
  await expect(list.getByRole("button", { name: /^hello / })).toHaveCount(0);
  await expect(page.locator("#save-status")).toHaveText(/Unsaved changes/);
});

test("the Canvas, Code and YAML tabs follow the tabs pattern: one tab stop, arrow keys, Home and End", async ({ page }) => {
  await signInWithOrgSso(page, USERS.acmeOwner);
  await openEditor(page, E2E.acme.orgSlug, "orders");
  const tabs = page.getByRole("tablist", { name: "Editor views" });
  const tab = (name: string) => tabs.getByRole("tab", { name, exact: true });
  await expect(tab("Canvas")).toHaveAttribute("aria-selected", "true");
  await expect(tab("Canvas")).toHaveAttribute("aria-controls", "editor-view");
  await expect(page.getByRole("tabpanel", { name: "Canvas view" })).toHaveAttribute("id", "editor-view");
  await expect(tab("Code")).toHaveAttribute("tabindex", "-1");

  // Tab leaves the tab list from the selected tab and comes back to it (Undo and Redo are off: nothing to undo yet);
  // arrows select and focus the next tab, wrapping at the ends.
  const message = page.getByLabel("Revision message (optional)");
  await tab("Canvas").click();
  await page.keyboard.press("Tab");
  await expect(message).toBeFocused();
  await page.keyboard.press("Shift+Tab");
  await expect(tab("Canvas")).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await expect(tab("Code")).toBeFocused();
  await expect(tab("Code")).toHaveAttribute("aria-selected", "true");
  await expect(tab("Code")).toHaveAttribute("tabindex", "0");
  await expect(tab("Canvas")).toHaveAttribute("tabindex", "-1");
  await expect(page.getByRole("tabpanel", { name: "Code view" })).toBeVisible();
  await page.keyboard.press("End");
  await expect(tab("YAML")).toBeFocused();
  await expect(page.getByRole("tabpanel", { name: "YAML view" })).toBeVisible();
  await page.keyboard.press("ArrowRight");
  await expect(tab("Canvas")).toBeFocused();
  await page.keyboard.press("ArrowLeft");
  await expect(tab("YAML")).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Home");
  await expect(tab("Canvas")).toBeFocused();
  await expect(tab("Canvas")).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Tab");
  await expect(message).toBeFocused();

  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
});

test("text typed in the YAML view and saved straight away is what the revision holds", async ({ page }) => {
  const yaml = "resources:\n  bus:\n    type: event-bus\n";
  await seedNewStack("yaml-quick-save", { number: 1, yaml, definition: parseYaml(yaml), code: {}, message: "seeded" });
  await signInWithOrgSso(page, USERS.acmeOwner);
  await openEditor(page, E2E.acme.orgSlug, "yaml-quick-save");
  await page.getByRole("tab", { name: "YAML" }).click();
  const view = page.getByRole("tabpanel", { name: "YAML view" });
  await view.locator(".cm-content").click();
  await page.keyboard.press("Control+End");
  await page.keyboard.type("# first\n");
  const save = page.getByRole("button", { name: "Save" });
  await expect(save).toBeEnabled();
  // Text typed a moment ago, not applied yet, still counts as unsaved: closing the tab asks.
  await page.keyboard.type("# last");
  const asked: string[] = [];
  page.once("dialog", (d) => {
    asked.push(d.type());
    void d.dismiss();
  });
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => asked).toEqual(["beforeunload"]);
  // The view applies typed text once typing pauses; clicking Save first must still save all of it.
  await save.click();
  await expect(page.locator("#save-status")).toHaveText("Saved revision 2.");
  await page.reload();
  await page.getByRole("tab", { name: "YAML" }).click();
  await expect.poll(() => editorText(page.getByRole("tabpanel", { name: "YAML view" }))).toBe(`${yaml}# first\n# last`);
});
