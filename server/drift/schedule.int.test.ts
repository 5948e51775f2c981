import { afterAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/server/db/test-database";
import { deployQueue, stopDeployQueue } from "@/server/deploy/queue";
import { DRIFT_QUEUE, startDriftScheduler } from "./schedule";

// The scheduler's set-up on a real pg-boss: its queue exists and one sweep schedule is registered,
// however many processes start it. (The sweep itself is tested against moto in drift-moto.int.test.ts.)

setupTestDatabase();

afterAll(async () => {
  await stopDeployQueue();
});

describe("startDriftScheduler", () => {
  it("creates the drift queue and registers one schedule, also when started twice", async () => {
    const first = await startDriftScheduler();
    const second = await startDriftScheduler();
    const boss = await deployQueue();
    expect(await boss.getQueue(DRIFT_QUEUE)).toMatchObject({ name: DRIFT_QUEUE });
    const schedules = await boss.getSchedules();
    expect(schedules.filter((s) => s.name === DRIFT_QUEUE)).toHaveLength(1);
    await first.stop();
    await second.stop();
  }, 60_000);
});
