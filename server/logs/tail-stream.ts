import "server-only";
import { SSE_HEADERS, sseMessage, sseRetry } from "@/server/deploy/sse";
import { trackStream } from "@/server/ops/open-streams";
import { rawErrorText } from "@/server/aws/errors";
import type { TailMessage } from "./live-tail";

// The live tail as Server-Sent Events: each message is one event named after its type. The
// upstream session belongs to this response: it ends when the browser goes away.

const KEEPALIVE_MS = 15_000;

export function tailResponse(open: (signal: AbortSignal) => AsyncIterable<TailMessage>, request: Request): Response {
  const upstream = new AbortController();
  const stop = () => upstream.abort();
  request.signal.addEventListener("abort", stop);
  const encoder = new TextEncoder();
  let keepalive: ReturnType<typeof setInterval> | undefined;
  let untrack: (() => void) | undefined;

  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      untrack = trackStream({
        kind: "logs",
        endForShutdown: (retryMs) => {
          try {
            controller.enqueue(encoder.encode(sseRetry(retryMs)));
          } catch {
            // already closed by a cancel
          }
          stop();
        },
      });
      // A comment line keeps proxies from closing an idle stream.
      keepalive = setInterval(() => controller.enqueue(encoder.encode(": keepalive\n\n")), KEEPALIVE_MS);
      try {
        for await (const message of open(upstream.signal)) {
          if (upstream.signal.aborted) break;
          controller.enqueue(encoder.encode(sseMessage({ event: message.type, data: message })));
        }
      } catch (error) {
        if (!upstream.signal.aborted) {
          // tailLogs turns AWS's failures into messages itself: this is anything else, whose text is not for the main message.
          const data = { type: "session", state: "ended", detail: "The live tail stopped on an unexpected error; turn it off and on again.", details: rawErrorText(error) };
          controller.enqueue(encoder.encode(sseMessage({ event: "session", data })));
        }
      } finally {
        untrack();
        clearInterval(keepalive);
        request.signal.removeEventListener("abort", stop);
        try {
          controller.close();
        } catch {
          // already closed by a cancel
        }
      }
    },
    cancel() {
      untrack?.();
      clearInterval(keepalive);
      stop();
    },
  });
  return new Response(body, { headers: SSE_HEADERS });
}
