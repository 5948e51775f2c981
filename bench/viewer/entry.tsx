// The log viewer's list in a page of its own, for bench/viewer.bench.ts: the real LogList (and its
// rows), fed generated lines. "plain" mounts every row without virtualization, as the baseline.
import { createRoot } from "react-dom/client";
import { flushSync } from "react-dom";
import { LogList } from "@/components/logs/log-list";
import { LogRow } from "@/components/logs/log-row";
import type { LogLine } from "@/lib/logs/types";

const RID = "6a1f0c1e-1111-4111-8111-111111111111";
function makeLines(n: number): LogLine[] {
  const t0 = Date.UTC(2026, 11, 1, 8);
  return Array.from({ length: n }, (_, i) => {
    const kind = i % 10;
    const report = kind === 9 ? { requestId: RID, durationMs: 12.5, billedDurationMs: 13, memorySizeMb: 128, maxMemoryUsedMb: 64 } : null;
    const message =
      kind === 9
        ? `REPORT RequestId: ${RID}\tDuration: 12.5 ms\tBilled Duration: 13 ms\tMemory Size: 128 MB\tMax Memory Used: 64 MB\t`
        : kind === 5
          ? `2026-12-01T08:00:00.000Z\t${RID}\tINFO\t{"level":"info","order":${i},"items":[1,2,3],"msg":"order accepted"}`
          : `2026-12-01T08:00:00.000Z\t${RID}\t${kind === 3 ? "ERROR" : "INFO"}\tline ${i}: ${"processing payment for order ".repeat(1 + (i % 3))}`;
    return {
      id: `l${i}`,
      timestamp: t0 + i,
      functionName: i % 2 ? "api" : "worker",
      logStream: "s",
      message,
      level: kind === 3 ? "error" : "info",
      requestId: RID,
      jsonOffset: kind === 5 ? message.indexOf("{") : null,
      report,
    };
  });
}

const actions = { onRequestId: () => undefined, onCopyLink: () => undefined };
const root = createRoot(document.getElementById("root")!);

declare global {
  interface Window {
    mount(n: number, plain: boolean): number;
  }
}

/** Mounts n lines synchronously and returns the milliseconds until they are laid out. */
window.mount = (n, plain) => {
  const lines = makeLines(n);
  flushSync(() => root.render(<></>));
  const start = performance.now();
  flushSync(() =>
    root.render(
      plain ? (
        <div data-testid="log-scroller" className="h-[60vh] overflow-auto">
          {lines.map((l) => (
            <LogRow key={l.id} line={l} showFunction highlighted={false} actions={actions} />
          ))}
        </div>
      ) : (
        <LogList lines={lines} showFunction highlightId={null} follow={false} actions={actions} />
      ),
    ),
  );
  void document.querySelector("[data-testid=log-scroller]")!.getBoundingClientRect();
  return performance.now() - start;
};
