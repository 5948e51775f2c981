import { describe, expect, it } from "vitest";
import { saveStatus } from "./save-status";

const base = { canEdit: true, problems: "", errors: 0, dirty: false, baseNumber: 3, notice: null };

describe("saveStatus", () => {
  it("names the problems in the diagnostics panel's words while there are errors", () => {
    expect(saveStatus({ ...base, problems: "2 errors, 1 warning", errors: 2, dirty: true })).toBe("Fix to save: 2 errors, 1 warning (see Diagnostics).");
  });

  it("says what is unsaved, what the last save did, or that nothing is", () => {
    expect(saveStatus({ ...base, dirty: true, problems: "1 warning" })).toBe("Unsaved changes (based on revision 3).");
    expect(saveStatus({ ...base, notice: "Saved revision 3." })).toBe("Saved revision 3.");
    expect(saveStatus(base)).toBe("Revision 3, no unsaved changes.");
  });

  it("tells a viewer they cannot save, whatever else holds", () => {
    expect(saveStatus({ ...base, canEdit: false, errors: 1, problems: "1 error" })).toBe("Your role can view this stack but not save it.");
  });
});
