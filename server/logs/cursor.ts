// "Load older" walks the range backwards in time slices; inside a slice each log group pages with
// its own FilterLogEvents nextToken. The cursor carries both, opaque to the browser. Pure.
import { z } from "zod";

const cursorSchema = z.object({
  start: z.number().int(),
  end: z.number().int(),
  width: z.number().int().positive(),
  /** Log groups with more events in this slice, and their nextToken; null for a slice not started yet. */
  tokens: z.record(z.string(), z.string()).nullable(),
});
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

/** The newest slice comes first: at most an hour, so a week's range answers as fast as an hour's. */
export const FIRST_SLICE_MS = 60 * 60 * 1000;

export function firstSlice(start: number, end: number): LogCursor {
  return { start: Math.max(start, end - FIRST_SLICE_MS), end, width: FIRST_SLICE_MS, tokens: null };
}

/** The slice before `slice`, twice as wide (sparse logs need few round trips); null at the range's start. */
export function olderSlice(slice: LogCursor, rangeStart: number): LogCursor | null {
  if (slice.start <= rangeStart) return null;
  const width = slice.width * 2;
  const end = slice.start - 1;
  return { start: Math.max(rangeStart, end - width), end, width, tokens: null };
}
