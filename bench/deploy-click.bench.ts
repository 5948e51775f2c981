// Click-to-screen benchmark of one-click deploy, in Chromium against `next start` (its in-process
// deploy workers, default settings) and a real moto server. For each run a new revision (a memory
// change) is deployed from the Deploy panel, and the bench records, from the click, when
//   - the deployment page shows its first event (the queued status, rendered with the page),
//   - the first event written by a worker (status "packaging") is on screen,
//   - the first CloudFormation event is on screen (a resource row),
//   - the deployment shows "succeeded".
// Baseline in the same run: when those events were stored (DeploymentEvent.at, PostgreSQL's clock on
// this machine); screen minus stored is what delivery adds (NOTIFY -> SSE -> React).
// Run: npx next build && npx tsx --conditions=react-server bench/deploy-click.bench.ts
// (DATABASE_URL names a PostgreSQL server for a scratch database; else the embedded one.)
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { chromium } from "@playwright/test";
import { encode } from "next-auth/jwt";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/server/db/generated/client";
import { startMoto } from "@/e2e/moto/moto-server";
import { shopYaml, SHOP_CODE } from "@/e2e/moto/shop-stack";
import { isGroupAlive, stopGroup } from "@/scripts/process-group";
import { scratchDatabase } from "./scratch-database";

const RUNS = 5;
const REGION = "us-east-1";
const SECRET = "bench-nextauth-secret";
const ENCRYPTION_KEY = "cd".repeat(32);
const CHROMIUM = "/usr/bin/chromium";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function waitFor(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

if (!existsSync(".next/BUILD_ID")) throw new Error("No production build: run `npx next build` first.");
const moto = await startMoto();
const database = await scratchDatabase();
const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
const port = await freePort();
const origin = `http://localhost:${port}`;
const app = spawn("node_modules/.bin/next", ["start", "-p", String(port)], {
  detached: true,
  stdio: ["ignore", "ignore", "inherit"],
  env: {
    ...process.env,
    DATABASE_URL: database.url,
    NEXTAUTH_URL: origin,
    NEXTAUTH_SECRET: SECRET,
    LAMBDAPLANE_ENCRYPTION_KEY: ENCRYPTION_KEY,
    NEXT_TELEMETRY_DISABLED: "1",
    // The connection is moto on loopback: the instance settings an emulator set-up needs.
    LAMBDAPLANE_OUTBOUND_ALLOW: new URL(moto.endpoint).host,
    LAMBDAPLANE_ALLOW_AWS_ENDPOINT_OVERRIDE: "1",
    LAMBDAPLANE_ALLOW_INSTANCE_CREDENTIALS: "1",
  },
});
const browser = await chromium.launch({
  executablePath: existsSync(CHROMIUM) ? CHROMIUM : undefined,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});

// As source text: tsx would wrap named functions in a helper (__name) the page does not have.
const OBSERVER = `(() => {
  const seen = {};
  window.seen = seen;
  const report = (label) => { seen[label] ??= Date.now(); };
  const check = () => {
    if (!/\\/deployments\\/[a-z0-9]+$/.test(location.pathname)) return;
    const pipeline = document.querySelector('[aria-label="Pipeline events"]')?.textContent ?? "";
    if (pipeline.includes("queued")) report("page");
    if (pipeline.includes("packaging")) report("packaging");
    const resources = [...document.querySelectorAll("table")].find((t) => t.caption?.textContent?.startsWith("Resources"));
    if (resources?.tBodies[0]?.rows.length) report("cloudFormation");
    if (document.querySelector('[aria-label="Deployment status"]')?.textContent === "succeeded") report("succeeded");
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });
})()`;

type Row = { page: number; packaging: number; cloudFormation: number; succeeded: number; storedPackaging: number; storedCloudFormation: number };
const rows: Row[] = [];
try {
  const org = await prisma.organization.create({ data: { slug: "bench", name: "Bench" } });
  const user = await prisma.user.create({ data: { email: "owner@bench.test", memberships: { create: { organizationId: org.id, role: "owner" } } } });
  const stack = await prisma.stack.create({ data: { organizationId: org.id, name: "shop" } });
  const connection = await prisma.awsConnection.create({
    data: { organizationId: org.id, name: "moto", defaultRegion: REGION, credentialType: "default_chain", endpoint: moto.endpoint },
  });
  await prisma.stage.create({ data: { stackId: stack.id, name: "bench", region: REGION, awsConnectionId: connection.id } });
  await waitFor(`${origin}/signin`, 60_000);

  const context = await browser.newContext();
  // A signed-in browser: a server-side session and the JWT cookie naming it, as the sign-in callback makes them.
  const session = await prisma.session.create({ data: { userId: user.id, provider: "bench", expiresAt: new Date(Date.now() + 8 * 60 * 60 * 1000) } });
  const token = await encode({ token: { sub: user.id, email: user.email, sid: session.id }, secret: SECRET });
  await context.addCookies([{ name: "next-auth.session-token", value: token, url: origin }]);
  const page = await context.newPage();
  for (let run = 0; run <= RUNS; run++) {
    await prisma.stackRevision.create({ data: { stackId: stack.id, number: run + 1, yaml: shopYaml(256 + 64 * run), definition: {}, code: SHOP_CODE } });
    await page.goto(`${origin}/bench/stacks/shop/deployments`);
    const deploy = page.getByRole("button", { name: "Deploy", exact: true });
    await deploy.waitFor();
    // The click navigates client-side, so an observer installed now sees the deployment page appear
    // and records (wall clock, this machine) when each milestone is first in the DOM.
    await page.evaluate(OBSERVER);
    const t0 = Date.now();
    await deploy.click();
    await page.getByRole("status", { name: "Deployment status" }).filter({ hasText: /^(succeeded|failed|rolled back|no changes)$/ }).waitFor({ timeout: 120_000 });
    await page.waitForTimeout(100);
    const deploymentId = page.url().split("/").pop()!;
    const stored = await prisma.deploymentEvent.findMany({ where: { deploymentId }, orderBy: { id: "asc" } });
    const storedAt = (pred: (e: (typeof stored)[number]) => boolean) => (stored.find(pred)?.at.getTime() ?? NaN) - t0;
    const seen = (await page.evaluate("window.seen")) as Record<string, number>;
    const at = (label: string) => (seen[label] ?? NaN) - t0;
    const row: Row = {
      page: at("page"),
      packaging: at("packaging"),
      cloudFormation: at("cloudFormation"),
      succeeded: at("succeeded"),
      storedPackaging: storedAt((e) => e.eventKey === "status:packaging"),
      storedCloudFormation: storedAt((e) => e.kind === "resource"),
    };
    // Run 0 warms up the server (first compile of each route, the first artifacts bucket).
    if (run > 0) rows.push(row);
    console.log(`run ${run}${run === 0 ? " (warm-up)" : ""}: ${JSON.stringify(row)}`);
  }
} finally {
  await browser.close();
  if (app.pid && isGroupAlive(app.pid)) await stopGroup(app.pid, 10_000);
  await prisma.$disconnect();
  await database.drop();
  await database.stop();
  await moto.stop();
}

const m = (key: keyof Row) => median(rows.map((r) => r[key]));
const fmt = (x: number) => `${x.toFixed(0)} ms`;
console.log(`\nClick on Deploy to events on screen, Chromium, next start + moto (median of ${RUNS} runs after 1 warm-up)`);
console.log(`| milestone | stored (DeploymentEvent.at) | on screen | screen / stored |`);
console.log(`| --- | --- | --- | --- |`);
console.log(`| deployment page with its first event (queued) | - | ${fmt(m("page"))} | - |`);
console.log(`| first worker event (packaging) | ${fmt(m("storedPackaging"))} | ${fmt(m("packaging"))} | ${(m("packaging") / m("storedPackaging")).toFixed(2)} |`);
console.log(`| first CloudFormation event | ${fmt(m("storedCloudFormation"))} | ${fmt(m("cloudFormation"))} | ${(m("cloudFormation") / m("storedCloudFormation")).toFixed(2)} |`);
console.log(`| succeeded | - | ${fmt(m("succeeded"))} | - |`);
