// The WAI-ARIA tabs pattern's keyboard: arrows move between tabs (wrapping), Home and End go to the ends.

/** The index of the tab a key moves to from `index` among `count` tabs, or null for a key the tab list leaves alone. */
export function tabAfterKey(key: string, index: number, count: number): number | null {
  switch (key) {
    case "ArrowRight":
      return (index + 1) % count;
    case "ArrowLeft":
      return (index - 1 + count) % count;
    case "Home":
      return 0;
    case "End":
      return count - 1;
    default:
      return null;
  }
}
