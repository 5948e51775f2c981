// Editor input benchmark (not a test): how long the editor takes from a keystroke (in a form field and
// in the YAML view) or a palette click to the next paint, with the 100-function stack of stacks.ts and,
// in the same run as a peer, the 1-function stack. Latency is the Event Timing API's: the longest
// event entry of each interaction (input delay + handlers + rendering until the next paint).
// Run: npx next build && npx playwright test -c bench/editor.playwright.config.ts editor-input
import { expect, test, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { E2E, USERS } from "../e2e/env";
import { signInWithOrgSso } from "../e2e/helpers";
import { percentile, seedBenchStack } from "./editor-bench";

const LOADS = 3;
const KEYS = 20;
const CLICKS = 3;
/** Between keystrokes, about a fast typist's pace. */
const TYPING_DELAY_MS = 120;
/** Event Timing reports nothing under its threshold: an interaction without an entry took less than this. */
const THRESHOLD_MS = 16;

/** Starts collecting each interaction's longest event entry on the page; read with `takeInteractions`. */
async function watchInteractions(page: Page) {
  await page.evaluate((threshold) => {
    const w = window as unknown as { __interactions: Map<number, number> };
    w.__interactions = new Map();
    new PerformanceObserver((list) => {
      // interactionId is not in TypeScript's DOM types yet.
      for (const e of list.getEntries() as (PerformanceEventTiming & { interactionId?: number })[]) {
        if (!e.interactionId) continue;
        w.__interactions.set(e.interactionId, Math.max(w.__interactions.get(e.interactionId) ?? 0, e.duration));
      }
    }).observe({ type: "event", durationThreshold: threshold, buffered: false } as PerformanceObserverInit);
  }, THRESHOLD_MS);
}

/** The durations of the interactions seen since the last call (and forgets them). */
async function takeInteractions(page: Page): Promise<number[]> {
  // Event entries are delivered after the paint that ends them: let two frames pass.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 200)))));
  return page.evaluate(() => {
    const w = window as unknown as { __interactions: Map<number, number> };
    const values = [...w.__interactions.values()];
    w.__interactions.clear();
    return values;
  });
}

/** The durations of `count` interactions just made; those without an entry (under the threshold) count as the threshold, an upper bound. */
async function measured(page: Page, count: number): Promise<number[]> {
  const seen = await takeInteractions(page);
  if (seen.length > count) throw new Error(`expected at most ${count} interactions, saw ${seen.length}`);
  return [...seen, ...Array<number>(count - seen.length).fill(THRESHOLD_MS)];
}

async function openEditor(page: Page, stack: string, nodes: number) {
  await page.goto(`/${E2E.acme.orgSlug}/stacks/${stack}/edit`);
  await page.waitForFunction((n) => document.querySelectorAll(".react-flow__node-resource").length === n && document.documentElement.dataset.editorReady === "true", nodes, { timeout: 60_000 });
  return page.evaluate(() => performance.getEntriesByName("stack-editor-interactive")[0].startTime);
}

async function measureStack(page: Page, stack: string, nodes: number) {
  const field: number[] = [];
  const yaml: number[] = [];
  const palette: number[] = [];
  const ready: number[] = [];
  for (let load = 0; load < LOADS; load++) {
    ready.push(await openEditor(page, stack, nodes));
    await watchInteractions(page);
    await page.getByRole("complementary", { name: "Palette and resources" }).getByRole("button", { name: /^fn0 / }).click();
    const handler = page.getByRole("complementary", { name: "Inspector" }).getByLabel("Handler function");
    await handler.click();
    await takeInteractions(page);
    await handler.pressSequentially("abcdefghijklmnopqrst".slice(0, KEYS), { delay: TYPING_DELAY_MS });
    field.push(...(await measured(page, KEYS)));
    await expect(handler).toHaveValue("abcdefghijklmnopqrst".slice(0, KEYS));

    await page.getByRole("tab", { name: "YAML" }).click();
    const text = page.locator("#editor-view .cm-content");
    await text.click();
    await page.keyboard.press("Control+End");
    await takeInteractions(page);
    // A comment at the end: the text stays valid YAML, so every keystroke takes the full edit path.
    await page.keyboard.type("# abcdefghijklmnopqr".slice(0, KEYS), { delay: TYPING_DELAY_MS });
    yaml.push(...(await measured(page, KEYS)));

    await page.getByRole("tab", { name: "Canvas" }).click();
    await takeInteractions(page);
    for (let i = 0; i < CLICKS; i++) {
      await page.getByRole("button", { name: "+ Function" }).click();
      await expect(page.locator(".react-flow__node-resource")).toHaveCount(nodes + i + 1);
      palette.push(...(await measured(page, 1)));
    }
  }
  return { field, yaml, palette, ready };
}

test("editor input: keystroke and palette latency, 100 functions against 1 function", async ({ page }) => {
  test.setTimeout(900_000);
  await seedBenchStack("benchin100", 100);
  await seedBenchStack("benchin1", 1);
  await signInWithOrgSso(page, USERS.acmeOwner);
  // Each reload leaves unsaved changes behind: accept the prompt.
  page.on("dialog", (d) => void d.accept());
  const loadBefore = readFileSync("/proc/loadavg", "utf8").split(" ")[0];
  const big = await measureStack(page, "benchin100", 201);
  const small = await measureStack(page, "benchin1", 3);
  const loadAfter = readFileSync("/proc/loadavg", "utf8").split(" ")[0];
  const row = (what: string, xs: number[], ys: number[]) =>
    `| ${what} | ${percentile(xs, 50).toFixed(0)} ms | ${percentile(xs, 95).toFixed(0)} ms | ${percentile(ys, 50).toFixed(0)} ms | ${percentile(ys, 95).toFixed(0)} ms |`;
  const report = [
    `${LOADS} editor loads per stack, ${KEYS} keystrokes per load and view, ${CLICKS} palette clicks per load; load average ${loadBefore} at the start, ${loadAfter} at the end`,
    `| interaction (Event Timing, to next paint) | 100 functions median | 100 functions p95 | 1 function median | 1 function p95 |`,
    `| --- | --- | --- | --- | --- |`,
    row("keystroke in a form field (Handler function)", big.field, small.field),
    row("keystroke in the YAML view", big.yaml, small.yaml),
    row("+ Function from the palette", big.palette, small.palette),
    row("editor ready (navigation to mount mark)", big.ready, small.ready),
    `(interactions under ${THRESHOLD_MS} ms have no Event Timing entry and count as ${THRESHOLD_MS} ms)`,
  ].join("\n");
  console.log(`\n${report}\n`);
  expect(big.field).toHaveLength(LOADS * KEYS);
});
