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
    vi.stubEnv(INSTANCE_SETTINGS.metricsToken, "0123456789abcdef0123456789abcdef");
    vi.stubEnv(INSTANCE_SETTINGS.shutdownGraceSeconds, "30");
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
    vi.stubEnv(INSTANCE_SETTINGS.metricsToken, "short-token");
    vi.stubEnv(INSTANCE_SETTINGS.shutdownGraceSeconds, "soon");
    const problems = instanceSettingProblems();
    expect(problems).toHaveLength(9);
    for (const name of [
      INSTANCE_SETTINGS.outboundAllow,
      INSTANCE_SETTINGS.instanceCredentials,
      INSTANCE_SETTINGS.dnsServers,
      INSTANCE_SETTINGS.trustedProxyHops,
      INSTANCE_SETTINGS.rateLimits,
      INSTANCE_SETTINGS.computeTimeLimitSeconds,
      INSTANCE_SETTINGS.computeThreads,
      INSTANCE_SETTINGS.metricsToken,
      INSTANCE_SETTINGS.shutdownGraceSeconds,
    ]) {
      expect(problems.some((p) => p.includes(name))).toBe(true);
    }
    expect(() => assertInstanceSettings()).toThrow(/cannot start: instance settings are invalid/);
  });

  it("never prints the metrics token in its complaint", () => {
    unsetAll();
    vi.stubEnv(INSTANCE_SETTINGS.metricsToken, "short but secret");
    const [problem] = instanceSettingProblems();
    expect(problem).toMatch(/LAMBDAPLANE_METRICS_TOKEN must be at least 32 characters/);
    expect(problem).not.toContain("short but secret");
  });
});
