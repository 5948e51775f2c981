import { describe, expect, it } from "vitest";
import type { Diagnostic } from "@/lib/stack";
import { combineDiagnostics } from "./validate";

const memory: Diagnostic = { severity: "error", code: "schema", message: "must be at most 10240", path: ["resources", "fn", "properties", "memory"], line: 7, column: 15 };
const cron: Diagnostic = { severity: "error", code: "rule", message: "not a cron expression", path: ["resources", "fn", "properties", "events", 0, "properties", "scheduleRate"] };

describe("combineDiagnostics", () => {
  it("adds the browser's problems the server did not report, once", () => {
    const local = [{ ...memory, line: undefined, column: undefined }, cron];
    expect(combineDiagnostics([memory], local)).toEqual([memory, cron]);
  });

  it("is the server's list when the browser found nothing else", () => {
    expect(combineDiagnostics([memory], [])).toEqual([memory]);
    expect(combineDiagnostics([], [])).toEqual([]);
  });
});
