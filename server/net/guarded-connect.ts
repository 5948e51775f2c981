import "server-only";
import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import type { Duplex } from "node:stream";
import { outboundAllowlist } from "@/server/instance/settings";
import { addressVerdict, parseAllowlist } from "./address-policy";

// Connections to user-supplied hosts: the name is resolved here, once, every address is judged by
// the address policy, and the socket connects to the address that passed (no second lookup, so a
// name that answers differently the next time cannot rebind the connection to an internal address).

/** The host resolved to an address the server must not reach. */
export class OutboundRefused extends Error {
  readonly code = "ELAMBDAPLANE_REFUSED";
  constructor(
    readonly host: string,
    readonly range: string,
  ) {
    super(`Refused to connect to ${host}: its address is ${range}, not public (LAMBDAPLANE_OUTBOUND_ALLOW lists exceptions).`);
    this.name = "OutboundRefused";
  }
}

const unbracket = (host: string) => host.replace(/^\[(.*)\]$/, "$1");

/** Resolves `host` and returns the first address (with its family) that may be reached on `port`. */
export async function resolvePermitted(hostInput: string, port: number): Promise<dns.LookupAddress> {
  const host = unbracket(hostInput);
  const allow = parseAllowlist(outboundAllowlist());
  const family = net.isIP(host);
  const addresses = family ? [{ address: host, family }] : await dns.promises.lookup(host, { all: true, verbatim: true });
  let refusedRange = "unresolved";
  for (const a of addresses) {
    const verdict = addressVerdict(a.address, port, allow);
    if (verdict.ok) return a;
    if (refusedRange === "unresolved") refusedRange = verdict.range;
  }
  throw new OutboundRefused(host, refusedRange);
}

/** A `lookup` for net/tls connect options that answers only with a permitted address. */
export function guardedLookup(port: number): net.LookupFunction {
  return (hostname, options, callback) => {
    resolvePermitted(hostname, port).then(
      (a) => (options.all ? callback(null, [a]) : callback(null, a.address, a.family)),
      (error: NodeJS.ErrnoException) => callback(error, ""),
    );
  };
}

type CreateConnection = (options: http.ClientRequestArgs, callback?: (err: Error | null, stream: Duplex) => void) => Duplex | null | undefined;

function guardedCreate(
  options: http.ClientRequestArgs,
  callback: ((err: Error | null, stream: Duplex) => void) | undefined,
  create: CreateConnection,
): Duplex | null | undefined {
  const host = unbracket(options.host ?? options.hostname ?? "localhost");
  const port = Number(options.port);
  // Node skips `lookup` for a literal address, so a literal is judged here.
  if (net.isIP(host)) {
    const verdict = addressVerdict(host, port, parseAllowlist(outboundAllowlist()));
    if (!verdict.ok) {
      const socket = new net.Socket();
      const error = new OutboundRefused(host, verdict.range);
      if (callback) callback(error, socket);
      else process.nextTick(() => socket.destroy(error));
      return socket;
    }
    return create(options, callback);
  }
  return create({ ...options, lookup: guardedLookup(port) } as http.ClientRequestArgs, callback);
}

/** An http.Agent whose every connection goes through the address policy. */
export class GuardedHttpAgent extends http.Agent {
  createConnection(options: http.ClientRequestArgs, callback?: (err: Error | null, stream: Duplex) => void) {
    return guardedCreate(options, callback, (o, c) => super.createConnection(o, c));
  }
}

/** An https.Agent whose every connection goes through the address policy (TLS still checks the name). */
export class GuardedHttpsAgent extends https.Agent {
  createConnection(options: https.RequestOptions, callback?: (err: Error | null, stream: Duplex) => void) {
    return guardedCreate(options, callback, (o, c) => super.createConnection(o as https.RequestOptions, c));
  }
}

/** A connected TCP socket to a permitted address of host:port (SMTP). */
export async function guardedSocket(host: string, port: number, timeoutMs: number): Promise<net.Socket> {
  const { address } = await resolvePermitted(host, port);
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: address, port, timeout: timeoutMs });
    socket.once("connect", () => {
      socket.setTimeout(0);
      resolve(socket);
    });
    socket.once("timeout", () => socket.destroy(Object.assign(new Error(`Connecting to ${host}:${port} timed out.`), { code: "ETIMEDOUT" })));
    socket.once("error", reject);
  });
}
