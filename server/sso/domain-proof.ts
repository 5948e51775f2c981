import "server-only";
import { Resolver } from "node:dns/promises";
import { dnsServers } from "@/server/instance/settings";
import { challengeRecordName } from "./domain-name";

// Checks an organization's proof of control of a domain: a TXT record at
// _lambdaplane-challenge.<domain> holding its challenge token. A network call: callers make it
// before they write anything (and, once the action wrapper has a read mode, outside any transaction).

export const DNS_TIMEOUT_MS = 5000;

export type ProofResult = { ok: true } | { ok: false; reason: string };

export interface ProofOptions {
  /** `ip` or `ip:port` entries; defaults to LAMBDAPLANE_DNS_SERVERS, else the system resolver. */
  servers?: string[];
  timeoutMs?: number;
}

function describeDnsError(name: string, error: unknown, timeoutMs: number): string {
  const code = (error as { code?: string }).code;
  switch (code) {
    case "ENOTFOUND":
      return `${name} does not exist in DNS (NXDOMAIN): create the TXT record, then verify again.`;
    case "ENODATA":
      return `${name} exists but has no TXT record: add one holding the token.`;
    case "ETIMEOUT":
      return `The DNS resolver did not answer within ${timeoutMs / 1000} s; try again later.`;
    case "ECONNREFUSED":
    case "ECONNRESET":
      return "The DNS resolver is unreachable (connection refused); try again later or tell the operator.";
    case "ESERVFAIL":
      return `The DNS servers of this domain failed to answer for ${name} (SERVFAIL); check its name servers.`;
    case "EREFUSED":
      return `The DNS resolver refused to look up ${name}; tell the operator.`;
    default:
      return `The DNS lookup of ${name} failed (${code ?? "unknown error"}); try again later.`;
  }
}

export async function checkDomainProof(domain: string, token: string, options: ProofOptions = {}): Promise<ProofResult> {
  const name = challengeRecordName(domain);
  const servers = options.servers ?? dnsServers();
  const timeoutMs = options.timeoutMs ?? DNS_TIMEOUT_MS;
  const resolver = new Resolver({ timeout: timeoutMs, tries: 1 });
  if (servers.length) {
    try {
      resolver.setServers(servers);
    } catch {
      return { ok: false, reason: `LAMBDAPLANE_DNS_SERVERS (${servers.join(", ")}) is not a list of ip[:port] addresses; tell the operator.` };
    }
  }
  let timer: NodeJS.Timeout | undefined;
  // c-ares retries on its own schedule; this bounds the whole lookup, whatever the resolver does.
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(Object.assign(new Error("DNS lookup timed out"), { code: "ETIMEOUT" }));
      resolver.cancel();
    }, timeoutMs);
  });
  try {
    const records = await Promise.race([resolver.resolveTxt(name), deadline]);
    const values = records.map((chunks) => chunks.join("").trim());
    if (values.includes(token)) return { ok: true };
    return {
      ok: false,
      reason: `No TXT record at ${name} holds this domain's token (${values.length} other value${values.length === 1 ? "" : "s"} found); copy the value shown here exactly.`,
    };
  } catch (e) {
    return { ok: false, reason: describeDnsError(name, e, timeoutMs) };
  } finally {
    clearTimeout(timer);
  }
}
