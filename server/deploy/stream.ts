import "server-only";
import type { Db } from "@/server/db/types";
import { subscribeDeployment } from "./listen";
import { log } from "@/server/ops/log";
import { resumeAfter, SSE_HEADERS, sseMessage, sseRetry, streamedEvent } from "./sse";
import { trackStream } from "@/server/ops/open-streams";
import { isTerminal, type DeploymentStatus } from "@/lib/deploy/status";

// The live deployment timeline over Server-Sent Events: replay what the browser has not seen
// (after its Last-Event-ID), then every new event as its NOTIFY arrives. Listening starts before
// the replay, so nothing falls between the two; events go out strictly by id, so nothing repeats.
// The stream ends with an "end" message once the deployment has ended and everything is sent.

const HEARTBEAT_MS = 15_000;
const PAGE = 500;

async function deploymentState(client: Db, deploymentId: string) {
  return client.deployment.findUnique({
    where: { id: deploymentId },
    select: { id: true, status: true, operation: true, error: true, changeSet: true, outputs: true, createdAt: true, finishedAt: true, cfnStackName: true },
  });
}

export async function deploymentEventStream(client: Db, deploymentId: string, req: Request): Promise<Response> {
  const encoder = new TextEncoder();
  let cursor = resumeAfter(req);
  let closed = false;
  let unsubscribe: (() => Promise<void>) | undefined;
  let heartbeat: NodeJS.Timeout | undefined;
  let pending: Promise<void> = Promise.resolve();
  let untrack: (() => void) | undefined;

  // The browser going away both aborts the request and cancels the body, in either order, possibly
  // while start() is still subscribing: finish() is idempotent, never rejects, and start() checks
  // `closed` after each wait, so nothing is sent to, or closed on, a stream that is gone.
  const finish = async (controller?: ReadableStreamDefaultController<Uint8Array>) => {
    if (closed) return;
    closed = true;
    untrack?.();
    clearInterval(heartbeat);
    await unsubscribe?.().catch((error: unknown) => log.error("deployment stream: unsubscribe failed", { deploymentId, error }));
    try {
      controller?.close();
    } catch {
      // Cancelled by the client meanwhile: there is nothing left to close.
    }
  };

  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (chunk: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(chunk));
        } catch {
          void finish();
        }
      };
      const close = () => finish(controller);
      untrack = trackStream({
        kind: "deployment",
        endForShutdown: (retryMs) => {
          send(sseRetry(retryMs));
          void close();
        },
      });

      async function pump(): Promise<void> {
        for (;;) {
          const rows = await client.deploymentEvent.findMany({ where: { deploymentId, id: { gt: cursor } }, orderBy: { id: "asc" }, take: PAGE });
          for (const e of rows) {
            const event = streamedEvent(e);
            send(sseMessage({ id: event.id, data: event }));
            cursor = e.id;
            if (e.kind === "status") send(sseMessage({ event: "deployment", data: await deploymentState(client, deploymentId) }));
          }
          if (rows.length < PAGE) break;
        }
        const state = await deploymentState(client, deploymentId);
        if (state && isTerminal(state.status as DeploymentStatus)) {
          const newer = await client.deploymentEvent.count({ where: { deploymentId, id: { gt: cursor } } });
          if (newer === 0) {
            send(sseMessage({ event: "end", data: { status: state.status } }));
            await close();
          }
        }
      }
      const schedule = () => {
        pending = pending
          .then(() => (closed ? undefined : pump()))
          .catch(async (error: unknown) => {
            send(sseMessage({ event: "error", data: { message: (error as Error).message } }));
            await close();
          });
      };

      req.signal.addEventListener("abort", () => void close(), { once: true });
      if (req.signal.aborted) return close();
      const subscribed = await subscribeDeployment(deploymentId, {
        onNotify: schedule,
        onLost: () => void close(),
      });
      if (closed) {
        await subscribed().catch(() => undefined);
        return;
      }
      unsubscribe = subscribed;
      heartbeat = setInterval(() => send(": keep-alive\n\n"), HEARTBEAT_MS);
      const state = await deploymentState(client, deploymentId);
      send(sseMessage({ event: "deployment", data: state }));
      schedule();
    },
    cancel: () => finish(),
  });
  return new Response(stream, { headers: SSE_HEADERS });
}
