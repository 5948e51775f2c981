import { describe, expect, it } from "vitest";
import { undoShortcut } from "./undo-shortcut";

const press = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; typing: boolean }> = {}) =>
  undoShortcut({ key, ctrlKey: false, metaKey: false, shiftKey: false, typing: false, ...mods });

describe("undoShortcut", () => {
  it("undoes on Ctrl+Z and Cmd+Z", () => {
    expect(press("z", { ctrlKey: true })).toBe("undo");
    expect(press("Z", { metaKey: true })).toBe("undo");
  });

  it("redoes on Ctrl+Shift+Z and Ctrl+Y", () => {
    expect(press("Z", { ctrlKey: true, shiftKey: true })).toBe("redo");
    expect(press("y", { ctrlKey: true })).toBe("redo");
  });

  it("leaves text fields their own undo, and plain keys alone", () => {
    expect(press("z", { ctrlKey: true, typing: true })).toBeNull();
    expect(press("z")).toBeNull();
    expect(press("s", { ctrlKey: true })).toBeNull();
  });
});
