import { describe, expect, it } from "vitest";
import { driftFingerprint } from "./fingerprint";

const memory = { resource: "ApiFunction", property: "MemorySize", deployed: 256, live: 1024 };
const env = { resource: "ApiFunction", property: "Environment.MODE", deployed: "normal", live: "incident" };

describe("driftFingerprint", () => {
  it("is the same for the same drift set in any order", () => {
    expect(driftFingerprint([memory, env])).toBe(driftFingerprint([env, memory]));
  });

  it("differs when a live value, a property or the set changes", () => {
    const base = driftFingerprint([memory]);
    expect(driftFingerprint([{ ...memory, live: 2048 }])).not.toBe(base);
    expect(driftFingerprint([memory, env])).not.toBe(base);
    expect(driftFingerprint([{ ...memory, property: "Timeout" }])).not.toBe(base);
  });
});
