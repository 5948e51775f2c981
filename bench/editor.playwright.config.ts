// The editor load and input benchmarks run in the e2e setup (PostgreSQL, IdP, moto, next start) but is not a test.
import path from "node:path";
import { defineConfig } from "@playwright/test";
import base from "../playwright.config";

const root = path.resolve(import.meta.dirname, "..");

export default defineConfig({
  ...base,
  testDir: ".",
  testMatch: ["editor-load.bench.ts", "editor-input.bench.ts"],
  timeout: 600_000,
  webServer: { ...(base.webServer as object), cwd: root } as typeof base.webServer,
});
