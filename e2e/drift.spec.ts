import AxeBuilder from "@axe-core/playwright";
import { GetFunctionConfigurationCommand, LambdaClient, UpdateFunctionCodeCommand, UpdateFunctionConfigurationCommand } from "@aws-sdk/client-lambda";
import type { Page } from "@playwright/test";
import { expect, test } from "./test";
import { USERS } from "./env";
import { seedNewStack } from "./db-fixtures";
import { motoEndpoint } from "./deployed-stage";
import { addConnection, addStage, deployFromPanel, deploymentStatus } from "./deploy-flow";
import { pastTheRightEdge, signInWithOrgSso } from "./helpers";
import { SHOP_CODE } from "./moto/shop-stack";

// Drift end to end (issue 17) on moto: deploy through the pipeline, change the function with the
// Lambda API directly (as someone in the AWS console would), check from the Drift tab, reconcile,
// then adopt a live value into a revision and deploy it.

test.describe.configure({ mode: "serial" });

const STACK = "ledger";
const STACK_PATH = `/acme/stacks/${STACK}`;
const REGION = "us-east-1";
const FUNCTION_NAME = `${STACK}-dev-worker`;
const YAML = `resources:
  worker:
    type: function
    properties:
      packaging:
        type: stacktape-lambda-buildpack
        properties:
          entryfilePath: src/worker.ts
      memory: 256
      environment:
        - name: MODE
          value: normal
`;

const lambda = () => new LambdaClient({ region: REGION, endpoint: motoEndpoint(), credentials: { accessKeyId: "x", secretAccessKey: "x" }, maxAttempts: 1 });
const card = (page: Page) => page.getByRole("listitem", { name: "Drift of stage dev" });
const driftRows = (page: Page) => card(page).getByRole("table", { name: "Lambda drift of dev" }).getByRole("row");

async function checkNow(page: Page) {
  await page.goto(`${STACK_PATH}/drift`);
  const stamp = card(page).locator("time");
  const before = (await stamp.count()) > 0 ? await stamp.getAttribute("datetime") : null;
  await card(page).getByRole("button", { name: "Check now" }).click();
  // The card shows the new check once the action has refreshed the page.
  if (before) await expect(stamp).not.toHaveAttribute("datetime", before, { timeout: 30_000 });
  else await expect(stamp).toHaveCount(1, { timeout: 30_000 });
}

test.beforeAll(async () => {
  await seedNewStack(STACK, { number: 1, yaml: YAML, definition: {}, code: SHOP_CODE, message: "Seeded for the drift e2e" });
});

test("changes made with the Lambda API show as exactly those drifts; Reconcile puts them back; adopting the live memory makes a revision that deploys in sync", async ({ page }) => {
  // Three deploys through the pipeline on moto and five checks: minutes on a loaded machine.
  test.setTimeout(300_000);
  await signInWithOrgSso(page, USERS.acmeOwner);
  await addConnection(page, "moto-drift", motoEndpoint(), REGION);
  await addStage(page, STACK_PATH, "dev", "moto-drift", REGION);
  await deployFromPanel(page, STACK_PATH, "dev");
  await expect(deploymentStatus(page)).toHaveText("succeeded", { timeout: 120_000 });

  await checkNow(page);
  await expect(card(page)).toContainText("in sync");
  await expect(card(page)).toContainText(`by ${USERS.acmeOwner} against revision 1.`);
  await expect(card(page)).toContainText("CloudFormation drift detection");

  // Someone changes memory and one variable, and uploads new code, outside Lambdaplane.
  const before = await lambda().send(new GetFunctionConfigurationCommand({ FunctionName: FUNCTION_NAME }));
  await lambda().send(new UpdateFunctionConfigurationCommand({ FunctionName: FUNCTION_NAME, MemorySize: 1024, Environment: { Variables: { ...before.Environment?.Variables, MODE: "incident" } } }));
  await lambda().send(new UpdateFunctionCodeCommand({ FunctionName: FUNCTION_NAME, ZipFile: new TextEncoder().encode("hot-fixed zip") }));
  const after = await lambda().send(new GetFunctionConfigurationCommand({ FunctionName: FUNCTION_NAME }));

  await checkNow(page);
  await expect(card(page)).toContainText("drifted");
  await expect(driftRows(page)).toHaveCount(4);
  await expect(driftRows(page).filter({ hasText: "MemorySize" })).toContainText("WorkerFunctionMemorySize2561024");
  await expect(driftRows(page).filter({ hasText: "Environment.MODE" })).toContainText("WorkerFunctionEnvironment.MODEnormalincident");
  await expect(driftRows(page).filter({ hasText: "CodeSha256" })).toContainText(`WorkerFunctionCodeSha256${before.CodeSha256}${after.CodeSha256}`);
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  // On a phone the drift table, code hashes included, stays inside the page.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect.poll(() => pastTheRightEdge(page)).toEqual([]);
  await page.setViewportSize({ width: 1280, height: 720 });

  // Reconcile: the deployed revision again, through the pipeline; the next check is in sync.
  await card(page).getByRole("button", { name: "Reconcile" }).click();
  await card(page).getByRole("link", { name: "Deployment of revision 1 started" }).click();
  await expect(deploymentStatus(page)).toHaveText("succeeded", { timeout: 120_000 });
  expect((await lambda().send(new GetFunctionConfigurationCommand({ FunctionName: FUNCTION_NAME }))).MemorySize).toBe(256);
  await checkNow(page);
  await expect(card(page)).toContainText("in sync");
  await expect(driftRows(page)).toHaveCount(0);

  // Memory raised outside again, this time kept: adopted into revision 2, shown as a diff first.
  await lambda().send(new UpdateFunctionConfigurationCommand({ FunctionName: FUNCTION_NAME, MemorySize: 1024 }));
  await checkNow(page);
  await expect(driftRows(page)).toHaveCount(2);
  await card(page).getByLabel("Adopt WorkerFunction MemorySize").check();
  await card(page).getByRole("button", { name: "Adopt selected live values…" }).click();
  await expect(page.getByRole("heading", { name: "Adopt live values of stage dev" })).toBeVisible();
  await expect(page.getByText("Revision 2 would take what runs: WorkerFunction MemorySize.")).toBeVisible();
  await page.getByRole("button", { name: "Save as revision 2" }).click();
  await expect(page.getByRole("link", { name: "Revision 2 saved: deploy it" })).toBeVisible();

  await deployFromPanel(page, STACK_PATH, "dev");
  await expect(deploymentStatus(page)).toHaveText(/succeeded|no changes/, { timeout: 120_000 });
  expect((await lambda().send(new GetFunctionConfigurationCommand({ FunctionName: FUNCTION_NAME }))).MemorySize).toBe(1024);
  await checkNow(page);
  await expect(card(page)).toContainText("in sync");
  await expect(card(page)).toContainText("against revision 2.");
});

test("a viewer reads the drift of a stage but cannot check, reconcile or adopt", async ({ page }) => {
  await signInWithOrgSso(page, USERS.acmeViewer);
  await page.goto(`${STACK_PATH}/drift`);
  await expect(card(page)).toContainText("in sync");
  await expect(card(page).getByRole("button")).toHaveCount(0);
  // The stack's layout has streamed by then, so the status is 200; what shows is the not-found page.
  await page.goto(`${STACK_PATH}/drift/adopt?check=x&pick=WorkerFunction%20MemorySize`);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
});
