import { AsyncLocalStorage } from "node:async_hooks";
import { subscribe } from "node:diagnostics_channel";
import type { Socket } from "node:net";
import { trustedProxyHops } from "@/server/instance/settings";

// Which address a request comes from, for per-address rate limits.
//
// Next copies the TCP peer into X-Forwarded-For only when the request has no such header, so a
// client reaching the app directly can write any value there. Route handlers and server actions
// never see the socket, so the peer is taken where Node starts each request (the
// "http.server.request.start" diagnostics channel) and kept in the request's async context.
// X-Forwarded-For is read only as far as the operator says proxies append to it
// (LAMBDAPLANE_TRUSTED_PROXY_HOPS): the entry the outermost trusted proxy wrote is the client.

interface PeerStore {
  storage: AsyncLocalStorage<string>;
  tracking: boolean;
}

// On globalThis: Next bundles instrumentation.ts and the route handlers separately, so this module
// can be evaluated twice in one process; both copies must share the one store.
const globalPeer = globalThis as unknown as { lambdaplanePeerAddress?: PeerStore };
const peer = (globalPeer.lambdaplanePeerAddress ??= { storage: new AsyncLocalStorage<string>(), tracking: false });

/** Start recording each HTTP request's TCP peer in its async context; call once at start-up, before serving. */
export function trackPeerAddresses(): void {
  if (peer.tracking) return;
  peer.tracking = true;
  subscribe("http.server.request.start", (message) => {
    const address = (message as { socket?: Socket }).socket?.remoteAddress;
    if (address) peer.storage.enterWith(address);
  });
}

/** The TCP peer of the HTTP request being served, when trackPeerAddresses ran before it started. */
export function peerAddress(): string | null {
  return peer.storage.getStore() ?? null;
}

/**
 * The client as the trusted proxies saw it: each of `hops` proxies appended the address it
 * received from, so counting `hops` entries from the right skips what the client wrote itself.
 * With fewer entries than hops the request bypassed a proxy; its leftmost entry is used.
 */
export function addressFromForwardedFor(header: string | null, hops: number): string | null {
  const entries = (header ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  if (hops < 1 || entries.length === 0) return null;
  return entries[Math.max(0, entries.length - hops)];
}

/** The address per-address limits count a request under ("unknown" when neither source has one). */
export function clientAddress(headers: Headers): string {
  const hops = trustedProxyHops();
  const forwarded = hops > 0 ? addressFromForwardedFor(headers.get("x-forwarded-for"), hops) : null;
  return forwarded ?? peerAddress() ?? "unknown";
}
