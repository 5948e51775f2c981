import { defineConfig } from "vitest/config";
import path from "node:path";

// Unit tests: pure, no database. Integration tests (*.int.test.ts) use vitest.int.config.ts.
export default defineConfig({
  resolve: {
    alias: {
      "@": import.meta.dirname,
      // `server-only` throws outside React Server Components; tests run server code directly.
      "server-only": path.join(import.meta.dirname, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    include: ["**/*.test.ts", "**/*.test.tsx"],
    exclude: ["node_modules/**", "e2e/**", ".next/**", "**/*.int.test.ts"],
    environment: "node",
    // Stack checks run in compute workers (server/compute) with a 10 s limit; a machine loaded by a
    // parallel test run can pass that on a small stack. Tests of the limit itself set their own.
    env: { LAMBDAPLANE_COMPUTE_TIME_LIMIT_SECONDS: "120" },
  },
});
