import AxeBuilder from "@axe-core/playwright";
import { CloudWatchClient, PutMetricDataCommand } from "@aws-sdk/client-cloudwatch";
import { expect, test } from "./test";
import { readFileSync } from "node:fs";
import { formatMonthlyDelta, formatUsd, PRICES } from "@/lib/cost";
import { physicalNames } from "@/server/render/naming";
import { COST_STACK } from "./cost-fixture";
import { E2E, USERS } from "./env";
import { seedDeployedDevStage } from "./db-fixtures";
import { signInWithOrgSso } from "./helpers";

const costsUrl = `/${E2E.acme.orgSlug}/stacks/${COST_STACK.name}/costs`;

// The expected difference from the price data: raising memory changes only the duration charge,
// invocations × seconds × ΔGB at us-east-1's x86_64 first-tier GB-second price (the fixture's function
// is x86_64; the free tier is off, and the stack stays far below the next volume tier).
function memoryRaiseDelta(invocations: number, durationMs: number): number {
  const gbPerSecond = PRICES["us-east-1"].lambda.duration.x86_64.tiers[0].usd;
  const extraGb = (COST_STACK.memoryAfter - COST_STACK.memoryBefore) / 1024;
  return invocations * (durationMs / 1000) * extraGb * gbPerSecond;
}

test.beforeEach(async ({ page }, testInfo) => {
  await signInWithOrgSso(page, testInfo.title.startsWith("a viewer") ? USERS.acmeViewer : USERS.acmeOwner);
});

test("a viewer reads the estimate and the assumptions but cannot change them", async ({ page }) => {
  await page.goto(costsUrl);
  await expect(page.getByRole("status", { name: "Estimated monthly total" })).toHaveText(/^\$\d/);
  await expect(page.getByRole("group", { name: COST_STACK.functionName }).getByLabel("Average duration (ms)")).toBeDisabled();
  await expect(page.getByRole("button", { name: "Save assumptions" })).toHaveCount(0);
  await expect(page.getByText("Your role can read these assumptions but not change them.")).toBeVisible();
});

test("raising a function's memory from 512 to 1024 MB shows a positive cost diff of the right size", async ({ page }) => {
  await page.goto(costsUrl);
  const diff = page.getByRole("table", { name: "Revision 1 → 2" });
  const fnRow = diff.getByRole("row", { name: new RegExp(`^${COST_STACK.functionName}\\b`) });
  const totalRow = diff.getByRole("row", { name: /^Total/ });

  // With the default assumptions: 1M requests a month through the HTTP trigger, 100 ms each.
  const byDefault = formatMonthlyDelta(memoryRaiseDelta(1_000_000, 100));
  expect(byDefault).toMatch(/^\+\$0\.8\d\/month$/);
  await expect(fnRow.getByRole("cell").last()).toHaveText(byDefault);
  await expect(totalRow.getByRole("cell").last()).toHaveText(byDefault);

  // Own assumptions recompute the estimate and the diff as they are typed, and survive a reload once saved.
  const hello = page.getByRole("group", { name: COST_STACK.functionName });
  await hello.getByLabel("Average duration (ms)").fill("200");
  await hello.getByRole("group", { name: /^Trigger 1/ }).getByLabel("Events a month").fill("30000000");
  const raised = formatMonthlyDelta(memoryRaiseDelta(30_000_000, 200));
  expect(raised).toBe("+$50.00/month");
  await expect(fnRow.getByRole("cell").last()).toHaveText(raised);
  await expect(totalRow.getByRole("cell").last()).toHaveText(raised);

  await page.getByRole("button", { name: "Save assumptions" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("group", { name: COST_STACK.functionName }).getByLabel("Average duration (ms)")).toHaveValue("200");
  await expect(totalRow.getByRole("cell").last()).toHaveText(raised);
});

test("the estimate shows a total and charts per service and per resource, and bad input is explained", async ({ page }) => {
  await page.goto(costsUrl);
  await expect(page.getByRole("img", { name: /^Per service: Lambda \$/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /^Per resource: hello \$/ })).toBeVisible();
  const total = page.getByRole("status", { name: "Estimated monthly total" });
  const before = await total.textContent();

  const duration = page.getByRole("group", { name: COST_STACK.functionName }).getByLabel("Average duration (ms)");
  await duration.fill("-3");
  await expect(duration).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("alert").filter({ hasText: "Must be more than 0 ms." })).toBeVisible();
  await expect(page.getByRole("button", { name: "Save assumptions" })).toBeDisabled();
  await expect(total).toHaveText(before!);

  await duration.fill("");

  // An absurd figure is refused with the field's limit; one at the limit prices, its volume discount drawn as a credit.
  const invocations = page.getByRole("group", { name: COST_STACK.functionName }).getByLabel("Invocations a month");
  await expect(duration).toHaveValue("");
  const beforeHuge = await total.textContent();
  await invocations.fill("1e30");
  await expect(invocations).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("alert").filter({ hasText: "Invocations a month: at most 1,000,000,000,000." })).toBeVisible();
  await expect(page.getByRole("button", { name: "Save assumptions" })).toBeDisabled();
  await expect(total).toHaveText(beforeHuge!);
  await invocations.fill("1e12");
  await expect(page.getByRole("img", { name: /^Per resource: .*Volume tiers -\$[\d,.]+ credit/ })).toBeVisible();
  await expect(page.getByRole("button", { name: "Save assumptions" })).toBeEnabled();
  await invocations.fill("");

  // Other resources' usage, as YAML: a problem names its line; a valid figure reprices the API.
  const other = page.getByLabel("Other resources (YAML, as in a usage file for the CLI)");
  await other.fill("helloApi:\n  requestsPerMonth: lots\n");
  await expect(page.getByRole("alert").filter({ hasText: /^2:\d+: / })).toContainText("requestsPerMonth");
  await other.fill("helloApi:\n  requestsPerMonth: 5000000\n");
  const apiCost = 5 * PRICES["us-east-1"].apiGateway.httpApiRequests.tiers[0].usd;
  const apiRow = page.getByRole("table", { name: "Monthly cost per resource" }).getByRole("row").filter({ hasText: "helloApi" });
  await expect(apiRow.getByRole("cell")).toHaveText(["API Gateway", formatUsd(apiCost)]);

  await page.getByLabel("Region prices").selectOption("eu-central-1");
  await expect(page.getByText("a month in eu-central-1")).toBeVisible();

  const scan = await new AxeBuilder({ page }).analyze();
  expect(scan.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test("actual usage says when a stack has no stage to read metrics from", async ({ page }) => {
  await page.goto(costsUrl);
  await expect(page.getByRole("region", { name: "Actual usage" })).toContainText("The stack has no stages yet.");
});

test("a deployed stage shows each function's month-to-date cost from CloudWatch (moto)", async ({ page }) => {
  // The state a successful deploy of revision 2 to "dev" leaves (the deploy pipeline's own e2e covers getting there).
  const endpoint = readFileSync(E2E.motoEndpointFile, "utf8").trim();
  await seedDeployedDevStage(COST_STACK.name, 2, { name: "cost-moto", motoEndpoint: endpoint });

  const functionName = physicalNames.function(COST_STACK.name, "dev", COST_STACK.functionName);
  const cloudWatch = new CloudWatchClient({ region: "us-east-1", endpoint, credentials: { accessKeyId: "e2e", secretAccessKey: "e2e" } });
  const dimensions = [{ Name: "FunctionName", Value: functionName }];
  const at = new Date(Date.now() - 60_000);
  await cloudWatch.send(
    new PutMetricDataCommand({
      Namespace: "AWS/Lambda",
      MetricData: [
        { MetricName: "Invocations", Dimensions: dimensions, Value: 2_000_000, Unit: "Count", Timestamp: at },
        // The month's total duration (2M × 300 ms) as one datapoint: the page reads Sum only, and moto expands
        // Values × Counts into single datapoints (2M of them take it minutes).
        { MetricName: "Duration", Dimensions: dimensions, Value: 2_000_000 * 300, Unit: "Milliseconds", Timestamp: at },
      ],
    }),
  );
  cloudWatch.destroy();

  // 2M requests and 2M × 0.3 s × 1 GB (revision 2's 1024 MB) at us-east-1's prices.
  const lambda = PRICES["us-east-1"].lambda;
  const monthToDate = 2 * lambda.requests.usd + 2_000_000 * 0.3 * 1 * lambda.duration.x86_64.tiers[0].usd;
  await page.goto(costsUrl);
  const stage = page.getByRole("region", { name: "Stage dev (us-east-1)" });
  const row = stage.getByRole("row", { name: new RegExp(`^${COST_STACK.functionName} ${functionName}`) });
  await expect(row.getByRole("cell").nth(0)).toHaveText("2,000,000");
  await expect(row.getByRole("cell").nth(1)).toHaveText("300.0 ms");
  await expect(row.getByRole("cell").nth(2)).toHaveText(formatUsd(monthToDate));
  await expect(stage.getByRole("table")).toContainText("Revision 2");
});

test("in the editor, raising memory from 512 to 1024 MB shows what the unsaved change adds in the Cost tab", async ({ page }) => {
  const name = "pricing-editor";
  await page.goto(`/${E2E.acme.orgSlug}/stacks`);
  await page.getByLabel("New stack name").fill(name);
  await page.getByRole("radio", { name: "Starter (a function behind an HTTP API)" }).check();
  await page.getByRole("button", { name: "Create stack" }).click();
  await expect(page.getByTestId(`stack-row-${name}`)).toBeVisible();
  await page.goto(`/${E2E.acme.orgSlug}/stacks/${name}/edit`);
  await expect(page.locator("html[data-editor-ready=true]")).toHaveCount(1);
  await page.getByRole("complementary", { name: "Palette and resources" }).getByRole("button", { name: /^hello / }).click();
  // A first visit opens only the function's first section.
  await page.getByRole("complementary", { name: "Inspector" }).locator("summary", { hasText: "Memory, time and concurrency" }).click();
  const memory = page.getByRole("complementary", { name: "Inspector" }).getByLabel("Memory (MB)");
  await memory.fill(String(COST_STACK.memoryBefore));
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.locator("#save-status")).toHaveText("Saved revision 2.");
  // Nothing unsaved: the tab says so rather than showing a difference of nothing.
  await page.getByRole("tab", { name: "Cost", exact: true }).click();
  await expect(page.getByText("No unsaved changes: the estimate below is revision 2's.")).toBeVisible();
  await expect(page.getByRole("table", { name: /^Unsaved changes/ })).toHaveCount(0);

  await memory.fill(String(COST_STACK.memoryAfter));
  // A new stack has no saved assumptions and no stage: us-east-1 prices, 1M requests of 100 ms.
  const expected = formatMonthlyDelta(memoryRaiseDelta(1_000_000, 100));
  expect(expected).toMatch(/^\+\$0\.8\d\/month$/);
  const diff = page.getByRole("table", { name: "Unsaved changes against revision 2" });
  await expect(diff.getByRole("row", { name: /^hello\b/ }).getByRole("cell").last()).toHaveText(expected);
  await expect(diff.getByRole("row", { name: /^Total/ }).getByRole("cell").last()).toHaveText(expected);
});
