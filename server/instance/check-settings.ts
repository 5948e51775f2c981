import "server-only";
import { availableParallelism } from "node:os";
import { Resolver } from "node:dns";
import { parseAllowlist } from "@/server/net/address-policy";
import { effectiveLimits } from "@/server/rate-limit/limits";
import {
  awsEndpointOverrideAllowed,
  computeThreads,
  computeTimeLimitSeconds,
  dnsServers,
  INSTANCE_SETTINGS,
  instanceCredentialsAllowed,
  metricsToken,
  outboundAllowlist,
  rateLimitOverrides,
  shutdownGraceSeconds,
  trustedProxyHops,
  unverifiedDomainsTrusted,
  workerMetricsPort,
} from "./settings";
import { log } from "@/server/ops/log";

// Every instance setting read once, the way its user reads it, when a process starts: one rule for
// all of them (a bad value stops the start with every problem named), instead of some falling back
// to a default and others failing each request that reads them.

const CHECKS: (() => unknown)[] = [
  () => parseAllowlist(outboundAllowlist()),
  awsEndpointOverrideAllowed,
  instanceCredentialsAllowed,
  unverifiedDomainsTrusted,
  () => {
    const servers = dnsServers();
    try {
      if (servers.length) new Resolver().setServers(servers);
    } catch {
      throw new Error(`${INSTANCE_SETTINGS.dnsServers}: "${servers.join(",")}" is not a list of ip or ip:port addresses.`);
    }
  },
  trustedProxyHops,
  () => effectiveLimits(rateLimitOverrides()),
  computeTimeLimitSeconds,
  () => computeThreads(availableParallelism()),
  metricsToken,
  shutdownGraceSeconds,
  workerMetricsPort,
];

/** Each setting's problem, in words naming its variable; empty when all are fine. */
export function instanceSettingProblems(): string[] {
  const problems: string[] = [];
  for (const check of CHECKS) {
    try {
      check();
    } catch (e) {
      problems.push(e instanceof Error ? e.message : String(e));
    }
  }
  return problems;
}

/** Throws one error listing every bad setting (process start: `npm run worker`, tests). */
export function assertInstanceSettings(): void {
  const problems = instanceSettingProblems();
  if (problems.length) throw new Error(`Lambdaplane cannot start: ${problems.length === 1 ? "an instance setting is" : "instance settings are"} invalid.\n- ${problems.join("\n- ")}`);
}

/**
 * The web server's start: Next logs an error thrown by the instrumentation hook and goes on
 * serving, so a bad setting ends the process here, after saying which.
 */
export function exitOnBadInstanceSettings(): void {
  try {
    assertInstanceSettings();
  } catch (error) {
    log.fatal(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
