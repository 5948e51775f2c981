import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { TxtAnswer } from "@/server/sso/test-dns-server";
import { E2E } from "./env";

// The e2e DNS server's zone lives in a file: e2e/serve.ts's server reads it on every query and the
// specs publish records into it, as an admin would at their DNS provider.

function readZone(): Record<string, TxtAnswer> {
  return existsSync(E2E.dnsZoneFile) ? JSON.parse(readFileSync(E2E.dnsZoneFile, "utf8")) : {};
}

/** What the e2e DNS server answers for a name: the zone file's TXT values, else NXDOMAIN. */
export function zoneFileAnswer(name: string): TxtAnswer {
  return readZone()[name] ?? null;
}

/** Publishes (replaces) the TXT values of a name. */
export function publishTxt(name: string, values: string[]): void {
  mkdirSync(path.dirname(E2E.dnsZoneFile), { recursive: true });
  writeFileSync(E2E.dnsZoneFile, JSON.stringify({ ...readZone(), [name]: values }));
}
