import { describe, expect, it } from "vitest";
import { SHOWN_INVOCATIONS, summarizeInvocations } from "./recent-invocations";

const WINDOW = { start: 0, end: 3_600_000, capped: false, readUntil: 3_600_000, noLogGroup: false };
const rid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const report = (n: number, extra = "") => `REPORT RequestId: ${rid(n)}\tDuration: 12.5 ms\tBilled Duration: 13 ms\tMemory Size: 128 MB\tMax Memory Used: 60 MB\t${extra}`;
let seq = 0;
const ev = (timestamp: number, message: string) => ({ id: String(seq++), timestamp, logStream: "s", message });

describe("summarizeInvocations", () => {
  it("one invocation per REPORT line, newest first, cold starts from Init Duration", () => {
    const out = summarizeInvocations([ev(1000, report(1, "Init Duration: 200.00 ms\t")), ev(3000, report(2)), ev(2000, "some other line")], WINDOW);
    expect(out.invocations.map((i) => i.requestId)).toEqual([rid(2), rid(1)]);
    expect(out).toMatchObject({ count: 2, coldStarts: 1, errors: 0, errorRate: 0 });
    expect(out.invocations[1]).toMatchObject({ initDurationMs: 200, durationMs: 12.5, billedDurationMs: 13, maxMemoryUsedMb: 60, memorySizeMb: 128 });
  });

  it("an ERROR line of the runtime, Lambda's timeout line and a REPORT status mark their invocation failed", () => {
    const out = summarizeInvocations(
      [
        ev(1, `2026-12-01T08:00:00.000Z\t${rid(1)}\tERROR\tInvoke Error`),
        ev(2, report(1)),
        ev(3, `2026-12-01T08:00:03.000Z ${rid(2)} Task timed out after 3.00 seconds`),
        ev(4, report(2)),
        ev(5, report(3, "Status: error\tError Type: Runtime.ExitError")),
        ev(6, `2026-12-01T08:00:06.000Z\t${rid(4)}\tINFO\tall fine`),
        ev(7, report(4)),
      ],
      WINDOW,
    );
    expect(out.invocations.filter((i) => i.failed).map((i) => i.requestId).sort()).toEqual([rid(1), rid(2), rid(3)]);
    expect(out.errorRate).toBe(0.75);
  });

  it("no invocations: no error rate rather than 0 %", () => {
    expect(summarizeInvocations([], WINDOW)).toMatchObject({ count: 0, errorRate: null, invocations: [] });
  });

  it("shows the newest SHOWN_INVOCATIONS and counts them all", () => {
    const out = summarizeInvocations(Array.from({ length: SHOWN_INVOCATIONS + 10 }, (_, i) => ev(i, report(i))), WINDOW);
    expect(out.count).toBe(SHOWN_INVOCATIONS + 10);
    expect(out.invocations).toHaveLength(SHOWN_INVOCATIONS);
    expect(out.invocations[0].requestId).toBe(rid(SHOWN_INVOCATIONS + 9));
  });
});
