// "Load older" reads the range backwards, newest lines first. FilterLogEvents pages FORWARD in time
// inside the window it is given, so its nextToken never means "older": a page is built from time
// windows [from, upTo] each read to its end, and the cursor says where the next page ends. A page
// never splits a millisecond (all lines at its oldest millisecond are in it), so the cursor needs no
// list of event ids already shown and ties are neither repeated nor skipped. Pure.
import { z } from "zod";
import type { LogLine } from "@/lib/logs/types";

const cursorSchema = z
  .object({
    /** The range as the first page resolved it: a relative range keeps its window while paging. */
    rangeStart: z.number().int().nonnegative(),
    rangeEnd: z.number().int().nonnegative(),
    /** The next page has the lines at or before this millisecond. */
    upTo: z.number().int().nonnegative(),
    /** How wide a window to read first: the span that held the previous page. */
    width: z.number().int().positive(),
  })
  .refine((c) => c.rangeStart <= c.upTo && c.upTo <= c.rangeEnd);
export type LogCursor = z.infer<typeof cursorSchema>;

export function encodeCursor(cursor: LogCursor): string {
  return Buffer.from(JSON.stringify(cursor), "utf8").toString("base64url");
}

export function decodeCursor(text: string): LogCursor | null {
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(text, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The first window is short: a busy function's five minutes already fill a page, and quiet ones double it cheaply. */
export const FIRST_WINDOW_MS = 5 * 60 * 1000;

export function firstCursor(start: number, end: number): LogCursor {
  return { rangeStart: start, rangeEnd: end, upTo: end, width: FIRST_WINDOW_MS };
}

/** Newest first; lines at the same millisecond in a fixed order (by id, descending). */
export const newestFirst = (a: LogLine, b: LogLine) => b.timestamp - a.timestamp || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/**
 * The newest `size` lines of a fully read span, plus the other lines at the oldest millisecond taken
 * (so the page ends on a millisecond boundary); `rest` is true when older lines of the span were left.
 */
export function takeNewest(lines: LogLine[], size: number): { lines: LogLine[]; rest: boolean } {
  const sorted = lines.slice().sort(newestFirst);
  if (sorted.length <= size) return { lines: sorted, rest: false };
  const oldest = sorted[size - 1].timestamp;
  let end = size;
  while (end < sorted.length && sorted[end].timestamp === oldest) end++;
  return { lines: sorted.slice(0, end), rest: end < sorted.length };
}
