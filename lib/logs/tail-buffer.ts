// The live tail's bounded client buffer: the browser keeps at most `capacity` lines and counts what
// it had to drop, so a flood never freezes the tab. While paused, new lines wait in `pending`
// (bounded by the same capacity) and resume appends them: nothing within the bound is lost. Pure.
import type { LogLine } from "./types";

export interface TailBuffer {
  lines: LogLine[];
  pending: LogLine[];
  paused: boolean;
  dropped: number;
}

export const emptyTailBuffer = (): TailBuffer => ({ lines: [], pending: [], paused: false, dropped: 0 });

function bounded(lines: LogLine[], capacity: number): { kept: LogLine[]; dropped: number } {
  return lines.length <= capacity ? { kept: lines, dropped: 0 } : { kept: lines.slice(lines.length - capacity), dropped: lines.length - capacity };
}

export function appendLines(buffer: TailBuffer, incoming: LogLine[], capacity: number): TailBuffer {
  if (incoming.length === 0) return buffer;
  if (buffer.paused) {
    const { kept, dropped } = bounded(buffer.pending.concat(incoming), capacity);
    return { ...buffer, pending: kept, dropped: buffer.dropped + dropped };
  }
  const { kept, dropped } = bounded(buffer.lines.concat(incoming), capacity);
  return { ...buffer, lines: kept, dropped: buffer.dropped + dropped };
}

export const pauseTail = (buffer: TailBuffer): TailBuffer => ({ ...buffer, paused: true });

export function resumeTail(buffer: TailBuffer, capacity: number): TailBuffer {
  const { kept, dropped } = bounded(buffer.lines.concat(buffer.pending), capacity);
  return { lines: kept, pending: [], paused: false, dropped: buffer.dropped + dropped };
}
