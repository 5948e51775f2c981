import { describe, expect, it } from "vitest";
import { submitOnce } from "./submit-once";

const event = () => {
  const e = { prevented: 0, preventDefault: () => void (e.prevented += 1) };
  return e;
};

describe("submitOnce", () => {
  it("does not run a second submit made while the first is in flight, and prevents the browser's default for both", async () => {
    const busy = { current: false };
    let calls = 0;
    let release!: () => void;
    const submit = () => {
      calls += 1;
      return new Promise<void>((r) => (release = r));
    };
    const first = event();
    const second = event();
    const running = submitOnce(busy, submit, first);
    await submitOnce(busy, submit, second);
    expect(calls).toBe(1);
    expect([first.prevented, second.prevented]).toEqual([1, 1]);
    release();
    await running;
    expect(busy.current).toBe(false);
  });

  it("accepts the next submit once the previous one has finished, also when it failed", async () => {
    const busy = { current: false };
    let calls = 0;
    await expect(submitOnce(busy, async () => { calls += 1; throw new Error("network"); }, event())).rejects.toThrow("network");
    await submitOnce(busy, async () => void (calls += 1), event());
    expect(calls).toBe(2);
  });
});
