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
    globalSetup: ["server/db/test-global-setup.ts"],
    // Creating and migrating a database takes about a second; more on a loaded CI machine.
    hookTimeout: 60_000,
    testTimeout: 30_000,
  },
});
