import { describe, expect, it } from "vitest";
import { tabAfterKey } from "./tab-keys";

describe("tabAfterKey", () => {
  it("moves right and left, wrapping at both ends", () => {
    expect(tabAfterKey("ArrowRight", 0, 3)).toBe(1);
    expect(tabAfterKey("ArrowRight", 2, 3)).toBe(0);
    expect(tabAfterKey("ArrowLeft", 1, 3)).toBe(0);
    expect(tabAfterKey("ArrowLeft", 0, 3)).toBe(2);
  });

  it("goes to the first tab on Home and the last on End", () => {
    expect(tabAfterKey("Home", 2, 3)).toBe(0);
    expect(tabAfterKey("End", 0, 3)).toBe(2);
  });

  it("leaves other keys to the page", () => {
    expect(tabAfterKey("ArrowDown", 1, 3)).toBeNull();
    expect(tabAfterKey("Enter", 1, 3)).toBeNull();
  });
});
