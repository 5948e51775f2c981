import { describe, expect, it } from "vitest";
import { formatBytes, formatShare } from "./format";

describe("function page formats", () => {
  it("bytes in the largest unit below 1,024", () => {
    expect(formatBytes(512)).toBe("512 bytes");
    expect(formatBytes(2048)).toBe("2 KB");
    expect(formatBytes(5.5 * 1024 * 1024)).toBe("5.5 MB");
  });
  it("shares as percentages with one decimal", () => {
    expect(formatShare(0.125)).toBe("12.5 %");
    expect(formatShare(1)).toBe("100 %");
  });
});
