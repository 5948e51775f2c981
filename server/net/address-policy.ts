import ipaddr from "ipaddr.js";

// Which addresses a user-supplied URL may reach. Pure: the caller resolves names and hands over
// every address it would connect to. Only globally routable unicast addresses pass; loopback,
// private, link-local (cloud metadata), carrier-grade NAT, unique-local, unspecified, multicast,
// broadcast and reserved ranges are refused, in IPv4 and IPv6, including IPv6 forms that embed an
// IPv4 address. Classification is ipaddr.js's, which also reads odd IPv4 spellings (2130706433, 0x7f.1).

/** One entry of LAMBDAPLANE_OUTBOUND_ALLOW: an address or range, optionally only on one port. */
export interface AllowEntry {
  range: [ipaddr.IPv4 | ipaddr.IPv6, number];
  port: number | null;
}

export type AddressVerdict = { ok: true; address: string } | { ok: false; address: string; range: string };

function canonical(address: string): ipaddr.IPv4 | ipaddr.IPv6 {
  // process() turns ::ffff:a.b.c.d into a.b.c.d, so a mapped loopback is judged as loopback.
  return ipaddr.process(address);
}

function entryRange(text: string): [ipaddr.IPv4 | ipaddr.IPv6, number] {
  if (text.includes("/")) return ipaddr.parseCIDR(text);
  const addr = canonical(text);
  return [addr, addr.kind() === "ipv4" ? 32 : 128];
}

/** Parses the allowlist; a malformed entry is an operator error, named in the message. */
export function parseAllowlist(entries: string[]): AllowEntry[] {
  return entries.map((entry) => {
    const withPort = /^\[([^\]]+)\]:(\d{1,5})$/.exec(entry) ?? (/^([^:]+):(\d{1,5})$/.exec(entry) as RegExpExecArray | null);
    const host = withPort ? withPort[1] : entry;
    const port = withPort ? Number(withPort[2]) : null;
    try {
      if (port !== null && (port < 1 || port > 65535)) throw new Error("port out of range");
      return { range: entryRange(host), port };
    } catch {
      throw new Error(`LAMBDAPLANE_OUTBOUND_ALLOW: "${entry}" is not an IP address, CIDR range or ip:port.`);
    }
  });
}

function allowed(addr: ipaddr.IPv4 | ipaddr.IPv6, port: number, allow: AllowEntry[]): boolean {
  return allow.some((e) => (e.port === null || e.port === port) && e.range[0].kind() === addr.kind() && addr.match(e.range));
}

/** May the server connect to this address and port? Unparseable input is refused. */
export function addressVerdict(address: string, port: number, allow: AllowEntry[]): AddressVerdict {
  let addr: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    addr = canonical(address);
  } catch {
    return { ok: false, address, range: "invalid" };
  }
  if (allowed(addr, port, allow)) return { ok: true, address };
  const range = addr.range();
  return range === "unicast" ? { ok: true, address } : { ok: false, address, range };
}
