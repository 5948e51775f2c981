import { describe, expect, it } from "vitest";
import { capDiagnostics, type Diagnostic } from "@/lib/stack";
import { countProblems, problemSummary } from "./problem-summary";

const error: Diagnostic = { severity: "error", code: "reference", message: "no such resource", path: ["resources", "fn", "properties"] };
const warning: Diagnostic = { severity: "warning", code: "schema", message: "unused", path: ["resources", "fn"] };

describe("problemSummary", () => {
  it("counts errors and warnings apart", () => {
    expect(problemSummary(countProblems([error, warning, error]))).toBe("2 errors, 1 warning");
    expect(problemSummary(countProblems([error]))).toBe("1 error");
    expect(problemSummary(countProblems([warning, warning]))).toBe("2 warnings");
  });

  it("says nothing when there is nothing", () => {
    expect(countProblems([])).toEqual({ errors: 0, warnings: 0, more: 0 });
    expect(problemSummary(countProblems([]))).toBe("");
  });

  it("counts the problems a capped list leaves out instead of its 'and N more' line", () => {
    const capped = capDiagnostics(Array.from({ length: 5 }, () => error), 3);
    expect(countProblems(capped)).toEqual({ errors: 3, warnings: 0, more: 2 });
    expect(problemSummary(countProblems(capped))).toBe("3 errors, 2 more problems");
  });
});
