// Where the canvas opens: the whole graph when it fits at half size or more, else its top-left corner
// at a zoom where names can be read (the minimap and search reach the rest), clear of the controls
// drawn over the canvas. Pure.

/** 12 px names drawn at 9 px: the smallest zoom the canvas opens or pans to. */
export const READABLE_ZOOM = 0.75;
const MAX_ZOOM = 1.2;
/** A graph that fits at this zoom or more is shown whole (a few nodes, zoomed in on with a click). */
const WHOLE_ZOOM = 0.5;
const PADDING = 16;
/** Room at the top for the search box drawn over the canvas. */
const TOP = 48;
/** Room on the left for the zoom controls (a 26 px column 15 px from the edge), so no node opens under them. */
const LEFT = 52;

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/** The view to open at, and whether it shows the whole graph. */
export function readableFit(bounds: Bounds, view: { width: number; height: number }): Viewport & { whole: boolean } {
  const fit = Math.min(MAX_ZOOM, (view.width - LEFT - PADDING) / Math.max(1, bounds.width), (view.height - TOP - PADDING) / Math.max(1, bounds.height));
  if (fit < WHOLE_ZOOM) return { x: LEFT - bounds.x * READABLE_ZOOM, y: TOP - bounds.y * READABLE_ZOOM, zoom: READABLE_ZOOM, whole: false };
  const centre = LEFT + (view.width - LEFT - PADDING) / 2;
  const middle = TOP + (view.height - TOP - PADDING) / 2;
  return { x: centre - (bounds.x + bounds.width / 2) * fit, y: middle - (bounds.y + bounds.height / 2) * fit, zoom: fit, whole: true };
}

/** Whether a box (in graph coordinates) is wholly on screen at `viewport`. */
export function inView(box: Bounds, viewport: Viewport, view: { width: number; height: number }): boolean {
  const left = box.x * viewport.zoom + viewport.x;
  const top = box.y * viewport.zoom + viewport.y;
  return left >= 0 && top >= 0 && left + box.width * viewport.zoom <= view.width && top + box.height * viewport.zoom <= view.height;
}
