import { describe, expect, it } from "vitest";
import { migrationFolderName } from "./migrate";

describe("migrationFolderName", () => {
  it("prefixes the UTC time as yyyymmddhhmmss, like prisma migrate dev", () => {
    expect(migrationFolderName("init", new Date("2026-03-04T05:06:07.890Z"))).toBe("20260304050607_init");
  });

  it("turns the name into lower-case words joined by underscores", () => {
    expect(migrationFolderName("  Add Widget-Sizes! ", new Date("2026-03-04T05:06:07Z"))).toBe("20260304050607_add_widget_sizes");
  });

  it("refuses a name with nothing usable in it", () => {
    expect(() => migrationFolderName("--", new Date())).toThrow(/no letters or digits/);
  });
});
