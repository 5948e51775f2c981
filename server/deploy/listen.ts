import "server-only";
import pg from "pg";
import { deploymentChannel, quoteChannel } from "./channels";

// One LISTEN connection per process, shared by every open deployment stream: NOTIFYs from any
// replica's workers reach every replica's browsers. A stream subscribes to its deployment's
// channel; when the connection fails, every subscriber is told so it can close and let the
// browser reconnect (and catch up from its Last-Event-ID).

type Subscriber = { onNotify: () => void; onLost: (error: Error) => void };

const shared = globalThis as unknown as { lambdaplaneListener?: { client: Promise<pg.Client>; channels: Map<string, Set<Subscriber>> } };

function listener() {
  if (shared.lambdaplaneListener) return shared.lambdaplaneListener;
  const channels = new Map<string, Set<Subscriber>>();
  const client = (async () => {
    const c = new pg.Client({ connectionString: process.env.DATABASE_URL, application_name: "lambdaplane-deployment-streams" });
    c.on("notification", (n) => {
      for (const s of channels.get(n.channel) ?? []) s.onNotify();
    });
    c.on("error", (error) => {
      shared.lambdaplaneListener = undefined;
      for (const subscribers of channels.values()) for (const s of subscribers) s.onLost(error);
      c.end().catch(() => undefined);
    });
    await c.connect();
    return c;
  })();
  client.catch(() => {
    shared.lambdaplaneListener = undefined;
  });
  shared.lambdaplaneListener = { client, channels };
  return shared.lambdaplaneListener;
}

/** Calls `onNotify` for every NOTIFY on the deployment's channel until the returned function is called. */
export async function subscribeDeployment(deploymentId: string, subscriber: Subscriber): Promise<() => Promise<void>> {
  const l = listener();
  const channel = deploymentChannel(deploymentId);
  const client = await l.client;
  let subscribers = l.channels.get(channel);
  if (!subscribers) {
    subscribers = new Set();
    l.channels.set(channel, subscribers);
    await client.query(`LISTEN ${quoteChannel(channel)}`);
  }
  subscribers.add(subscriber);
  return async () => {
    subscribers.delete(subscriber);
    if (subscribers.size > 0 || l.channels.get(channel) !== subscribers) return;
    l.channels.delete(channel);
    await client.query(`UNLISTEN ${quoteChannel(channel)}`).catch(() => undefined);
  };
}
