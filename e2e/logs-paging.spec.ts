import type { Page } from "@playwright/test";
import { expect, test } from "./test";
import { readFileSync } from "node:fs";
import { USERS } from "./env";
import { signInWithOrgSso } from "./helpers";
import { putLogEvents, setUpDeployedStage, type DeployedStack } from "./deployed-stage";

// The log viewer's paging against moto with lines spread over hours (issue 16): newest lines first,
// "Load older" adds only older lines, no line twice or missing, and From/To show the chosen window.
// Its own stack and log group, so the lines do not reach logs.spec's counts.

const HISTORY: DeployedStack = {
  stack: "history",
  stage: "dev",
  region: "eu-west-1",
  functionName: "history-dev-hello",
  logGroup: "/aws/lambda/history-dev-hello",
  bucket: "lp-e2e-history-artifacts",
};
const logsPath = `/acme/stacks/${HISTORY.stack}/logs`;
const MINUTE = 60_000;

// 4,000 lines over 170 minutes ending a minute ago, in three streams (three Lambda instances), every
// tenth line at the same millisecond as the one before it in another stream. None within 2.5 minutes
// of the hour mark, so what "Last hour" holds does not depend on how long the test takes to get there.
const seededAt = Date.now();
const LINES = Array.from({ length: 4000 }, (_, i) => {
  const step = i % 10 === 1 ? i - 1 : i;
  return { i, message: `history line ${String(i).padStart(4, "0")}`, timestamp: seededAt - MINUTE - Math.floor(((3999 - step) * 170 * MINUTE) / 4000) };
}).filter((l) => Math.abs(seededAt - 60 * MINUTE - l.timestamp) > 2.5 * MINUTE);

test.beforeAll(async () => {
  await setUpDeployedStage(HISTORY);
  for (let stream = 0; stream < 3; stream++) {
    await putLogEvents(
      HISTORY,
      LINES.filter((l) => l.i % 3 === stream).map(({ timestamp, message }) => ({ timestamp, message })),
    );
  }
});

type Exported = { timestamp: string; message: string };

/** Every line the viewer holds, in its order, through its JSON download. */
async function shownLines(page: Page): Promise<Exported[]> {
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download JSON" }).click();
  return JSON.parse(readFileSync(await (await download).path(), "utf8")) as Exported[];
}

/** Newest first, no line twice, and every line older than or as old as the one above it. */
function expectNewestFirstOnce(lines: Exported[]) {
  expect(new Set(lines.map((l) => l.message)).size).toBe(lines.length);
  const times = lines.map((l) => Date.parse(l.timestamp));
  expect(times).toEqual(times.slice().sort((a, b) => b - a));
}

const newest = (count: number) => LINES.slice(-count).map((l) => l.message).sort();

/** From/To as epoch milliseconds, read by the browser (the inputs speak its local time). */
async function fromTo(page: Page): Promise<{ from: number; to: number }> {
  const from = await page.getByLabel("From", { exact: true }).inputValue();
  const to = await page.getByLabel("To", { exact: true }).inputValue();
  return page.evaluate(([f, t]) => ({ from: new Date(f).getTime(), to: new Date(t).getTime() }), [from, to]);
}

/** Clicks "Load older" and waits for the lines to grow. */
async function loadOlder(page: Page, before: number) {
  const heading = page.getByRole("heading", { name: /^Lines \(/ });
  await expect(heading).toHaveText(`Lines (${before.toLocaleString("en")}, newest first)`);
  await page.getByRole("button", { name: "Load older" }).click();
  await expect(heading).not.toHaveText(`Lines (${before.toLocaleString("en")}, newest first)`);
}

test("Last 3 hours and Last hour: newest lines first, Load older adds only older lines, none twice or missing, From/To show the window", async ({ page }) => {
  await signInWithOrgSso(page, USERS.acmeOwner);
  await page.goto(`${logsPath}?range=3h`);
  const list = page.getByRole("list", { name: "Log lines" });
  await expect(page.getByRole("heading", { name: "Lines (1,000, newest first)" })).toBeVisible();
  const threeHours = await fromTo(page);
  expect(threeHours.to - threeHours.from).toBe(180 * MINUTE);
  expect(Math.abs(threeHours.to - Date.now())).toBeLessThan(3 * MINUTE);
  await expect(list.getByRole("listitem").first()).toContainText("history line 3999");

  const first = await shownLines(page);
  expectNewestFirstOnce(first);
  expect(first.map((l) => l.message).sort()).toEqual(newest(1000));

  // All of the lines are inside three hours: Load older until the range is read, each page below and older.
  let shown = first;
  while (shown.length < LINES.length) {
    await loadOlder(page, shown.length);
    const now = await shownLines(page);
    // A page is 1,000 lines, one more when its oldest line shares its millisecond with another.
    expect(now.length - shown.length).toBeGreaterThanOrEqual(Math.min(1000, LINES.length - shown.length));
    expect(now.length - shown.length).toBeLessThanOrEqual(1001);
    expectNewestFirstOnce(now);
    expect(now.slice(0, shown.length)).toEqual(shown);
    expect(Date.parse(now[shown.length].timestamp)).toBeLessThan(Date.parse(shown[shown.length - 1].timestamp));
    shown = now;
  }
  expect(shown.map((l) => l.message).sort()).toEqual(LINES.map((l) => l.message).sort());
  await expect(page.getByRole("button", { name: "Load older" })).toHaveCount(0);

  await page.getByRole("combobox", { name: "Range", exact: true }).selectOption("1h");
  await expect(page).toHaveURL(/range=1h/);
  await expect(page.getByRole("heading", { name: "Lines (1,000, newest first)" })).toBeVisible();
  await expect(list.getByRole("listitem").first()).toContainText("history line 3999");
  const oneHour = await fromTo(page);
  expect(oneHour.to - oneHour.from).toBe(60 * MINUTE);

  const inHour = LINES.filter((l) => l.timestamp > seededAt - 60 * MINUTE);
  const firstHourPage = await shownLines(page);
  expect(firstHourPage.map((l) => l.message).sort()).toEqual(newest(1000));
  await loadOlder(page, 1000);
  const hour = await shownLines(page);
  expectNewestFirstOnce(hour);
  expect(hour.slice(0, 1000)).toEqual(firstHourPage);
  expect(hour.map((l) => l.message).sort()).toEqual(inHour.map((l) => l.message).sort());
  await expect(page.getByRole("button", { name: "Load older" })).toHaveCount(0);
});
