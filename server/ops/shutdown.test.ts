import { afterEach, describe, expect, it, vi } from "vitest";
import { INSTANCE_SETTINGS } from "@/server/instance/settings";
import { openStreamCounts, trackStream } from "./open-streams";
import { RETRY_HINT_MS, shutDown, stopOnShutdown } from "./shutdown";

afterEach(() => vi.unstubAllEnvs());

describe("shutting a process down", () => {
  it("ends every open stream with the retry hint and stops every worker within the grace period, once", async () => {
    vi.stubEnv(INSTANCE_SETTINGS.shutdownGraceSeconds, "5");
    const ended: number[] = [];
    const untrack = [
      trackStream({ kind: "deployment", endForShutdown: (ms) => ended.push(ms) }),
      trackStream({ kind: "logs", endForShutdown: (ms) => ended.push(ms) }),
    ];
    expect(openStreamCounts()).toEqual({ deployment: 1, logs: 1 });
    const deployWorker = vi.fn(async () => 0);
    const failing = vi.fn(async () => Promise.reject(new Error("already gone")));
    stopOnShutdown("deploy-worker", deployWorker);
    stopOnShutdown("notification-worker", failing);

    await shutDown("SIGTERM");
    expect(ended).toEqual([RETRY_HINT_MS, RETRY_HINT_MS]);
    expect(deployWorker).toHaveBeenCalledWith(5_000);
    expect(failing).toHaveBeenCalledOnce();

    for (const u of untrack) u();
    expect(openStreamCounts()).toEqual({ deployment: 0, logs: 0 });
    await shutDown("SIGTERM");
    expect(deployWorker).toHaveBeenCalledOnce();
  });
});
