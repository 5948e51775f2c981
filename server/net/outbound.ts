import "server-only";
import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import { outboundAllowlist } from "@/server/instance/settings";
import { addressVerdict, parseAllowlist } from "./address-policy";
import { GuardedHttpAgent, GuardedHttpsAgent, OutboundRefused } from "./guarded-connect";
import { checkOutboundUrl, type UrlRules } from "./outbound-url";

// The one way the server calls a URL a tenant (or the operator, for SMTP and the instance IdP) typed:
// webhooks, Slack, OIDC discovery/JWKS/token/userinfo, SMTP and the AWS endpoint override. Names are
// resolved once and judged by the address policy; time and response size are capped; redirects are
// never followed (a 3xx is just an answer). Callers show tenants the failure's kind, never a body.

export { checkOutboundUrl, type UrlRules } from "./outbound-url";
export { guardedSocket, OutboundRefused } from "./guarded-connect";

export type OutboundFailureKind = "invalid_url" | "refused" | "unreachable" | "timeout" | "too_large";

/** What a tenant may be told about a failed call: the kind, in words; no address, port or body. */
const FAILURE_TEXT: Record<OutboundFailureKind, string> = {
  invalid_url: "invalid URL",
  refused: "refused: the address is private",
  unreachable: "unreachable",
  timeout: "timed out",
  too_large: "answer too large",
};

export class OutboundError extends Error {
  constructor(
    readonly kind: OutboundFailureKind,
    options?: { cause?: unknown },
  ) {
    super(FAILURE_TEXT[kind], options);
    this.name = "OutboundError";
  }
}

/** Any error of a call to a user-supplied endpoint as an OutboundError (the original stays as `cause`, for server logs). */
export function outboundFailure(error: unknown): OutboundError {
  if (error instanceof OutboundError) return error;
  const causes = [error, (error as { cause?: unknown })?.cause];
  if (causes.some((e) => e instanceof OutboundRefused)) return new OutboundError("refused", { cause: error });
  if (causes.some((e) => (e as Error | undefined)?.name === "TimeoutError" || (e as NodeJS.ErrnoException | undefined)?.code === "ETIMEDOUT")) {
    return new OutboundError("timeout", { cause: error });
  }
  return new OutboundError("unreachable", { cause: error });
}

/** Shared agents: the policy is applied per connection, reading the allowlist each time. */
export const guardedAgents = { http: new GuardedHttpAgent(), https: new GuardedHttpsAgent() };

export const guardedAgentFor = (protocol: string) => (protocol === "https:" ? guardedAgents.https : guardedAgents.http);

export interface OutboundRequestOptions {
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
  /** Whole call, from resolving the name to the last byte. */
  timeoutMs: number;
  /** Larger answers fail as too_large; 0 reads no body at all (only the status matters). */
  maxBytes: number;
  rules?: UrlRules;
}

export interface OutboundResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  durationMs: number;
}

/** One request to a user-supplied URL; rejects with an OutboundError. */
export function outboundRequest(rawUrl: string, options: OutboundRequestOptions): Promise<OutboundResponse> {
  const checked = checkOutboundUrl(rawUrl, options.rules);
  if (!checked.ok) return Promise.reject(new OutboundError("invalid_url", { cause: new Error(checked.problem) }));
  const { url } = checked;
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const fail = (error: unknown) => {
      clearTimeout(timer);
      reject(outboundFailure(error));
    };
    const request = (url.protocol === "https:" ? https : http).request(url, {
      method: options.method ?? "GET",
      headers: { ...options.headers, ...(options.body !== undefined ? { "content-length": String(Buffer.byteLength(options.body)) } : {}) },
      agent: guardedAgentFor(url.protocol),
    });
    const timer = setTimeout(() => request.destroy(new OutboundError("timeout")), options.timeoutMs);
    request.on("error", fail);
    request.on("response", (response) => {
      const done = (body: Buffer) => {
        clearTimeout(timer);
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body, durationMs: Date.now() - started });
      };
      if (options.maxBytes === 0) {
        response.destroy();
        return done(Buffer.alloc(0));
      }
      const declared = Number(response.headers["content-length"]);
      response.on("error", fail);
      // An answer cut short (the peer closed, or we destroyed it) is not an answer.
      response.on("close", () => response.complete || fail(new OutboundError("unreachable")));
      if (declared > options.maxBytes) return response.destroy(new OutboundError("too_large"));
      const chunks: Buffer[] = [];
      let size = 0;
      response.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > options.maxBytes) response.destroy(new OutboundError("too_large"));
        else chunks.push(chunk);
      });
      response.on("end", () => done(Buffer.concat(chunks)));
    });
    request.end(options.body);
  });
}

/** False when the URL's host is a literal address the policy refuses: quick feedback on a form (names are judged on each call). */
export function literalAddressAllowed(url: URL): boolean {
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  if (!isIP(host)) return true;
  return addressVerdict(host, Number(url.port) || (url.protocol === "https:" ? 443 : 80), parseAllowlist(outboundAllowlist())).ok;
}

/** Fresh guarded agents for one owner that may destroy them (an AWS SDK client does on destroy()). */
export function newGuardedAgents() {
  return { httpAgent: new GuardedHttpAgent(), httpsAgent: new GuardedHttpsAgent() };
}
