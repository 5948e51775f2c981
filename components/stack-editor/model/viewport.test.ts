// GIVEN the graph's bounds and the canvas's size WHEN the canvas opens THEN it shows everything if that
// is readable, else the top-left corner at the readable zoom.
import { describe, expect, it } from "vitest";
import { inView, READABLE_ZOOM, readableFit } from "./viewport";

describe("readableFit", () => {
  it("GIVEN a small graph THEN it is centred (below the search box, right of the zoom controls) at the zoom that fits it, at most 1.2", () => {
    expect(readableFit({ x: 0, y: 0, width: 400, height: 100 }, { width: 868, height: 500 })).toEqual({ x: 52 + 400 - 200 * 1.2, y: 48 + (500 - 64) / 2 - 50 * 1.2, zoom: 1.2, whole: true });
  });

  it("GIVEN a few nodes that fit at 0.6 THEN they are shown whole", () => {
    expect(readableFit({ x: 0, y: 0, width: 1000, height: 200 }, { width: 668, height: 500 })).toEqual({ x: 52 + 300 - 500 * 0.6, y: 48 + (500 - 64) / 2 - 100 * 0.6, zoom: 0.6, whole: true });
  });

  it("GIVEN a phone-wide canvas THEN no node opens under the zoom controls' column (41 px from the left)", () => {
    for (const bounds of [{ x: 0, y: 0, width: 400, height: 100 }, { x: 16, y: -26, width: 3434, height: 1930 }]) {
      const v = readableFit(bounds, { width: 358, height: 400 });
      expect(bounds.x * v.zoom + v.x).toBeGreaterThanOrEqual(41 + 8);
    }
  });

  it("GIVEN a graph that fits only below half size THEN the view opens at the readable zoom on its top-left corner", () => {
    const v = readableFit({ x: 16, y: -26, width: 3434, height: 1930 }, { width: 630, height: 500 });
    expect(v).toEqual({ x: 52 - 16 * READABLE_ZOOM, y: 48 + 26 * READABLE_ZOOM, zoom: READABLE_ZOOM, whole: false });
    expect(inView({ x: 16, y: -26, width: 190, height: 56 }, v, { width: 630, height: 500 })).toBe(true);
  });
});

describe("inView", () => {
  it("GIVEN a box partly past the right edge THEN it is not in view", () => {
    expect(inView({ x: 500, y: 0, width: 190, height: 50 }, { x: 0, y: 0, zoom: 1 }, { width: 600, height: 400 })).toBe(false);
    expect(inView({ x: 500, y: 0, width: 190, height: 50 }, { x: -100, y: 0, zoom: 1 }, { width: 600, height: 400 })).toBe(true);
  });
});
