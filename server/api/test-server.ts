// For integration tests: the /api/v1 route handlers behind a real HTTP server on loopback, the way
// `next start` calls them (a Fetch Request in, a Response out, streamed), without building the app.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import * as stacks from "@/app/api/v1/stacks/route";
import * as stack from "@/app/api/v1/stacks/[stack]/route";
import * as yaml from "@/app/api/v1/stacks/[stack]/yaml/route";
import * as render from "@/app/api/v1/stacks/[stack]/render/route";
import * as plan from "@/app/api/v1/stacks/[stack]/plan/route";
import * as stackDeployments from "@/app/api/v1/stacks/[stack]/deployments/route";
import * as deployment from "@/app/api/v1/deployments/[deploymentId]/route";
import * as events from "@/app/api/v1/deployments/[deploymentId]/events/route";
import { trackPeerAddresses } from "@/server/rate-limit/client-address";

// Each handler takes its own params shape; the table matches them by path, so the type is erased here.
type Handler = (req: Request, ctx: { params: Promise<never> }) => Promise<Response>;
type RouteModule = Partial<Record<"GET" | "POST" | "PUT" | "DELETE", Handler>>;

// Next's file-system routes, written out: [pattern, parameter names, module].
const ROUTES: [RegExp, string[], RouteModule][] = [
  [/^\/api\/v1\/stacks$/, [], stacks],
  [/^\/api\/v1\/stacks\/([^/]+)$/, ["stack"], stack],
  [/^\/api\/v1\/stacks\/([^/]+)\/yaml$/, ["stack"], yaml],
  [/^\/api\/v1\/stacks\/([^/]+)\/render$/, ["stack"], render],
  [/^\/api\/v1\/stacks\/([^/]+)\/plan$/, ["stack"], plan],
  [/^\/api\/v1\/stacks\/([^/]+)\/deployments$/, ["stack"], stackDeployments],
  [/^\/api\/v1\/deployments\/([^/]+)$/, ["deploymentId"], deployment],
  [/^\/api\/v1\/deployments\/([^/]+)\/events$/, ["deploymentId"], events],
];

async function toRequest(req: IncomingMessage, origin: string, signal: AbortSignal): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
  const body = req.method === "GET" || req.method === "HEAD" ? undefined : Buffer.concat(chunks);
  return new Request(new URL(req.url ?? "/", origin), { method: req.method, headers, body, signal });
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
  if (!response.body) return void res.end();
  const reader = response.body.getReader();
  res.on("close", () => void reader.cancel().catch(() => undefined));
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    res.write(value);
  }
  res.end();
}

export async function startApiServer(): Promise<{ url: string; stop(): Promise<void> }> {
  trackPeerAddresses();
  let origin = "";
  const server = createServer((req, res) => {
    const abort = new AbortController();
    res.on("close", () => abort.abort());
    void (async () => {
      const pathname = new URL(req.url ?? "/", "http://x").pathname;
      const route = ROUTES.find(([pattern]) => pattern.test(pathname));
      const handler = route?.[2][req.method as keyof RouteModule];
      if (!route || !handler) return send(res, Response.json({ error: `No route for ${req.method} ${pathname}.` }, { status: route ? 405 : 404 }));
      const match = route[0].exec(pathname)!;
      const params = Object.fromEntries(route[1].map((name, i) => [name, match[i + 1]]));
      await send(res, await handler(await toRequest(req, origin, abort.signal), { params: Promise.resolve(params) as Promise<never> }));
    })().catch((error: unknown) => {
      res.destroy(error as Error);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
