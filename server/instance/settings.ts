import "server-only";

// Instance settings: what the operator of this Lambdaplane install allows, read from the
// environment in this one module. Every setting that widens what a tenant can reach is off by
// default; README.md ("Security model") says when to turn each on. A value that does not parse
// is an error naming the variable, never a silent default: check-settings.ts reads them all when a
// process starts, so a typo stops the start instead of failing (or widening) requests later.

function flag(name: string): boolean {
  const raw = process.env[name]?.trim() ?? "";
  if (raw !== "" && raw !== "0" && raw !== "1") throw new Error(`${name} must be 1 (on) or 0 (off), not "${raw}".`);
  return raw === "1";
}

function list(name: string): string[] {
  return (process.env[name] ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

export const INSTANCE_SETTINGS = {
  outboundAllow: "LAMBDAPLANE_OUTBOUND_ALLOW",
  awsEndpointOverride: "LAMBDAPLANE_ALLOW_AWS_ENDPOINT_OVERRIDE",
  instanceCredentials: "LAMBDAPLANE_ALLOW_INSTANCE_CREDENTIALS",
  trustUnverifiedDomains: "LAMBDAPLANE_TRUST_UNVERIFIED_DOMAINS",
  dnsServers: "LAMBDAPLANE_DNS_SERVERS",
  trustedProxyHops: "LAMBDAPLANE_TRUSTED_PROXY_HOPS",
  rateLimits: "LAMBDAPLANE_RATE_LIMITS",
  computeTimeLimitSeconds: "LAMBDAPLANE_COMPUTE_TIME_LIMIT_SECONDS",
  computeThreads: "LAMBDAPLANE_COMPUTE_THREADS",
  metricsToken: "LAMBDAPLANE_METRICS_TOKEN",
  shutdownGraceSeconds: "LAMBDAPLANE_SHUTDOWN_GRACE_SECONDS",
  workerMetricsPort: "LAMBDAPLANE_WORKER_METRICS_PORT",
} as const;

/**
 * Addresses that user-supplied URLs may reach although they are loopback or private: entries are
 * IP addresses, CIDR ranges, or `host:port` pairs (e.g. `127.0.0.1:5000` for a local moto). Empty
 * by default: production reaches public addresses only.
 */
export function outboundAllowlist(): string[] {
  return list(INSTANCE_SETTINGS.outboundAllow);
}

/** May an AWS connection send its calls to an endpoint other than AWS (an emulator)? Off by default. */
export function awsEndpointOverrideAllowed(): boolean {
  return flag(INSTANCE_SETTINGS.awsEndpointOverride);
}

/** May an organization use the server's own AWS credentials (the default chain)? Off by default. */
export function instanceCredentialsAllowed(): boolean {
  return flag(INSTANCE_SETTINGS.instanceCredentials);
}

/** Single-organization installs: SSO domains route sign-in without a DNS proof. Off by default. */
export function unverifiedDomainsTrusted(): boolean {
  return flag(INSTANCE_SETTINGS.trustUnverifiedDomains);
}

/** DNS servers (`ip` or `ip:port`) for domain verification; empty means the system resolver. */
export function dnsServers(): string[] {
  return list(INSTANCE_SETTINGS.dnsServers);
}

/**
 * How many reverse proxies in front of the app append the address they received a request from
 * to X-Forwarded-For. 0 (the default) ignores the header, which any client can write, and uses
 * the TCP peer: right when the app is reached directly, and never spoofable.
 */
export function trustedProxyHops(): number {
  const raw = process.env[INSTANCE_SETTINGS.trustedProxyHops]?.trim() || "0";
  if (!/^\d{1,2}$/.test(raw)) throw new Error(`${INSTANCE_SETTINGS.trustedProxyHops} must be a whole number of proxies (0-99), not "${raw}".`);
  return Number(raw);
}

/** Rate limits changed from their defaults: `name=points/seconds` entries (server/rate-limit/limits.ts names them). */
export function rateLimitOverrides(): string[] {
  return list(INSTANCE_SETTINGS.rateLimits);
}

function positiveNumber(name: string, fallback: number, integer: boolean): number {
  const raw = process.env[name]?.trim() ?? "";
  if (raw === "") return fallback;
  const value = Number(raw);
  if (!(value > 0) || !Number.isFinite(value) || (integer && !Number.isInteger(value))) {
    throw new Error(`${name} must be a positive ${integer ? "whole number" : "number"}, not "${raw}".`);
  }
  return value;
}

/** How long one parse/validate/render/preview job on user input may run before it is stopped (default 10 s). */
export function computeTimeLimitSeconds(): number {
  return positiveNumber(INSTANCE_SETTINGS.computeTimeLimitSeconds, 10, false);
}

/** Worker threads for that work; default: the cores but one, at least 2. */
export function computeThreads(availableCores: number): number {
  return positiveNumber(INSTANCE_SETTINGS.computeThreads, Math.max(2, availableCores - 1), true);
}

export const METRICS_TOKEN_MIN_LENGTH = 32;

/**
 * The bearer token Prometheus sends to /api/metrics; unset, the endpoint answers 404. At least
 * METRICS_TOKEN_MIN_LENGTH characters (e.g. `openssl rand -hex 32`): it is compared on every scrape.
 */
export function metricsToken(): string | null {
  const raw = process.env[INSTANCE_SETTINGS.metricsToken]?.trim() ?? "";
  if (raw === "") return null;
  if (raw.length < METRICS_TOKEN_MIN_LENGTH || /\s/.test(raw)) {
    throw new Error(`${INSTANCE_SETTINGS.metricsToken} must be at least ${METRICS_TOKEN_MIN_LENGTH} characters without spaces (e.g. openssl rand -hex 32); it has ${raw.length}.`);
  }
  return raw;
}

/** How long a process asked to stop (SIGTERM) lets running deploy steps finish before it exits anyway (default 20 s). */
export function shutdownGraceSeconds(): number {
  return positiveNumber(INSTANCE_SETTINGS.shutdownGraceSeconds, 20, false);
}

/** The port `npm run worker` serves /api/metrics on (worker processes have no web server otherwise); unset: none. */
export function workerMetricsPort(): number | null {
  const raw = process.env[INSTANCE_SETTINGS.workerMetricsPort]?.trim() ?? "";
  if (raw === "") return null;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new Error(`${INSTANCE_SETTINGS.workerMetricsPort} must be a port number (1-65535), not "${raw}".`);
  return port;
}
