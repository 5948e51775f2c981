import { afterEach, describe, expect, it, vi } from "vitest";
import { assertInstanceSettings, instanceSettingProblems } from "./check-settings";
import { INSTANCE_SETTINGS } from "./settings";

afterEach(() => vi.unstubAllEnvs());

function unsetAll() {
  for (const name of Object.values(INSTANCE_SETTINGS)) vi.stubEnv(name, "");
}

describe("instance settings checked at start-up", () => {
  it("accepts the defaults (nothing set) and well-formed values", () => {
    unsetAll();
    expect(instanceSettingProblems()).toEqual([]);
    vi.stubEnv(INSTANCE_SETTINGS.outboundAllow, "127.0.0.1:5000,10.0.0.0/8");
    vi.stubEnv(INSTANCE_SETTINGS.awsEndpointOverride, "1");
    vi.stubEnv(INSTANCE_SETTINGS.instanceCredentials, "0");
    vi.stubEnv(INSTANCE_SETTINGS.dnsServers, "127.0.0.1:5353");
    vi.stubEnv(INSTANCE_SETTINGS.trustedProxyHops, "1");
    vi.stubEnv(INSTANCE_SETTINGS.rateLimits, "signIn=20/60");
    vi.stubEnv(INSTANCE_SETTINGS.computeTimeLimitSeconds, "2.5");
    vi.stubEnv(INSTANCE_SETTINGS.computeThreads, "3");
    expect(instanceSettingProblems()).toEqual([]);
  });

  it("names every bad setting instead of falling back to a default", () => {
    unsetAll();
    vi.stubEnv(INSTANCE_SETTINGS.outboundAllow, "localhost");
    vi.stubEnv(INSTANCE_SETTINGS.instanceCredentials, "true");
    vi.stubEnv(INSTANCE_SETTINGS.dnsServers, "dns.example");
    vi.stubEnv(INSTANCE_SETTINGS.trustedProxyHops, "-1");
    vi.stubEnv(INSTANCE_SETTINGS.rateLimits, "signIn=lots");
    vi.stubEnv(INSTANCE_SETTINGS.computeTimeLimitSeconds, "0");
    vi.stubEnv(INSTANCE_SETTINGS.computeThreads, "1.5");
    const problems = instanceSettingProblems();
    expect(problems).toHaveLength(7);
    for (const name of [
      INSTANCE_SETTINGS.outboundAllow,
      INSTANCE_SETTINGS.instanceCredentials,
      INSTANCE_SETTINGS.dnsServers,
      INSTANCE_SETTINGS.trustedProxyHops,
      INSTANCE_SETTINGS.rateLimits,
      INSTANCE_SETTINGS.computeTimeLimitSeconds,
      INSTANCE_SETTINGS.computeThreads,
    ]) {
      expect(problems.some((p) => p.includes(name))).toBe(true);
    }
    expect(() => assertInstanceSettings()).toThrow(/cannot start: instance settings are invalid/);
  });
});
