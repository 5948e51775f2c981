// "Load older" against a simulated CloudWatch that pages like the real one (limit and nextToken
// inside a window, interleaved streams, equal timestamps, short and empty pages): newest lines first,
// every page older than the one before, no line twice or missing.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { LogLine, LogTarget } from "@/lib/logs/types";
import { newestFirst } from "./cursor";
import { filterLogEvents, type LogPage, type LogQuery, type Paging } from "./filter-events";
import { SimulatedCloudWatch, type SimulatedEvent } from "./testing/simulated-cloudwatch";

const T0 = 1_800_000_000_000;
const target = (i: number): LogTarget => ({ name: `fn${i}`, physicalName: `shop-dev-fn${i}`, logGroupName: `/aws/lambda/shop-dev-fn${i}` });

/** Every page of a query, following cursors to the end (a runaway is a failure, not a hang). */
async function readAll(cw: SimulatedCloudWatch, q: Omit<LogQuery, "cursor">, maxPages: number): Promise<LogPage[]> {
  const pages: LogPage[] = [];
  let cursor: string | null = null;
  do {
    const page: LogPage = await filterLogEvents(cw, { ...q, cursor });
    pages.push(page);
    cursor = page.cursor;
    if (pages.length > maxPages) throw new Error(`more than ${maxPages} pages`);
  } while (cursor);
  return pages;
}

const ids = (lines: LogLine[]) => lines.map((l) => l.id);

const eventArb = fc.record({
  at: fc.nat({ max: 40 }),
  stream: fc.nat({ max: 3 }),
  error: fc.boolean(),
});

const scenarioArb = fc.record({
  groups: fc.array(fc.option(fc.array(eventArb, { maxLength: 40 }), { freq: 6 }), { minLength: 1, maxLength: 3 }),
  // Milliseconds between two ticks of `at`: ties in one millisecond, or lines minutes apart.
  scale: fc.constantFrom(1, 7, 1000, 60_000, 3_600_000),
  startTick: fc.integer({ min: -5, max: 30 }),
  spanTicks: fc.integer({ min: 0, max: 50 }),
  filter: fc.constantFrom("", "ERROR"),
  paging: fc.record({
    pageSize: fc.integer({ min: 1, max: 12 }),
    windowCap: fc.integer({ min: 1, max: 25 }),
    callLimit: fc.integer({ min: 1, max: 10 }),
    maxWindows: fc.integer({ min: 1, max: 6 }),
  }),
  shortfalls: fc.array(fc.nat({ max: 4 }), { maxLength: 30 }),
});

describe("filterLogEvents paging, against a simulated CloudWatch", () => {
  it("pages newest first, each page older than the last, every matching line exactly once", async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (s) => {
        let ingestion = 0;
        const groups = new Map<string, SimulatedEvent[]>();
        const all: { id: string; timestamp: number; fn: string }[] = [];
        const missing: string[] = [];
        s.groups.forEach((events, g) => {
          const fn = target(g);
          if (events === null) return missing.push(fn.logGroupName);
          const sim = events.map((e, i) => ({
            eventId: `${g}-${i}`,
            logStreamName: `2026/12/01/[$LATEST]${e.stream}`,
            timestamp: T0 + e.at * s.scale,
            message: e.error ? `line ${i} ERROR` : `line ${i}`,
            ingestion: ingestion++,
          }));
          groups.set(fn.logGroupName, sim);
          all.push(...sim.filter((e) => s.filter === "" || e.message.includes(s.filter)).map((e) => ({ id: e.eventId, timestamp: e.timestamp, fn: fn.name })));
        });
        const start = T0 + s.startTick * s.scale;
        const end = start + s.spanTicks * s.scale;
        const expected = all.filter((e) => e.timestamp >= start && e.timestamp <= end).sort((a, b) => b.timestamp - a.timestamp || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));

        const cw = new SimulatedCloudWatch(groups, s.shortfalls);
        const paging: Paging = s.paging;
        const pages = await readAll(cw, { functions: s.groups.map((_, g) => target(g)), start, end, filterPattern: s.filter, paging }, expected.length + 100);

        expect(ids(pages.flatMap((p) => p.lines))).toEqual(expected.map((e) => e.id));
        for (const [i, page] of pages.entries()) {
          expect(ids(page.lines)).toEqual(ids(page.lines.slice().sort(newestFirst)));
          const before = pages[i - 1]?.lines.at(-1);
          if (before && page.lines.length > 0) expect(page.lines[0].timestamp).toBeLessThan(before.timestamp);
          // At most a page, plus the lines that share its oldest millisecond.
          const oldest = page.lines.at(-1)?.timestamp;
          expect(page.lines.filter((l) => l.timestamp !== oldest).length).toBeLessThan(s.paging.pageSize);
          expect(page).toMatchObject({ start, end, missingLogGroups: missing });
        }
      }),
      { numRuns: 300 },
    );
  });

  it("fills the first page with the newest lines when its windows suffice", async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (s) => {
        const events = (s.groups[0] ?? []).map((e, i) => ({ eventId: `0-${i}`, logStreamName: `s${e.stream}`, timestamp: T0 + e.at * s.scale, message: "m", ingestion: i }));
        const cw = new SimulatedCloudWatch(new Map([[target(0).logGroupName, events]]), s.shortfalls);
        const end = T0 + 40 * s.scale;
        // Enough windows to narrow from any width to one millisecond and widen back over the range.
        const page = await filterLogEvents(cw, { functions: [target(0)], start: T0, end, filterPattern: "", cursor: null, paging: { ...s.paging, maxWindows: 200 } });
        const newest = events.map((e) => e.timestamp).sort((a, b) => b - a);
        expect(page.lines.length).toBeGreaterThanOrEqual(Math.min(s.paging.pageSize, newest.length));
        expect(page.lines.map((l) => l.timestamp)).toEqual(newest.slice(0, page.lines.length));
      }),
      { numRuns: 200 },
    );
  });
});

describe("filterLogEvents on the issue's scenario", () => {
  // 4,000 lines over 170 minutes in three interleaved streams, every tenth pair at the same millisecond.
  const end = T0 + 170 * 60_000;
  const events: SimulatedEvent[] = Array.from({ length: 4000 }, (_, i) => ({
    eventId: String(i).padStart(5, "0"),
    logStreamName: `stream-${i % 3}`,
    timestamp: T0 + Math.floor(((i - (i % 10 === 1 ? 1 : 0)) * 170 * 60_000) / 4000),
    message: `line ${i}`,
    ingestion: i,
  }));
  const fn = target(0);
  const hour = 3_600_000;

  it("shows the newest 1,000 lines of the last hour first, then only older ones, and ends at the hour", async () => {
    const cw = new SimulatedCloudWatch(new Map([[fn.logGroupName, events]]));
    const pages = await readAll(cw, { functions: [fn], start: end - hour, end, filterPattern: "" }, 10);
    const inHour = events.filter((e) => e.timestamp >= end - hour).sort((a, b) => b.timestamp - a.timestamp || (a.eventId < b.eventId ? 1 : -1));
    expect(pages[0].lines).toHaveLength(1000);
    expect(pages[0].lines[0].message).toBe("line 3999");
    expect(ids(pages.flatMap((p) => p.lines))).toEqual(inHour.map((e) => e.eventId));
    expect(pages.length).toBe(2);
  });

  it("narrows to a window it can read in a busy hour instead of reading the whole hour", async () => {
    const busy: SimulatedEvent[] = Array.from({ length: 200_000 }, (_, i) => ({ eventId: String(i), logStreamName: "s", timestamp: end - hour + Math.floor((i * hour) / 200_000), message: "m", ingestion: i }));
    const cw = new SimulatedCloudWatch(new Map([[fn.logGroupName, busy]]));
    const page = await filterLogEvents(cw, { functions: [fn], start: end - hour, end, filterPattern: "", cursor: null });
    expect(page.lines.map((l) => l.id)).toEqual(busy.slice(-1000).reverse().map((e) => e.eventId));
    expect(cw.eventsReturned).toBeLessThan(20_000);
  });
});
