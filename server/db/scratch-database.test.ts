import { describe, expect, it } from "vitest";
import { testDatabaseCreatedAt, testDatabaseName } from "./scratch-database";

describe("test database names", () => {
  it("carry their creation time, so a later run can tell stale ones from ones in use", () => {
    const now = new Date("2026-05-06T07:08:09.010Z");
    const name = testDatabaseName(now);
    expect(name).toMatch(/^lp_test_[0-9a-z]+_[0-9a-f]{8}$/);
    expect(testDatabaseCreatedAt(name)).toEqual(now);
  });

  it("differ between files created in the same millisecond", () => {
    const now = new Date();
    expect(testDatabaseName(now)).not.toBe(testDatabaseName(now));
  });

  it("are the only names treated as test databases", () => {
    expect(testDatabaseCreatedAt("lambdaplane")).toBeNull();
    expect(testDatabaseCreatedAt("lp_test_notes")).toBeNull();
  });
});
