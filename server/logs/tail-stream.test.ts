import { describe, expect, it } from "vitest";
import type { TailMessage } from "./live-tail";
import { tailResponse } from "./tail-stream";

// The upstream here is a plain async generator standing in for the CloudWatch session (the real one
// is exercised in live-tail.int.test.ts): what matters is what the response does when the browser leaves.

const message = (i: number) => ({ type: "session", state: "started", detail: `m${i}` }) as unknown as TailMessage;

/** An upstream that keeps producing, and says whether it was told to stop. */
function upstream() {
  const seen = { aborted: false };
  async function* open(signal: AbortSignal): AsyncIterable<TailMessage> {
    signal.addEventListener("abort", () => (seen.aborted = true));
    for (let i = 0; ; i++) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      yield message(i);
    }
  }
  return { open, seen };
}

describe("tailResponse when the browser goes away", () => {
  it("stops the upstream session and raises no unhandled rejection, before or after the first message", async () => {
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on("unhandledRejection", onRejection);
    try {
      for (const readFirst of [0, 1, 3]) {
        const { open, seen } = upstream();
        const abort = new AbortController();
        const res = tailResponse(open, new Request("http://test/tail", { signal: abort.signal }));
        const reader = res.body!.getReader();
        for (let i = 0; i < readFirst; i++) await reader.read();
        abort.abort();
        await reader.cancel();
        await new Promise((resolve) => setTimeout(resolve, 50));
        expect(seen.aborted).toBe(true);
      }
      expect(rejections).toEqual([]);
    } finally {
      process.off("unhandledRejection", onRejection);
    }
  });
});
