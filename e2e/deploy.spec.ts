import AxeBuilder from "@axe-core/playwright";
import { CloudFormationClient, DescribeStackResourcesCommand, DescribeStacksCommand } from "@aws-sdk/client-cloudformation";
import type { Page } from "@playwright/test";
import { expect, test } from "./test";
import { readFileSync } from "node:fs";
import { E2E, USERS } from "./env";
import { dropDeploymentStreamConnections, seedRevision, storedDeploymentEvents } from "./db-fixtures";
import { signInWithOrgSso } from "./helpers";
import { addConnection, addStage, changeSetTable, deployFromPanel, deploymentStatus, stageCard } from "./deploy-flow";
import { startCloudFormationDouble, type CloudFormationDouble } from "./moto/cloudformation-double";
import { SHOP_CODE, shopYaml } from "./moto/shop-stack";

// One-click deploy end to end: Chromium against `next start` (whose in-process deploy workers run
// the pipeline) and the moto server e2e/serve.ts started. Failure, rollback and cancel, which moto
// cannot produce, run against the scripted CloudFormation double (started here, in the test
// process, with moto behind it for S3, STS and the artifacts bootstrap stack).

test.describe.configure({ mode: "serial" });

const REGION = "us-east-1";
const SHOP = "/acme/stacks/shop";
const motoEndpoint = () => readFileSync(E2E.motoEndpointFile, "utf8").trim();
let double: CloudFormationDouble;

const cloudFormation = () =>
  new CloudFormationClient({ region: REGION, endpoint: motoEndpoint(), credentials: { accessKeyId: "x", secretAccessKey: "x" }, maxAttempts: 1 });

const addMotoConnection = (page: Page, name: string, endpoint: string) => addConnection(page, name, endpoint, REGION);
const addShopStage = (page: Page, name: string, connection: string, options: { protected?: boolean } = {}) => addStage(page, SHOP, name, connection, REGION, options);
const deploy = (page: Page, stage: string) => deployFromPanel(page, SHOP, stage);
const resources = (page: Page) => page.getByRole("table", { name: "Resources of the stack as CloudFormation reports them" });

async function expectNoSeriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test.beforeAll(async () => {
  double = await startCloudFormationDouble({ upstream: motoEndpoint(), region: REGION, port: E2E.cfnDoublePort });
});

test.afterAll(async () => {
  await double?.stop();
});

test.beforeEach(async ({ page }) => {
  await signInWithOrgSso(page, USERS.acmeOwner);
});

test("a stage deploys to moto, a second deploy has no changes, a memory change is a Modify, and deleting the stage removes the stack", async ({ page }) => {
  test.setTimeout(180_000);
  await addMotoConnection(page, "moto-deploy", motoEndpoint());

  // Bad input is named on the field, and nothing is created.
  await page.goto(`${SHOP}/deployments`);
  const form = page.getByRole("form", { name: "New stage" });
  await form.getByLabel("Stage name").fill("Dev!");
  await form.getByRole("button", { name: "Add stage" }).click();
  await expect(form.getByRole("alert")).toHaveText("Name must start with a lower-case letter and use only lower-case letters, digits and hyphens.");
  await expect(page.getByRole("list", { name: "Stages" })).toHaveCount(0);

  await addShopStage(page, "dev", "moto-deploy");
  await expect(stageCard(page, "dev")).toContainText("shop-dev (not deployed)");
  await expectNoSeriousA11yViolations(page);

  // First deploy: the live timeline to success, and the change set with the cost difference of the whole stack against nothing.
  await deploy(page, "dev");
  await expect(deploymentStatus(page)).toHaveText("succeeded", { timeout: 90_000 });
  await expect(page.getByRole("progressbar", { name: "Deployment progress" })).toHaveAttribute("aria-valuenow", "100");
  await expect(resources(page).getByRole("row", { name: /shop-dev AWS::CloudFormation::Stack CREATE_COMPLETE/ })).toBeVisible();
  await expect(page.getByText("Monthly cost differences of revision 1 against nothing deployed yet (us-east-1,")).toBeVisible();
  await expect(changeSetTable(page).getByRole("row", { name: /^Add WorkerFunction \+\$\d+\.\d\d\/month AWS::Lambda::Function/ })).toBeVisible();
  await expect(changeSetTable(page).getByRole("row", { name: /^Add CronEvent0Rule AWS::Events::Rule/ })).toBeVisible();
  await expect(changeSetTable(page).getByRole("row", { name: /^Total \+\$\d+\.\d\d\/month$/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // DescribeStacks on moto shows the stack and its resources.
  const cf = cloudFormation();
  const [described] = (await cf.send(new DescribeStacksCommand({ StackName: "shop-dev" }))).Stacks ?? [];
  expect(described?.StackStatus).toBe("CREATE_COMPLETE");
  const types = ((await cf.send(new DescribeStackResourcesCommand({ StackName: "shop-dev" }))).StackResources ?? []).map((r) => r.ResourceType);
  expect(types).toEqual(expect.arrayContaining(["AWS::Lambda::Function", "AWS::SQS::Queue", "AWS::Lambda::EventSourceMapping", "AWS::Events::Rule", "AWS::Logs::LogGroup"]));

  // The same revision again: no changes.
  await deploy(page, "dev");
  await expect(deploymentStatus(page)).toHaveText("no changes", { timeout: 60_000 });

  // A memory change: a Modify of that function in the change set, and its cost difference.
  // Revision 2 is stored directly: saving revisions is the editor's (its own e2e covers it), not this spec's.
  await seedRevision("shop", { number: 2, yaml: shopYaml(1024), definition: {}, code: SHOP_CODE, message: "more memory" });
  await page.goto(`${SHOP}/deployments`);
  const costPreview = page.getByRole("table", { name: /^Estimated monthly cost of revision 2 against revision 1, deployed now/ });
  await expect(costPreview.getByRole("row", { name: /^worker changed .* \+\$\d+\.\d\d\/month$/ })).toBeVisible();
  await expect(costPreview.getByRole("row", { name: /^cron/ })).toHaveCount(0);
  await deploy(page, "dev");
  await expect(deploymentStatus(page)).toHaveText("succeeded", { timeout: 60_000 });
  await expect(changeSetTable(page).getByRole("row", { name: /^Modify WorkerFunction \+\$\d+\.\d\d\/month AWS::Lambda::Function/ })).toBeVisible();
  await expect(changeSetTable(page).getByRole("row", { name: /^Total \+\$\d+\.\d\d\/month$/ })).toBeVisible();
  await expect(changeSetTable(page).getByRole("row", { name: /CronFunction/ })).toHaveCount(0);

  // The stage's history: who, when, which revision, status, duration; newest first.
  await page.goto(`${SHOP}/deployments`);
  const history = page.getByRole("table", { name: "Deployment history of dev" });
  await expect(history.getByRole("row")).toHaveCount(4);
  await expect(history.getByRole("row").nth(1)).toContainText(new RegExp(`${USERS.acmeOwner}revision 2succeeded\\d`));
  await expect(history.getByRole("row").nth(2)).toContainText("revision 1no changes");
  await expect(history.getByRole("row").nth(3)).toContainText("revision 1succeeded");

  // The stack's overview sums the stages up with their last deployment.
  await page.goto(SHOP);
  await expect(page.getByRole("region", { name: "Stages" }).getByRole("listitem").filter({ hasText: "dev" })).toContainText("succeededrevision 2");
  await page.goto(`${SHOP}/deployments`);

  // The stack itself cannot be deleted while dev's CloudFormation stack exists: the refusal names it.
  await page.goto("/acme/stacks");
  await page.getByRole("button", { name: "Delete shop" }).click();
  const refusal = page.getByRole("dialog", { name: "Delete shop?" });
  await refusal.getByLabel("Stack name").fill("shop");
  await refusal.getByRole("button", { name: "Delete stack" }).click();
  await expect(refusal.getByRole("alert")).toContainText("dev (its stack shop-dev is still deployed)");
  await refusal.getByRole("button", { name: "Cancel" }).click();
  await page.goto(`${SHOP}/deployments`);

  // Deleting the stage's stack asks for its name, then CloudFormation removes it; then the stage goes.
  const card = stageCard(page, "dev");
  await card.getByRole("button", { name: "Delete stack" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete shop-dev?" });
  await dialog.getByLabel("Stack name").fill("shop-de");
  await expect(dialog.getByRole("button", { name: "Delete stack" })).toBeDisabled();
  await dialog.getByLabel("Stack name").fill("shop-dev");
  await dialog.getByRole("button", { name: "Delete stack" }).click();
  await page.waitForURL(/\/deployments\/[a-z0-9]+$/);
  await expect(page.getByRole("heading", { name: "Deleting shop-dev" })).toBeVisible();
  await expect(deploymentStatus(page)).toHaveText("succeeded", { timeout: 60_000 });
  // A deletion has no change set: its cost difference is the negative of what revision 2 costs.
  const deletionCost = page.getByRole("table", { name: /^Monthly cost differences of deleting the stack against revision 2, deployed now \(us-east-1,/ });
  await expect(deletionCost.getByRole("row", { name: /^worker Removed -\$\d+\.\d\d\/month function$/ })).toBeVisible();
  await expect(deletionCost.getByRole("row", { name: /^Total -\$\d+\.\d\d\/month$/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await expect(cf.send(new DescribeStacksCommand({ StackName: "shop-dev" }))).rejects.toThrow(/does not exist/);

  await page.goto(`${SHOP}/deployments`);
  await stageCard(page, "dev").getByRole("button", { name: "Delete stage" }).click();
  const confirm = page.getByRole("dialog", { name: "Delete stage dev?" });
  await confirm.getByLabel("Stage name").fill("dev");
  await confirm.getByRole("button", { name: "Delete stage" }).click();
  await expect(stageCard(page, "dev")).toHaveCount(0);
});

test("a protected stage waits with its change set until an owner approves", async ({ page }) => {
  test.setTimeout(120_000);
  await addMotoConnection(page, "moto-deploy", motoEndpoint());
  await addShopStage(page, "prod", "moto-deploy", { protected: true });
  await expect(stageCard(page, "prod")).toContainText("protected");
  await deploy(page, "prod (protected)");
  await expect(deploymentStatus(page)).toHaveText("awaiting approval", { timeout: 60_000 });
  await expect(changeSetTable(page).getByRole("row", { name: /^Add WorkerFunction/ })).toBeVisible();
  await expect(page.getByText("The stage is protected: the change set below runs once an admin or owner approves it.")).toBeVisible();
  await page.getByRole("button", { name: "Approve and deploy" }).click();
  await expect(deploymentStatus(page)).toHaveText("succeeded", { timeout: 60_000 });
  await expect(page.getByRole("list", { name: "Pipeline events" })).toContainText(`Approved by ${USERS.acmeOwner}`);
});

test("a failed first deploy names the failing resource and its reason, then shows the rollback", async ({ page }) => {
  test.setTimeout(120_000);
  const reason = 'Resource handler returned message: "Error occurred while GetObject. S3 Error Code: AccessDenied. S3 Error Message: Access Denied"';
  double.script("shop-fail", {
    onExecute: [
      { status: "CREATE_IN_PROGRESS", reason: "User Initiated" },
      { afterMs: 300, logicalId: "jobsQueue", resourceType: "AWS::SQS::Queue", status: "CREATE_IN_PROGRESS" },
      { afterMs: 300, logicalId: "WorkerRole", resourceType: "AWS::IAM::Role", status: "CREATE_IN_PROGRESS" },
      { afterMs: 300, logicalId: "WorkerRole", resourceType: "AWS::IAM::Role", status: "CREATE_COMPLETE" },
      { afterMs: 300, logicalId: "WorkerFunction", resourceType: "AWS::Lambda::Function", status: "CREATE_IN_PROGRESS" },
      { afterMs: 300, logicalId: "WorkerFunction", resourceType: "AWS::Lambda::Function", status: "CREATE_FAILED", reason },
      { afterMs: 50, logicalId: "jobsQueue", resourceType: "AWS::SQS::Queue", status: "CREATE_FAILED", reason: "Resource creation cancelled" },
      { afterMs: 300, status: "ROLLBACK_IN_PROGRESS", reason: "The following resource(s) failed to create: [WorkerFunction, jobsQueue]. Rollback requested by user." },
      { afterMs: 300, logicalId: "WorkerRole", resourceType: "AWS::IAM::Role", status: "DELETE_IN_PROGRESS" },
      { afterMs: 300, logicalId: "WorkerRole", resourceType: "AWS::IAM::Role", status: "DELETE_COMPLETE" },
      { afterMs: 300, logicalId: "jobsQueue", resourceType: "AWS::SQS::Queue", status: "DELETE_COMPLETE" },
      { afterMs: 300, status: "ROLLBACK_COMPLETE" },
    ],
  });
  await addMotoConnection(page, "double", double.endpoint);
  await addShopStage(page, "fail", "double");
  await deploy(page, "fail");

  const failure = page.getByRole("alert").filter({ hasText: "failed:" });
  await expect(failure).toContainText(`WorkerFunction (AWS::Lambda::Function) failed: ${reason}`, { timeout: 60_000 });
  await expect(failure).toContainText("CloudFormation is rolling the stack back…");
  await expect(deploymentStatus(page)).toHaveText("rolled back", { timeout: 60_000 });
  await expect(failure).toContainText("CloudFormation rolled the stack back.");
  await expect(resources(page).getByRole("row", { name: /^shop-fail AWS::CloudFormation::Stack ROLLBACK_COMPLETE/ })).toBeVisible();
  await expect(resources(page).getByRole("row", { name: /^WorkerRole AWS::IAM::Role DELETE_COMPLETE/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test("an update in flight is cancelled; a tab opened mid-deploy and a dropped stream both end with every event exactly once", async ({ page, context }) => {
  test.setTimeout(120_000);
  const steps = ["WorkerFunction", "CronFunction", "jobsQueue", "WorkerLogGroup", "CronLogGroup", "CronEvent0Rule"];
  double.script("shop-live", {
    existingStatus: "UPDATE_COMPLETE",
    onExecute: [
      { status: "UPDATE_IN_PROGRESS", reason: "User Initiated" },
      ...steps.flatMap((logicalId) => [
        { afterMs: 600, logicalId, resourceType: "AWS::Test::Resource", status: "UPDATE_IN_PROGRESS" },
        { afterMs: 600, logicalId, resourceType: "AWS::Test::Resource", status: "UPDATE_COMPLETE" },
      ]),
    ],
    onCancel: [
      { status: "UPDATE_ROLLBACK_IN_PROGRESS", reason: "Stack update cancelled" },
      { afterMs: 300, logicalId: "WorkerFunction", resourceType: "AWS::Test::Resource", status: "UPDATE_COMPLETE" },
      { afterMs: 300, status: "UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS" },
      { afterMs: 300, status: "UPDATE_ROLLBACK_COMPLETE" },
    ],
  });
  await addMotoConnection(page, "double", double.endpoint);
  await addShopStage(page, "live", "double");
  await deploy(page, "live");
  const deploymentId = page.url().split("/").pop()!;
  await expect(resources(page).getByRole("row", { name: /^WorkerFunction / })).toBeVisible({ timeout: 60_000 });

  // A second tab opened mid-deploy catches up with what the first has seen.
  const late = await context.newPage();
  await late.goto(page.url());
  await expect(resources(late).getByRole("row", { name: /^WorkerFunction / })).toBeVisible();

  // Drop every live stream on the server (its LISTEN connection dies): the browsers reconnect with Last-Event-ID.
  expect(await dropDeploymentStreamConnections()).toBeGreaterThan(0);
  await expect(resources(page).getByRole("row", { name: /^CronFunction / })).toBeVisible({ timeout: 30_000 });

  await page.getByRole("button", { name: "Cancel deployment" }).click();
  await expect(page.getByRole("button", { name: "Cancelling…" })).toBeDisabled();
  await expect(deploymentStatus(page)).toHaveText("cancelled", { timeout: 60_000 });
  await expect(deploymentStatus(late)).toHaveText("cancelled", { timeout: 30_000 });
  await expect(resources(page).getByRole("row", { name: /^shop-live AWS::CloudFormation::Stack UPDATE_ROLLBACK_COMPLETE / })).toBeVisible();

  const stored = await storedDeploymentEvents(deploymentId);
  for (const tab of [page, late]) {
    await expect(tab.getByRole("list", { name: "Pipeline events" }).getByRole("listitem")).toHaveCount(stored.pipeline);
    await expect(resources(tab).locator("tbody tr")).toHaveCount(stored.resources);
  }
  await expect(page.getByRole("list", { name: "Pipeline events" })).toContainText("cancel");
  expect(double.calls.filter((c) => c.action === "CancelUpdateStack" && c.stackName?.includes("shop-live"))).toHaveLength(1);
});

test("a viewer sees the stages and their history but cannot deploy or change a stage", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInWithOrgSso(page, USERS.acmeViewer);
  await page.goto(`${SHOP}/deployments`);
  await expect(stageCard(page, "prod")).toBeVisible();
  await expect(page.getByRole("table", { name: "Deployment history of prod" }).getByRole("row")).toHaveCount(2);
  await expect(page.getByRole("region", { name: /^Deploy revision/ })).toHaveCount(0);
  await expect(page.getByRole("form", { name: "New stage" })).toHaveCount(0);
  await expect(stageCard(page, "prod").getByRole("button")).toHaveCount(0);
  await page.getByRole("table", { name: "Deployment history of prod" }).getByRole("link").click();
  await expect(deploymentStatus(page)).toHaveText("succeeded");
  await context.close();
});
