import ipaddr from "ipaddr.js";
import type { LimitName, SubjectKind } from "./limits";

// The key a request is counted under: "<limit>:<kind>:<subject>". Addresses are normalised so that
// one client cannot spread its requests over many keys: an IPv4-mapped IPv6 address counts as its
// IPv4 address, and an IPv6 address as its /64 (one subscriber usually holds a whole /64).

export type Subject = { [K in SubjectKind]: { kind: K; value: string } }[SubjectKind];

export function addressKey(address: string): string {
  if (!ipaddr.isValid(address)) return "unparsable";
  const parsed = ipaddr.process(address);
  if (parsed.kind() === "ipv4") return parsed.toString();
  const prefix = ipaddr.IPv6.networkAddressFromCIDR(`${parsed.toNormalizedString()}/64`);
  return `${prefix.toString()}/64`;
}

export function rateLimitKey(limit: LimitName, subject: Subject): string {
  const value = subject.kind === "address" ? addressKey(subject.value) : subject.value;
  return `${limit}:${subject.kind}:${value}`;
}
