import { describe, expect, it } from "vitest";
import { addressVerdict, parseAllowlist } from "./address-policy";

describe("addressVerdict", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["127.1", "loopback"],
    ["2130706433", "loopback"],
    ["0x7f.1", "loopback"],
    ["017700000001", "loopback"],
    ["::1", "loopback"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["10.1.2.3", "private"],
    ["172.16.0.1", "private"],
    ["192.168.1.1", "private"],
    ["::ffff:192.168.1.1", "private"],
    ["169.254.169.254", "linkLocal"],
    ["fe80::1", "linkLocal"],
    ["100.64.0.1", "carrierGradeNat"],
    ["fc00::1", "uniqueLocal"],
    ["fd00:ec2::254", "uniqueLocal"],
    ["0.0.0.0", "unspecified"],
    ["::", "unspecified"],
    ["224.0.0.1", "multicast"],
    ["ff02::1", "multicast"],
    ["255.255.255.255", "broadcast"],
    ["240.0.0.1", "reserved"],
    ["2001:db8::1", "reserved"],
    ["2002:7f00:1::", "6to4"],
    ["64:ff9b::7f00:1", "rfc6052"],
    ["not-an-address", "invalid"],
  ])("refuses %s (%s)", (address, range) => {
    expect(addressVerdict(address, 80, [])).toEqual({ ok: false, address, range });
  });

  it.each(["8.8.8.8", "93.184.216.34", "2606:4700:4700::1111", "::ffff:8.8.8.8"])("allows the public address %s", (address) => {
    expect(addressVerdict(address, 443, [])).toEqual({ ok: true, address });
  });

  it("allows a listed address, range or address:port, and only on the listed port", () => {
    const allow = parseAllowlist(["127.0.0.1:5000", "10.0.0.0/8", "[::1]:4000", "192.168.1.7"]);
    expect(addressVerdict("127.0.0.1", 5000, allow).ok).toBe(true);
    expect(addressVerdict("::ffff:127.0.0.1", 5000, allow).ok).toBe(true);
    expect(addressVerdict("127.0.0.1", 5001, allow).ok).toBe(false);
    expect(addressVerdict("127.0.0.2", 5000, allow).ok).toBe(false);
    expect(addressVerdict("10.9.8.7", 22, allow).ok).toBe(true);
    expect(addressVerdict("::1", 4000, allow).ok).toBe(true);
    expect(addressVerdict("::1", 5000, allow).ok).toBe(false);
    expect(addressVerdict("192.168.1.7", 1, allow).ok).toBe(true);
    expect(addressVerdict("169.254.169.254", 80, allow).ok).toBe(false);
  });

  it("names a malformed allowlist entry", () => {
    expect(() => parseAllowlist(["localhost:5000"])).toThrow('LAMBDAPLANE_OUTBOUND_ALLOW: "localhost:5000" is not an IP address, CIDR range or ip:port.');
    expect(() => parseAllowlist(["10.0.0.0/40"])).toThrow(/"10.0.0.0\/40"/);
    expect(() => parseAllowlist(["127.0.0.1:70000"])).toThrow(/"127.0.0.1:70000"/);
  });
});
