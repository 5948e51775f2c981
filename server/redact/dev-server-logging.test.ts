import path from "node:path";
import { describe, expect, it } from "vitest";
import loadConfig from "next/dist/server/config";
import { PHASE_DEVELOPMENT_SERVER } from "next/dist/shared/lib/constants";

// `next dev` prints each server action call with its arguments unless logging.serverFunctions is
// false (Next 16 defaults it to true). Loaded the way the dev server loads it, defaults merged, and
// checked with the dev server's own condition (next/dist/server/base-server.js, logServerFunctions).

describe("the development server's log", () => {
  it("does not print server action arguments (an SSO client secret, an import's zip)", async () => {
    const config = await loadConfig(PHASE_DEVELOPMENT_SERVER, path.join(import.meta.dirname, "../.."), { silent: true });
    const logServerFunctions = typeof config.logging === "object" && Boolean(config.logging.serverFunctions);
    expect(logServerFunctions).toBe(false);
  });
});
