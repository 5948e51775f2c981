import { defineConfig } from "@playwright/test";
import { existsSync } from "node:fs";
import { E2E } from "./e2e/env";

// Debian's chromium where it is installed (CI, these machines: Playwright cannot download its
// own browser here); Playwright's bundled one elsewhere (`npx playwright install chromium`).
const systemChromium = "/usr/bin/chromium";

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: E2E.appUrl,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: existsSync(systemChromium) ? systemChromium : undefined,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  // One process serves everything the tests talk to: a fresh database, the OIDC IdP and `next start`.
  webServer: {
    command: "npx tsx --conditions=react-server e2e/serve.ts",
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
    url: `${E2E.appUrl}/signin`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
  },
});
