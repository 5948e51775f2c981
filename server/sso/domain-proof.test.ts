import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkDomainProof } from "./domain-proof";
import { startTestDnsServer, zoneAnswer, type TestDnsServer, type TxtAnswer } from "./test-dns-server";

// A real DNS server (npm dns2) on loopback answers the resolver's UDP queries.
const zone = new Map<string, TxtAnswer>([
  ["_lambdaplane-challenge.good.test", ["v=spf1 -all", "right-token"]],
  ["_lambdaplane-challenge.split.test", [["right-", "token"]]],
  ["_lambdaplane-challenge.wrong.test", ["someone-elses-token"]],
  ["_lambdaplane-challenge.empty.test", []],
  ["_lambdaplane-challenge.silent.test", "silent"],
]);
let dns: TestDnsServer;
beforeAll(async () => {
  dns = await startTestDnsServer(zoneAnswer(zone));
});
afterAll(() => dns.close());

const check = (domain: string, timeoutMs = 2000) => checkDomainProof(domain, "right-token", { servers: [dns.address], timeoutMs });

describe("DNS proof of a domain", () => {
  it("holds when one TXT record at _lambdaplane-challenge.<domain> is the token", async () => {
    expect(await check("good.test")).toEqual({ ok: true });
  });

  it("joins a record published as several character-strings, as DNS allows for long values", async () => {
    expect(await check("split.test")).toEqual({ ok: true });
  });

  it("refuses a TXT record with another token, saying so", async () => {
    expect(await check("wrong.test")).toEqual({ ok: false, reason: expect.stringMatching(/No TXT record at _lambdaplane-challenge.wrong.test holds this domain's token \(1 other value found\)/) });
  });

  it("explains NXDOMAIN and a name without TXT data", async () => {
    expect(await check("nowhere.test")).toEqual({ ok: false, reason: expect.stringMatching(/does not exist in DNS \(NXDOMAIN\)/) });
    expect(await check("empty.test")).toEqual({ ok: false, reason: expect.stringMatching(/has no TXT record/) });
  });

  it("gives up on a silent resolver within its time limit", async () => {
    const started = Date.now();
    expect(await check("silent.test", 300)).toEqual({ ok: false, reason: expect.stringMatching(/did not answer within 0.3 s/) });
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it("explains an unreachable resolver", async () => {
    const r = await checkDomainProof("good.test", "right-token", { servers: ["127.0.0.1:1"], timeoutMs: 1000 });
    // Nothing listens on UDP port 1: the kernel's port-unreachable answer is a refused connection.
    expect(r).toEqual({ ok: false, reason: expect.stringMatching(/The DNS resolver is unreachable \(connection refused\)/) });
  });

  it("names a malformed server setting", async () => {
    expect(await checkDomainProof("good.test", "t", { servers: ["not an ip"] })).toEqual({ ok: false, reason: expect.stringMatching(/LAMBDAPLANE_DNS_SERVERS/) });
  });
});
