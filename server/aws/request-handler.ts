import "server-only";
import { newGuardedAgents } from "@/server/net/outbound";

/**
 * The SDK request handler options of a connection's clients. AWS's own endpoints are fixed by the
 * region; an endpoint override is user-supplied, so its connections go through the outbound guard.
 */
export function requestHandlerOptions(endpoint: string | null, timeoutMs: number | undefined) {
  const timeouts = timeoutMs ? { connectionTimeout: timeoutMs, requestTimeout: timeoutMs } : {};
  if (!endpoint) return timeoutMs ? timeouts : undefined;
  return { ...timeouts, ...newGuardedAgents() };
}
