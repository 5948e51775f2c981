import { describe, expect, it } from "vitest";
import { singleFlight, type FlightSlot } from "./single-flight";

describe("singleFlight", () => {
  it("does not start a second call made while the first is running: both get the first's result", async () => {
    const slot: FlightSlot<string> = { current: null };
    let calls = 0;
    let release!: (v: string) => void;
    const run = () => {
      calls += 1;
      return new Promise<string>((r) => (release = r));
    };
    const first = singleFlight(slot, run);
    const second = singleFlight(slot, run);
    expect(calls).toBe(1);
    release("created");
    expect(await Promise.all([first, second])).toEqual(["created", "created"]);
    expect(slot.current).toBeNull();
  });

  it("starts the next call once the previous one has finished, also when it failed", async () => {
    const slot: FlightSlot<number> = { current: null };
    let calls = 0;
    await expect(singleFlight(slot, async () => { calls += 1; throw new Error("network"); })).rejects.toThrow("network");
    expect(await singleFlight(slot, async () => (calls += 1))).toBe(2);
  });
});
