import "server-only";
import type { Db } from "@/server/db/types";
import { subscribeDeployment } from "./listen";
import { resumeAfter, SSE_HEADERS, sseMessage, toStreamedEvent } from "./sse";
import { isTerminal, type DeploymentStatus } from "./status";

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

  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (chunk: string) => {
        if (!closed) controller.enqueue(encoder.encode(chunk));
      };
      const close = async () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        await unsubscribe?.();
        controller.close();
      };

      async function pump(): Promise<void> {
        for (;;) {
          const rows = await client.deploymentEvent.findMany({ where: { deploymentId, id: { gt: cursor } }, orderBy: { id: "asc" }, take: PAGE });
          for (const e of rows) {
            const event = toStreamedEvent(e);
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
        pending = pending.then(() => (closed ? undefined : pump())).catch(async (error: unknown) => {
          send(sseMessage({ event: "error", data: { message: (error as Error).message } }));
          await close();
        });
      };

      unsubscribe = await subscribeDeployment(deploymentId, {
        onNotify: schedule,
        onLost: () => void close(),
      });
      req.signal.addEventListener("abort", () => void close(), { once: true });
      heartbeat = setInterval(() => send(": keep-alive\n\n"), HEARTBEAT_MS);
      send(sseMessage({ event: "deployment", data: await deploymentState(client, deploymentId) }));
      schedule();
    },
    async cancel() {
      closed = true;
      clearInterval(heartbeat);
      await unsubscribe?.();
    },
  });
  return new Response(stream, { headers: SSE_HEADERS });
}
