import "server-only";
import { availableParallelism } from "node:os";
import { MessageChannel } from "node:worker_threads";
import path from "node:path";
import { Piscina } from "piscina";
import { ActionError } from "@/server/auth/errors";
import { REPO_ROOT } from "@/server/db/paths";
import { computeThreads, computeTimeLimitSeconds } from "@/server/instance/settings";
import { BusyError, TurnGate } from "./turn-gate";
import type { ComputeTasks } from "./tasks";
import { log } from "@/server/ops/log";
import { currentRequestScope } from "@/server/ops/request-scope";

// CPU-heavy work on user input (parse, validate, render, preview, cost, import) runs here, in a
// pool of worker threads, so the web server's event loop keeps answering everyone else. Each job
// has a time limit (a job past it is aborted and its worker replaced), the pool's queue is bounded
// (503 when full), and TurnGates keep one organization, and one person, from holding more than one worker.

const ENTRY = path.join(REPO_ROOT, "server/compute/worker-entry.mjs");
/**
 * One job per organization in the pool, and per person (who may own several organizations): with two
 * or more workers, another organization always finds one, and no one fills the pool's queue alone.
 */
const TURN_LIMITS = { inFlight: 1, waiting: 4 };
/** Jobs waiting for a worker, per worker, before new ones are refused. */
const QUEUE_PER_THREAD = 8;

interface Compute {
  pool: Piscina;
  organizations: TurnGate;
  people: TurnGate;
  /** Workers that have loaded their tasks (worker-entry.mjs says so; piscina's own ready mark comes before that). */
  loaded: number;
}

// One pool per process; kept on globalThis so `next dev` reloading this module does not start another.
const holder = globalThis as typeof globalThis & { __lambdaplaneCompute?: Compute };

function compute(): Compute {
  if (!holder.__lambdaplaneCompute) {
    const threads = computeThreads(availableParallelism());
    const pool = new Piscina({
      filename: ENTRY,
      minThreads: threads,
      maxThreads: threads,
      maxQueue: threads * QUEUE_PER_THREAD,
      // The tasks import modules marked "server-only"; that guard must see the server condition.
      execArgv: ["--conditions=react-server"],
    });
    const created: Compute = { pool, organizations: new TurnGate(TURN_LIMITS, "of this organization"), people: new TurnGate(TURN_LIMITS, "of yours"), loaded: 0 };
    pool.on("message", (message: unknown) => {
      if (typeof message === "object" && message !== null && "lambdaplaneWorkerLoaded" in message) created.loaded++;
    });
    pool.on("workerDestroy", () => created.loaded--);
    holder.__lambdaplaneCompute = created;
  }
  return holder.__lambdaplaneCompute;
}

export interface ComputeJob {
  /** Whose job it is: at most one of an organization's jobs runs at a time. */
  organizationId: string;
  /** What the job does, as the user knows it, e.g. `Previewing stack "orders"`. */
  doing: string;
  /** What to make smaller when the job takes too long; the definition (its resources or keys) unless said. */
  smaller?: string;
  /**
   * Waits its turn however many of the organization's jobs wait, instead of a 429: the deploy
   * worker's jobs, which a person did not just click and which are one at a time per stage already.
   */
  patient?: boolean;
}

export type TaskName = keyof ComputeTasks;

/** The person's turn (when a request of theirs asks), then the organization's; both given back by the returned function. */
async function takeTurns({ organizations, people }: Compute, job: ComputeJob): Promise<() => void> {
  const person = currentRequestScope()?.userId;
  let leavePerson = () => {};
  try {
    // Person first, organization second, always: no two jobs can each hold what the other waits for.
    if (person !== undefined && !job.patient) leavePerson = await people.enter(person);
    const leaveOrganization = await organizations.enter(job.organizationId, { patient: job.patient });
    return () => {
      leaveOrganization();
      leavePerson();
    };
  } catch (e) {
    leavePerson();
    if (e instanceof BusyError) throw new ActionError(429, `${job.doing} has to wait: ${e.message}. Try again in a few seconds.`);
    throw e;
  }
}

/** Runs a task of tasks.ts in a worker; ActionErrors (422 too slow, 429 organization or person busy, 503 pool full) otherwise. */
export async function runCompute<K extends TaskName>(name: K, args: Parameters<ComputeTasks[K]>, job: ComputeJob): Promise<Awaited<ReturnType<ComputeTasks[K]>>> {
  const current = compute();
  const { pool } = current;
  const release = await takeTurns(current, job);
  const seconds = computeTimeLimitSeconds();
  // The clock starts when a worker takes the job (it says so on `started`): time spent waiting
  // for a worker, or for a replaced one to load, is not the job's.
  const stop = new AbortController();
  const { port1: started, port2: startedInWorker } = new MessageChannel();
  let timer: NodeJS.Timeout | undefined;
  started.once("message", () => {
    timer = setTimeout(() => stop.abort(), seconds * 1000);
  });
  try {
    return await pool.run({ name, args, started: startedInWorker }, { signal: stop.signal, transferList: [startedInWorker] });
  } catch (e) {
    if (e instanceof Error && e.name === "AbortError") {
      throw new ActionError(422, `${job.doing} took longer than ${seconds} s and was stopped. Make ${job.smaller ?? "the definition smaller (fewer resources or keys)"} and try again.`);
    }
    if (e instanceof Error && /queue is at limit/i.test(e.message)) {
      throw new ActionError(503, `The server is busy checking other stacks; ${job.doing.toLowerCase()} was not started. Try again in a few seconds.`);
    }
    throw e;
  } finally {
    clearTimeout(timer);
    started.close();
    release();
  }
}

/** Resolves once every worker has loaded its tasks and none is busy (server start, tests and benchmarks start from a warm pool). */
export async function whenComputeIdle(): Promise<void> {
  const current = compute();
  const { pool } = current;
  while (current.loaded < pool.maxThreads || pool.idleThreads < pool.maxThreads) await new Promise((resolve) => setTimeout(resolve, 50));
}

/**
 * Starts the workers and waits (at most `waitMs`) until they have loaded, so the first request
 * after a start does not pay for loading them (about 3 s: compiling the tasks, loading the
 * CloudFormation spec). A pool still loading after that serves requests as its workers come up.
 */
export async function startComputePool(waitMs = 60_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const waited = await Promise.race([
    whenComputeIdle().then(() => true),
    new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), waitMs))),
  ]);
  clearTimeout(timer);
  if (!waited) log.error(`compute: the workers had not loaded after ${waitMs / 1000} s; serving while they load`);
}

/** Stops the workers (tests, and processes that exit on their own). */
export async function closeComputePool(): Promise<void> {
  const current = holder.__lambdaplaneCompute;
  holder.__lambdaplaneCompute = undefined;
  await current?.pool.destroy();
}
