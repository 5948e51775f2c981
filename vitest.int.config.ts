import { defineConfig } from "vitest/config";
import path from "node:path";

// Integration tests (*.int.test.ts) against a real PostgreSQL: DATABASE_URL when set, else the
// embedded server in .data/ (started once per run by the globalSetup). Each test file creates and
// drops its own database (server/db/test-database.ts), so files may run in parallel.
export default defineConfig({
  resolve: {
    alias: {
      "@": import.meta.dirname,
      // `server-only` throws outside React Server Components; tests run server code directly.
      "server-only": path.join(import.meta.dirname, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    include: ["**/*.int.test.ts"],
    exclude: ["node_modules/**", "e2e/**", ".next/**", ".data/**"],
    environment: "node",
    // Stack checks run in compute workers (server/compute) with a 10 s limit; a machine loaded by a
    // parallel test run can pass that on a small stack. Tests of the limit itself set their own.
    env: { LAMBDAPLANE_COMPUTE_TIME_LIMIT_SECONDS: "120" },
    globalSetup: ["server/db/test-global-setup.ts"],
    // Two files at a time even on two cores (vitest's default there is one): most of an integration
    // test's time is spent waiting on PostgreSQL, moto or a worker process, not on the CPU.
    maxWorkers: 2,
    // Creating and migrating a database takes about a second; more on a loaded CI machine.
    hookTimeout: 60_000,
    testTimeout: 30_000,
  },
});
