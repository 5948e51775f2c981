import { describe, expect, it } from "vitest";
import { missingMigrations, notChecked, readinessResponse } from "./readiness-report";

describe("missingMigrations", () => {
  it("lists the folder's migrations the database has not applied, in folder order", () => {
    expect(missingMigrations(["2_b", "1_a", "3_c"], ["1_a"])).toEqual(["2_b", "3_c"]);
    expect(missingMigrations(["1_a"], ["1_a", "0_newer_code_applied_it"])).toEqual([]);
    expect(missingMigrations([], [])).toEqual([]);
  });
});

describe("readinessResponse", () => {
  it("answers 200 when every check is ok, uncached", async () => {
    const res = readinessResponse({ ready: true, checks: { database: "ok", migrations: "ok", queue: "ok" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toEqual({ status: "ready", checks: { database: "ok", migrations: "ok", queue: "ok" } });
  });

  it("answers 503 with an error naming the failing checks, not the ones skipped", async () => {
    const checks = { ...notChecked(), database: "not reachable (refused, or no answer within 2 s)" };
    const res = readinessResponse({ ready: false, checks });
    expect(res.status).toBe(503);
    const body = await res.json();
    expect(body.error).toBe("Not ready. database: not reachable (refused, or no answer within 2 s).");
    expect(body.checks).toEqual(checks);
  });
});
