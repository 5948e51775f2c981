import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./test";
import { readFileSync } from "node:fs";
import { USERS } from "./env";
import { signInWithOrgSso } from "./helpers";
import { DEPLOYED, putDurationDatapoint, putLogLines, setUpDeployedStage } from "./deployed-stage";

// Against moto: the stage's function and log group were created by CloudFormation from the rendered
// template, the lines by PutLogEvents. moto filters with plain terms only and has no StartLiveTail,
// so the live tail here is the polling fallback.

const RID = "0f6c1e2a-3b4c-4d5e-8f90-a1b2c3d4e5f6";
const logsPath = `/acme/stacks/${DEPLOYED.stack}/logs`;

test.beforeAll(async () => {
  await setUpDeployedStage();
});

test("lines written to a deployed function's log group appear, a filter term narrows them, a request id shows its invocation", async ({ page }) => {
  const now = Date.now();
  await putLogLines(
    [
      `START RequestId: ${RID} Version: $LATEST`,
      `2026-12-01T08:00:00.000Z\t${RID}\tINFO\tpayment accepted order=42`,
      `2026-12-01T08:00:00.001Z\t${RID}\tERROR\tcard declined for order=43`,
      `{"level":"warn","requestId":"${RID}","msg":"slow downstream","latencyMs":900}`,
      `REPORT RequestId: ${RID}\tDuration: 102.25 ms\tBilled Duration: 103 ms\tMemory Size: 256 MB\tMax Memory Used: 70 MB\tInit Duration: 150.10 ms\t`,
      "unrelated housekeeping line",
    ],
    now - 60_000,
  );
  await signInWithOrgSso(page, USERS.acmeOwner);
  await page.goto(logsPath);
  const list = page.getByRole("list", { name: "Log lines" });
  await expect(list.getByRole("listitem")).toHaveCount(6);
  await expect(list).toContainText("payment accepted order=42");
  await expect(list).toContainText("card declined for order=43");
  const report = list.getByRole("listitem").filter({ hasText: "REPORT RequestId" });
  await expect(report.getByLabel("Invocation report")).toContainText("Duration102.25 ms");
  await expect(report.getByLabel("Invocation report")).toContainText("Init150.1 ms");
  await expect(report.getByLabel("Invocation report")).toContainText("Memory used70 / 256 MB");

  const json = list.getByRole("listitem").filter({ hasText: "slow downstream" });
  await json.getByRole("button", { name: "Expand JSON" }).click();
  await expect(json.locator("pre")).toContainText('"latencyMs": 900');

  await page.getByLabel("Filter pattern").fill("declined");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(list.getByRole("listitem")).toHaveCount(1);
  await expect(list).toContainText("card declined for order=43");
  await expect(page).toHaveURL(/filter=declined/);

  await page.getByRole("button", { name: "Clear filter" }).click();
  await expect(list.getByRole("listitem")).toHaveCount(6);

  // A broken pattern is explained at the field, where it breaks, instead of "no lines match" (moto accepts anything).
  await page.getByLabel("Filter pattern").fill("{ $.level = ");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Invalid filter pattern at the end of the pattern: expected a value after '='" })).toBeVisible();
  await expect(page.getByLabel("Filter pattern")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("No lines in this range match")).toHaveCount(0);
  await expect(list).toHaveCount(0);
  await page.getByRole("button", { name: "Clear filter" }).click();
  await expect(list.getByRole("listitem")).toHaveCount(6);

  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download JSON" }).click();
  const file = await (await download).path();
  const exported = JSON.parse(readFileSync(file, "utf8")) as { message: string; function: string }[];
  expect(exported.map((e) => e.message)).toContain("unrelated housekeeping line");
  expect(new Set(exported.map((e) => e.function))).toEqual(new Set(["hello"]));

  const declined = list.getByRole("listitem").filter({ hasText: "card declined" });
  await declined.getByRole("button", { name: /^Copy link to the line at / }).click();
  const link = (await page.getByRole("status").filter({ hasText: /^Link/ }).textContent())!.replace(/^Link( copied)?: /, "");
  await page.goto(link);
  await expect(page.getByRole("list", { name: "Log lines" }).locator('[aria-current="true"]')).toContainText("card declined for order=43");

  await page.goto(logsPath);
  await list.getByRole("listitem").filter({ hasText: "payment accepted" }).getByRole("button", { name: RID.slice(0, 8) }).click();
  await expect(page.getByLabel("Filter pattern")).toHaveValue(`"${RID}"`);
  await expect(list.getByRole("listitem")).toHaveCount(5);
  await expect(list).not.toContainText("unrelated housekeeping line");
  await page.getByRole("button", { name: "Clear filter" }).click();
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
});

test("the live tail falls back to polling on moto and shows a newly written line within 3 s", async ({ page }) => {
  await signInWithOrgSso(page, USERS.acmeViewer);
  await page.goto(logsPath);
  await page.getByRole("button", { name: "Live tail" }).click();
  await expect(page.getByRole("status").filter({ hasText: "polling FilterLogEvents" })).toBeVisible();
  const marker = `tail-marker-${Date.now()}`;
  await putLogLines([`2026-12-01T08:00:00.000Z\t${RID}\tINFO\t${marker}`]);
  await expect(page.getByRole("list", { name: "Log lines" })).toContainText(marker, { timeout: 3000 });

  await page.getByRole("button", { name: "Pause" }).click();
  const paused = `paused-marker-${Date.now()}`;
  await putLogLines([paused]);
  await expect(page.getByRole("button", { name: /Resume \(1 waiting\)/ })).toBeVisible({ timeout: 3000 });
  await expect(page.getByRole("list", { name: "Log lines" })).not.toContainText(paused);
  await page.getByRole("button", { name: /Resume/ }).click();
  await expect(page.getByRole("list", { name: "Log lines" })).toContainText(paused);
});

test("a function that never wrote a log group is an empty state, not an error", async ({ page }) => {
  await signInWithOrgSso(page, USERS.acmeOwner);
  await page.goto(logsPath);
  await page.getByLabel("Stage").selectOption({ label: `${DEPLOYED.undeployedStage} (${DEPLOYED.region})` });
  await expect(page.getByText(/No log group yet \(\/aws\/lambda\/telemetry-qa-hello\)/)).toBeVisible();
});

test("test invoke of the deployed function shows what moto returns; payloads are saved per function; metrics chart the range", async ({ page }) => {
  await signInWithOrgSso(page, USERS.acmeOwner);
  await page.goto(logsPath);
  await page.getByLabel("Function").selectOption("hello");
  const panel = page.getByRole("region", { name: "Test invoke hello" });

  await panel.getByLabel("Payload (JSON)").fill('{"broken":');
  await expect(panel.getByRole("alert")).toHaveText(/^The payload is not valid JSON: /);
  await expect(panel.getByRole("button", { name: "Invoke" })).toBeDisabled();

  await panel.getByLabel("Event template").selectOption({ label: "SQS batch" });
  await expect(panel.getByLabel("Payload (JSON)")).toHaveValue(/"eventSourceARN": "arn:aws:sqs:eu-west-1:123456789012:my-queue"/);
  await panel.getByLabel("Save as").fill("two orders");
  await panel.getByRole("button", { name: "Save payload" }).click();
  await expect(panel.getByRole("status")).toHaveText('Saved "two orders".');
  await page.reload();
  const reloaded = page.getByRole("region", { name: "Test invoke hello" });
  await reloaded.getByLabel("Saved payloads").selectOption({ label: "two orders" });
  await expect(reloaded.getByLabel("Payload (JSON)")).toHaveValue(/"aws:sqs"/);

  // moto cannot run function code without Docker: it answers 200 with a handled function error
  // whose body is its own Docker error, and no tail log.
  await reloaded.getByRole("button", { name: "Invoke" }).click();
  const result = reloaded.getByRole("region", { name: "Invocation result" });
  await expect(result.getByText("Status code").locator("xpath=following-sibling::dd[1]")).toHaveText("200");
  await expect(result.getByText("Function error").locator("xpath=following-sibling::dd[1]")).toHaveText("Handled");
  await expect(result.getByLabel("Response body")).toHaveText(/^error running docker: /);

  await reloaded.getByLabel("Event (asynchronous)").check();
  await reloaded.getByRole("button", { name: "Invoke" }).click();
  await expect(result.getByText("Status code").locator("xpath=following-sibling::dd[1]")).toHaveText("202");
  await reloaded.getByLabel("DryRun (check permissions only)").check();
  await reloaded.getByRole("button", { name: "Invoke" }).click();
  await expect(result.getByText("Status code").locator("xpath=following-sibling::dd[1]")).toHaveText("204");
  await expect(result.getByLabel("Response body")).toHaveText("(empty)");

  const metrics = page.getByRole("region", { name: /^Metrics of hello/ });
  for (const title of ["Invocations", "Errors", "Throttles", "Duration", "Concurrent executions"]) {
    await expect(metrics.getByRole("img", { name: new RegExp(`^${title}: `) })).toBeVisible();
  }
  // With a Duration datapoint moto answers HTTP 500 to the percentiles: that chart says why, in words, and the others still show.
  await putDurationDatapoint(Date.now() - 5 * 60_000);
  await page.reload();
  const failing = page.getByRole("region", { name: /^Metrics of hello/ }).getByRole("figure", { name: "Duration: not available" });
  await expect(failing.getByRole("alert")).toHaveText(/^CloudWatch GetMetricData failed while reading the duration of telemetry-dev-hello: the endpoint .* answered HTTP 500 /);
  await failing.getByText("Details").click();
  await expect(failing.locator("pre")).toContainText("HTTP status 500");
  for (const title of ["Invocations", "Errors", "Throttles", "Concurrent executions"]) {
    await expect(page.getByRole("region", { name: /^Metrics of hello/ }).getByRole("img", { name: new RegExp(`^${title}: `) })).toBeVisible();
  }
  await page.getByRole("button", { name: "Live tail" }).click();
  await expect(page.getByRole("status").filter({ hasText: "polling FilterLogEvents" })).toBeVisible();
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
});

test("a viewer reads logs but cannot invoke", async ({ page }) => {
  await signInWithOrgSso(page, USERS.acmeViewer);
  await page.goto(`${logsPath}?function=hello`);
  await expect(page.getByText("Your role cannot invoke functions; owners, admins and deployers can.")).toBeVisible();
  // The structured line is a JSON object, which an owner could invoke with; a viewer is not offered it.
  await expect(page.getByRole("list", { name: "Log lines" })).toContainText("slow downstream");
  await expect(page.getByRole("button", { name: "Invoke with this event" })).toHaveCount(0);
  const status = await page.evaluate(async (path) => {
    const res = await fetch(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ function: "hello", type: "DryRun", payload: "{}" }) });
    return res.status;
  }, `/api/orgs/acme/stages/${await page.getByLabel("Stage").inputValue()}/invoke`);
  expect(status).toBe(403);
});

test("a line that logged an event opens test invoke of its function with that event as the payload", async ({ page }) => {
  const orderId = `o-${Date.now()}`;
  await putLogLines([`2026-12-01T08:00:00.000Z\t${RID}\tINFO\tReceived event: {"orderId":"${orderId}","items":[{"sku":"kb-1","note":"a } in a string"}]}`]);
  await signInWithOrgSso(page, USERS.acmeOwner);
  await page.goto(logsPath);
  const line = page.getByRole("list", { name: "Log lines" }).getByRole("listitem").filter({ hasText: orderId });
  await line.getByRole("button", { name: "Invoke with this event" }).click();
  await expect(page).toHaveURL(/function=hello/);
  await expect(page).not.toHaveURL(new RegExp(orderId));
  const editor = page.getByRole("region", { name: "Test invoke hello" }).getByLabel("Payload (JSON)");
  await expect(editor).toHaveValue(JSON.stringify({ orderId, items: [{ sku: "kb-1", note: "a } in a string" }] }, null, 2));
  await expect(editor).toBeFocused();
});
