import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { definitionYaml } from "@/bench/stacks";
import { ActionError } from "@/server/auth/errors";
import { withRequestScope } from "@/server/ops/request-scope";
import { closeComputePool, runCompute, whenComputeIdle } from "./pool";

// Real worker threads, loaded through worker-entry.mjs exactly as under `next start`.
const SMALL = "resources:\n  api:\n    type: http-api-gateway\n";
const BIG = definitionYaml(40);
const job = (organizationId: string) => ({ organizationId, doing: `Checking stack "s" of ${organizationId}` });

// The test configs give a loaded machine a generous limit; tests that need a tight one set and restore it.
const configuredLimit = process.env.LAMBDAPLANE_COMPUTE_TIME_LIMIT_SECONDS;
const restoreLimit = () => {
  if (configuredLimit === undefined) delete process.env.LAMBDAPLANE_COMPUTE_TIME_LIMIT_SECONDS;
  else process.env.LAMBDAPLANE_COMPUTE_TIME_LIMIT_SECONDS = configuredLimit;
};
beforeAll(whenComputeIdle, 120_000);
afterEach(restoreLimit);
afterAll(closeComputePool);

describe("runCompute", () => {
  it("runs a task in a worker thread and returns its result", async () => {
    const result = await runCompute("analyze", [SMALL, { spec: true }], job("org-a"));
    expect(result.definition?.resources.api.type).toBe("http-api-gateway");
  }, 120_000);

  it("stops a job past the time limit with a message naming it, and the pool keeps working", async () => {
    await runCompute("analyze", [SMALL, {}], job("org-a")); // workers warm
    process.env.LAMBDAPLANE_COMPUTE_TIME_LIMIT_SECONDS = "0.02";
    const error = await runCompute("previewStack", [BIG, {}, "s"], job("org-a")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ActionError);
    expect((error as ActionError).status).toBe(422);
    expect((error as ActionError).message).toBe('Checking stack "s" of org-a took longer than 0.02 s and was stopped. Make the definition smaller (fewer resources or keys) and try again.');
    // A job that is not about the definition says what to make smaller instead (packaging: the code).
    const packaging = await runCompute("previewStack", [BIG, {}, "s"], { ...job("org-a"), smaller: "the functions' code smaller" }).catch((e: unknown) => e);
    expect((packaging as ActionError).message).toMatch(/took longer than 0\.02 s and was stopped\. Make the functions' code smaller and try again\.$/);
    restoreLimit();
    expect((await runCompute("analyze", [SMALL, {}], job("org-a"))).diagnostics).toEqual([]);
  }, 30_000);

  it("lets another organization's small job finish while one organization's big jobs queue", async () => {
    await whenComputeIdle(); // the worker stopped by the previous test is replaced
    const finished: string[] = [];
    const big = [1, 2, 3].map((i) => runCompute("previewStack", [BIG, {}, "s"], job("org-big")).then(() => finished.push(`big${i}`)));
    const small = runCompute("analyze", [SMALL, {}], job("org-small")).then(() => finished.push("small"));
    await Promise.all([...big, small]);
    expect(finished[0]).toBe("small");
  }, 120_000);

  it("refuses an organization's job with 429 when too many of its jobs wait", async () => {
    const jobs = Array.from({ length: 6 }, () => runCompute("analyze", [BIG, {}], job("org-flood")).then(() => "ok", (e: unknown) => e));
    const outcomes = await Promise.all(jobs);
    const refused = outcomes.filter((o) => o instanceof ActionError);
    expect(refused).toHaveLength(1);
    expect((refused[0] as ActionError).status).toBe(429);
    expect((refused[0] as ActionError).message).toMatch(/5 stack checks of this organization are already running or waiting/);

    // A patient job (the deploy worker's) waits behind them instead.
    const flood = Array.from({ length: 5 }, () => runCompute("analyze", [BIG, {}], job("org-flood")).then(() => "ok", (e: unknown) => e));
    const patient = runCompute("analyze", [SMALL, {}], { ...job("org-flood"), patient: true }).then(() => "ok", (e: unknown) => e);
    expect(await Promise.all(flood)).toEqual(["ok", "ok", "ok", "ok", "ok"]);
    expect(await patient).toBe("ok");
  }, 120_000);

  it("refuses a person's job with 429 when too many of theirs wait, across the organizations they own; others' jobs run", async () => {
    const as = <T>(userId: string, run: () => Promise<T>) => withRequestScope({ requestId: `test-${userId}`, userId }, run);
    const mine = Array.from({ length: 6 }, (_, i) => as("owner-of-many", () => runCompute("analyze", [BIG, {}], job(`org-owned-${i}`))).then(() => "ok", (e: unknown) => e));
    const theirs = as("someone-else", () => runCompute("analyze", [SMALL, {}], job("org-theirs"))).then(() => "ok", (e: unknown) => e);
    const outcomes = await Promise.all(mine);
    const refused = outcomes.filter((o) => o instanceof ActionError);
    expect(refused).toHaveLength(1);
    expect((refused[0] as ActionError).status).toBe(429);
    expect((refused[0] as ActionError).message).toMatch(/5 stack checks of yours are already running or waiting/);
    expect(await theirs).toBe("ok");
  }, 120_000);
});
