// The log viewer in local Chromium: the real LogList (components/logs) bundled with esbuild into a
// page, 100,000 lines, scrolled in steps of 400 px (about 20 rows) once per animation frame. Each
// step's frame time is the main-thread work from setting scrollTop to the end of layout: the scroll
// event, the virtualizer's synchronous re-render and style/layout (paint runs on the compositor).
// Baselines in the same run: the same viewer with 1,000 lines (does the cost grow with the line
// count?) and, for the first render, the same rows mounted without virtualization.
// Run: npx tsx bench/viewer.bench.ts
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir, loadavg } from "node:os";
import path from "node:path";
import { build } from "esbuild";
import { chromium, type Page } from "@playwright/test";

const STEPS = 600;
const dir = mkdtempSync(path.join(tmpdir(), "lp-viewer-bench-"));

await build({
  entryPoints: [path.join(import.meta.dirname, "viewer/entry.tsx")],
  bundle: true,
  minify: true,
  format: "iife",
  outfile: path.join(dir, "bundle.js"),
  jsx: "automatic",
  define: { "process.env.NODE_ENV": '"production"' },
  alias: { "@": path.resolve(import.meta.dirname, "..") },
  logLevel: "error",
});
// The app's own stylesheet (Tailwind, from the production build), so rows have their real heights.
const cssDir = path.resolve(import.meta.dirname, "../.next/static/chunks");
const css = existsSync(cssDir) ? readdirSync(cssDir).find((f) => f.endsWith(".css") && readFileSync(path.join(cssDir, f), "utf8").includes("border-l-4")) : undefined;
if (!css) throw new Error("No built stylesheet with the viewer's classes in .next/static/chunks: run `npx next build` first.");
copyFileSync(path.join(cssDir, css), path.join(dir, "app.css"));
writeFileSync(path.join(dir, "index.html"), `<!doctype html><meta charset="utf-8"><link rel="stylesheet" href="app.css"><div id="root" style="width:1200px"></div><script src="bundle.js"></script>`);

const systemChromium = "/usr/bin/chromium";
const browser = await chromium.launch({
  executablePath: existsSync(systemChromium) ? systemChromium : undefined,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
});

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))];
};

async function scrollRun(page: Page, n: number) {
  await page.evaluate((n) => window.mount(n, false), n);
  return page.evaluate(async (steps) => {
    const el = document.querySelector<HTMLElement>("[data-testid=log-scroller]")!;
    const work: number[] = [];
    const intervals: number[] = [];
    let last = performance.now();
    for (let i = 0; i < steps; i++) {
      await new Promise((r) => requestAnimationFrame(r));
      const t = performance.now();
      intervals.push(t - last);
      last = t;
      const max = el.scrollHeight - el.clientHeight;
      el.scrollTop = (i * 400) % Math.max(1, max);
      el.dispatchEvent(new Event("scroll"));
      void el.querySelector("[role=list]")!.getBoundingClientRect().height;
      work.push(performance.now() - t);
    }
    return { work, intervals, rows: el.querySelectorAll("[role=listitem]").length, height: el.scrollHeight };
  }, STEPS);
}

const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
page.on("pageerror", (e) => console.error(`page error: ${e.message}`));
await page.goto(`file://${dir}/index.html`);
await page.waitForFunction(() => typeof window.mount === "function");

console.log(`load average ${loadavg()[0].toFixed(2)}; ${STEPS} scroll steps of 400 px per case`);
const big = await scrollRun(page, 100_000);
const small = await scrollRun(page, 1_000);
const mountVirtual = await page.evaluate(() => window.mount(100_000, false));
const mountPlain = await page.evaluate(() => window.mount(100_000, true));
await browser.close();
rmSync(dir, { recursive: true, force: true });

for (const [name, r] of [["100,000 lines", big], ["1,000 lines", small]] as const) {
  console.log(
    `${name}: frame work p50 ${pct(r.work, 0.5).toFixed(2)} ms, p95 ${pct(r.work, 0.95).toFixed(2)} ms, max ${Math.max(...r.work).toFixed(2)} ms; ` +
      `rAF interval p95 ${pct(r.intervals, 0.95).toFixed(1)} ms; ${r.rows} rows in the DOM; ${r.height.toLocaleString("en")} px tall`,
  );
}
console.log(`p95 frame work, 100,000 / 1,000 lines: ${(pct(big.work, 0.95) / pct(small.work, 0.95)).toFixed(2)}`);
console.log(`first render of 100,000 lines: virtualized ${mountVirtual.toFixed(1)} ms, every row in the DOM ${mountPlain.toFixed(1)} ms (${(mountPlain / mountVirtual).toFixed(0)}x)`);
