// Editor load benchmark (not a test): how long a 100-function stack takes to become interactive in
// the editor, in local Chromium against `next start`, next to a 1-function stack and the stack's
// overview page measured in the same run; and the editor route's first-load JavaScript from the build.
// Run: npx next build && npx playwright test -c bench/editor.playwright.config.ts editor-load
import { expect, test, type Page } from "@playwright/test";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { E2E, USERS } from "../e2e/env";
import { signInWithOrgSso } from "../e2e/helpers";
import { seedBenchStack } from "./editor-bench";

const RUNS = 7;

/** Navigation start -> the editor's mount mark, and -> every canvas node drawn and the Save control enabled-able. */
async function timeEditor(page: Page, stack: string, nodes: number) {
  await page.goto(`/${E2E.acme.orgSlug}/stacks/${stack}/edit`);
  await page.waitForFunction((n) => document.querySelectorAll(".react-flow__node-resource").length === n && document.documentElement.dataset.editorReady === "true", nodes, { timeout: 60_000 });
  // A first interaction answers: selecting a resource shows its form.
  await page.getByRole("complementary", { name: "Palette and resources" }).getByRole("button", { name: /^api / }).click();
  await expect(page.getByRole("region", { name: "Settings of api" })).toBeVisible();
  return page.evaluate(() => {
    // JavaScript this page load fetched (the editor's own chunk loads after the route's first-load files).
    const js = (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).filter((r) => r.name.endsWith(".js"));
    return {
      mounted: performance.getEntriesByName("stack-editor-interactive")[0].startTime,
      interactive: performance.now(),
      jsEncoded: js.reduce((n, r) => n + r.encodedBodySize, 0),
      jsDecoded: js.reduce((n, r) => n + r.decodedBodySize, 0),
    };
  });
}

async function timeOverview(page: Page, stack: string) {
  await page.goto(`/${E2E.acme.orgSlug}/stacks/${stack}`);
  await expect(page.getByRole("heading", { name: /Definition/ })).toBeVisible();
  return page.evaluate(() => performance.now());
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Files of the route's first load, from the build's client reference manifest (CodeMirror is loaded on demand, not here). */
function firstLoadJs(route: string) {
  const dir = path.join(".next/server/app", route);
  const manifestFile = readdirSync(dir).find((f) => f.startsWith("page_client-reference-manifest"));
  const source = readFileSync(path.join(dir, manifestFile!), "utf8");
  const files = new Set<string>();
  for (const m of source.matchAll(/"(static\/chunks\/[^"]+\.js)"/g)) files.add(m[1]);
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    const file = path.join(".next", f);
    raw += statSync(file).size;
    gzip += gzipSync(readFileSync(file)).length;
  }
  return { files: files.size, raw, gzip };
}

test("editor load: 100 functions against 1 function and the overview page", async ({ page }) => {
  test.setTimeout(600_000);
  await seedBenchStack("bench100", 100);
  await seedBenchStack("bench1", 1);
  await signInWithOrgSso(page, USERS.acmeOwner);
  // 100 functions: api + 100 functions + 100 queues on the canvas.
  await timeEditor(page, "bench100", 201);
  type Run = Awaited<ReturnType<typeof timeEditor>>;
  const big: Run[] = [];
  const small: Run[] = [];
  const overview: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    big.push(await timeEditor(page, "bench100", 201));
    small.push(await timeEditor(page, "bench1", 3));
    overview.push(await timeOverview(page, "bench100"));
  }
  const editor = firstLoadJs("(dashboard)/[org]/stacks/[stack]/edit");
  const overviewJs = firstLoadJs("(dashboard)/[org]/stacks/[stack]");
  const ms = (x: number) => `${x.toFixed(0)} ms`;
  const kb = (x: number) => `${(x / 1024).toFixed(1)} KiB`;
  const report = [
    `runs: ${RUNS} each, after one warm-up; load average ${readFileSync("/proc/loadavg", "utf8").split(" ")[0]}`,
    `| stack | editor mounted (median) | interactive (median, min) |`,
    `| --- | --- | --- |`,
    `| 100 functions (201 nodes) | ${ms(median(big.map((r) => r.mounted)))} | ${ms(median(big.map((r) => r.interactive)))} (min ${ms(Math.min(...big.map((r) => r.interactive)))}) |`,
    `| 1 function (3 nodes) | ${ms(median(small.map((r) => r.mounted)))} | ${ms(median(small.map((r) => r.interactive)))} (min ${ms(Math.min(...small.map((r) => r.interactive)))}) |`,
    `| overview page of the 100-function stack (no editor) | - | ${ms(median(overview))} |`,
    `ratio 100 functions / 1 function: ${(median(big.map((r) => r.interactive)) / median(small.map((r) => r.interactive))).toFixed(2)}x; 100 functions / overview page: ${(median(big.map((r) => r.interactive)) / median(overview)).toFixed(2)}x`,
    `JS fetched by an editor page load (Chromium resource timing, before CodeMirror is needed): ${kb(big[0].jsDecoded)} (${kb(big[0].jsEncoded)} as transferred)`,
    `first-load JS, editor route: ${editor.files} files, ${kb(editor.raw)} (${kb(editor.gzip)} gzip); overview route: ${overviewJs.files} files, ${kb(overviewJs.raw)} (${kb(overviewJs.gzip)} gzip); ratio ${(editor.gzip / overviewJs.gzip).toFixed(2)}x gzip`,
  ].join("\n");
  console.log(`\n${report}\n`);
  expect(big).toHaveLength(RUNS);
});
