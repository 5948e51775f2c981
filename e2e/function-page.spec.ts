import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./test";
import { USERS } from "./env";
import { pastTheRightEdge, signInWithOrgSso } from "./helpers";
import { STARTER_HANDLER_PATH } from "@/server/stacks/starter";
import { putLogEvents, setUpDeployedStage, type DeployedStack } from "./deployed-stage";

// The page of a deployed function against moto (issue 16): its stack, created by CloudFormation from
// the rendered template, has an SQS trigger (an event source mapping) and environment variables; its
// log group has REPORT lines. moto has no ListProvisionedConcurrencyConfigs: that section says so.

const SECRET = "sk_e2e_do_not_show";
const PAYMENTS: DeployedStack = {
  stack: "payments",
  stage: "dev",
  region: "eu-west-1",
  functionName: "payments-dev-hello",
  logGroup: "/aws/lambda/payments-dev-hello",
  bucket: "lp-e2e-payments-artifacts",
  yaml: `resources:
  hello:
    type: function
    properties:
      packaging:
        type: stacktape-lambda-buildpack
        properties:
          entryfilePath: ${STARTER_HANDLER_PATH}
      memory: 384
      timeout: 12
      environment:
        - name: TABLE_NAME
          value: orders-table
        - name: PAYMENT_KEY
          value: ${SECRET}
      events:
        - type: sqs
          properties:
            queueArn: $CfResourceParam('jobsQueue', 'Arn')
cloudformationResources:
  jobsQueue:
    Type: AWS::SQS::Queue
`,
};
const stackPath = `/acme/stacks/${PAYMENTS.stack}`;
const RID = (n: number) => `7a1b2c3d-0000-4000-8000-00000000000${n}`;
const report = (n: number, extra = "") => `REPORT RequestId: ${RID(n)}\tDuration: 4${n}.25 ms\tBilled Duration: 4${n + 1} ms\tMemory Size: 384 MB\tMax Memory Used: 71 MB\t${extra}`;

test.beforeAll(async () => {
  await setUpDeployedStage(PAYMENTS);
  const now = Date.now();
  await putLogEvents(PAYMENTS, [
    { timestamp: now - 120_000, message: report(1, "Init Duration: 180.50 ms\t") },
    { timestamp: now - 60_000, message: `2026-12-01T08:00:00.000Z\t${RID(2)}\tERROR\tInvoke Error {"errorType":"Error","errorMessage":"boom"}` },
    { timestamp: now - 59_000, message: report(2) },
  ]);
});

test("the function page shows the configuration AWS reports, the queue mapping and recent invocations; links lead to its logs", async ({ page }) => {
  // Sign-in, two pages reading AWS and an axe scan: more than the default minute on a loaded machine.
  test.setTimeout(180_000);
  await signInWithOrgSso(page, USERS.acmeOwner);
  await page.goto(stackPath);
  await page.getByRole("list", { name: "Deployed functions" }).getByRole("link", { name: "hello", exact: true }).click();
  await expect(page).toHaveURL(`${stackPath}/functions/dev/hello`);

  const facts = page.getByRole("region", { name: "Configuration", exact: true });
  await expect(facts).toContainText("Memory384 MB");
  await expect(facts).toContainText("Timeout12 s");
  await expect(facts).toContainText(/Runtimenodejs\d+\.x/);

  const env = page.getByRole("table", { name: "Environment variables" });
  await expect(env).toContainText("TABLE_NAME");
  await expect(env).toContainText("orders-table");
  await expect(env).toContainText(SECRET);

  const mappings = page.getByRole("table", { name: "Event source mappings" });
  await expect(mappings).toContainText(/arn:aws:sqs:eu-west-1:\d+:/);
  await expect(mappings.getByRole("row")).toHaveCount(2);

  const recent = page.getByRole("region", { name: "Recent invocations (last hour)" });
  await expect(recent).toContainText("Invocations2");
  await expect(recent).toContainText("Errors1 (50 %)");
  await expect(recent).toContainText("Cold starts1");
  await expect(recent.getByRole("row").filter({ hasText: RID(1) })).toContainText("yes (init 180.5 ms)");
  await expect(recent.getByRole("row").filter({ hasText: RID(2) })).toContainText("error");

  await expect(page.getByRole("region", { name: "Provisioned concurrency" })).toContainText("Not available from this endpoint");
  await expect(page.getByRole("region", { name: "Versions", exact: true })).toContainText("$LATEST");

  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);

  await page.getByRole("navigation", { name: "This function elsewhere" }).getByRole("link", { name: "Logs", exact: true }).click();
  await expect(page).toHaveURL(/\/logs\?stage=[^&]+&function=hello/);
  await expect(page.getByLabel("Function")).toHaveValue("hello");
  await page.getByRole("link", { name: "Function page" }).click();
  await expect(page).toHaveURL(`${stackPath}/functions/dev/hello`);
});

test("a viewer sees the environment variables' names, never their values", async ({ page }) => {
  await signInWithOrgSso(page, USERS.acmeViewer);
  const answer = page.waitForResponse((r) => r.url().includes("/function?function=hello"));
  await page.goto(`${stackPath}/functions/dev/hello`);
  const body = await (await answer).text();
  expect(body).toContain("PAYMENT_KEY");
  expect(body).not.toContain(SECRET);
  expect(body).not.toContain("orders-table");

  const env = page.getByRole("table", { name: "Environment variables" });
  await expect(env).toContainText("PAYMENT_KEY");
  await expect(env.getByRole("row").filter({ hasText: "PAYMENT_KEY" })).toContainText("hidden");
  await expect(page.getByText("Values are shown to the roles that may deploy")).toBeVisible();
  await expect(page.locator("body")).not.toContainText(SECRET);
  await expect(page.getByRole("navigation", { name: "This function elsewhere" }).getByRole("link", { name: "Test invoke" })).toHaveCount(0);

  // On a phone every section stays inside the page (wide tables scroll in their own box).
  await page.setViewportSize({ width: 390, height: 844 });
  await expect.poll(() => pastTheRightEdge(page)).toEqual([]);
});
