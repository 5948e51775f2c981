// Issue 19's chaos run: 2 `next start` web processes and 2 `npm run worker` processes on one
// PostgreSQL, 20 deployments over 10 stages through the REST API, while a random one of the four
// processes is killed with SIGKILL every few seconds and started again. Every deployment's events are
// followed live (Server-Sent Events, reconnecting with Last-Event-ID) by one client on each web
// process. Checked at the end: every deployment reached its real final state, every stored event is
// stored once and reached every client exactly once, and no stage ever had two CloudFormation
// operations at once (the CloudFormation double refuses and records an overlap, as CloudFormation
// refuses one). CloudFormation is the scripted double (e2e/moto/cloudformation-double.ts: moto has
// no in-progress phase to kill in) in front of a real moto for S3 and the artifacts stack.
// Loopback only; bounded: the run stops after RUN_LIMIT_MS whatever happened.
// Run: npx next build && npm run bench:chaos   (DATABASE_URL's server, else the embedded one)
import { loadavg } from "node:os";
import { randomInt } from "node:crypto";
import { PrismaClient } from "@/server/db/generated/client";
import { PrismaPg } from "@prisma/adapter-pg";
import { isGroupAlive, stopGroup } from "@/scripts/process-group";
import { seedApiToken, startOwnApp, killOwnApp, type OwnApp } from "@/e2e/crash-app";
import { E2E } from "@/e2e/env";
import { startCloudFormationDouble, type ScriptedEvent } from "@/e2e/moto/cloudformation-double";
import { startMoto } from "@/e2e/moto/moto-server";
import { SHOP_CODE, shopYaml } from "@/e2e/moto/shop-stack";
import { TERMINAL_STATUSES } from "@/lib/deploy/status";
import { startWorkerProcess, type WorkerProcess } from "@/server/deploy/test-worker-process";
import { scratchDatabase } from "./scratch-database";

const STAGES = 10;
const DEPLOYS_PER_STAGE = 2;
const KILL_EVERY_MS: [number, number] = [2_000, 5_000];
const RUN_LIMIT_MS = 8 * 60_000;
const REGION = "eu-west-1";
const WEB_PORTS = [3180, 3181];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const RESOURCES = ["jobsQueue", "WorkerRole", "CronRole", "WorkerLogGroup", "CronLogGroup", "WorkerFunction"];
const script = (verb: "CREATE" | "UPDATE"): ScriptedEvent[] => [
  { status: `${verb}_IN_PROGRESS`, reason: "User Initiated" },
  ...RESOURCES.flatMap((logicalId) => [
    { afterMs: 200, logicalId, resourceType: "AWS::Test::Resource", status: `${verb}_IN_PROGRESS` },
    { afterMs: 250, logicalId, resourceType: "AWS::Test::Resource", status: `${verb}_COMPLETE` },
  ]),
  ...(verb === "UPDATE" ? [{ afterMs: 100, status: "UPDATE_COMPLETE_CLEANUP_IN_PROGRESS" }] : []),
  { afterMs: 150, status: `${verb}_COMPLETE` },
];

interface Proc {
  name: string;
  start(): Promise<void>;
  kill(): Promise<void>;
  pid(): number | undefined;
}

/** `npm run worker` in a process group of its own (as the worker-process integration tests start it). */
function workerProc(name: string, databaseUrl: string, env: Record<string, string>): Proc {
  let worker: WorkerProcess | undefined;
  return {
    name,
    pid: () => worker?.child.pid,
    async start() {
      worker = await startWorkerProcess(databaseUrl, env, 120_000);
    },
    async kill() {
      const pgid = worker!.child.pid!;
      process.kill(-pgid, "SIGKILL");
      while (isGroupAlive(pgid)) await sleep(20);
    },
  };
}

function webProc(name: string, port: number, options: { databaseUrl: string; env: Record<string, string>; headers: Record<string, string> }): Proc {
  let app: OwnApp | undefined;
  return {
    name,
    pid: () => app?.child.pid,
    async start() {
      app = await startOwnApp({ port, databaseUrl: options.databaseUrl, env: options.env, readyPath: "/api/v1/stacks", headers: options.headers });
    },
    kill: () => killOwnApp(app!),
  };
}

interface ClientRecord {
  deploymentId: string;
  web: number;
  ids: string[];
  reconnects: number;
  ended: boolean;
}

/** Follows one deployment's events on one web process until its "end" event, reconnecting with Last-Event-ID. */
async function follow(record: ClientRecord, headers: Record<string, string>, stop: AbortSignal): Promise<void> {
  const url = `http://localhost:${WEB_PORTS[record.web]}/api/v1/deployments/${record.deploymentId}/events`;
  while (!record.ended && !stop.aborted) {
    try {
      const last = record.ids.at(-1);
      const answer = await fetch(url, { headers: { ...headers, accept: "text/event-stream", ...(last ? { "last-event-id": last } : {}) }, signal: stop });
      if (!answer.ok || !answer.body) throw new Error(`status ${answer.status}`);
      const decoder = new TextDecoder();
      let buffer = "";
      const reader = answer.body.getReader();
      for (let read = await reader.read(); !read.done; read = await reader.read()) {
        buffer += decoder.decode(read.value, { stream: true });
        let cut: number;
        while ((cut = buffer.indexOf("\n\n")) >= 0) {
          const message = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const field = (name: string) => message.split("\n").find((l) => l.startsWith(`${name}:`))?.slice(name.length + 1).trim();
          if (field("event") === "end") record.ended = true;
          else if (field("id") !== undefined) record.ids.push(field("id")!);
        }
      }
    } catch {
      // The web process was killed mid-stream or is restarting: reconnect below.
    }
    if (!record.ended) {
      record.reconnects++;
      await sleep(250);
    }
  }
}

async function main() {
  const startedAt = Date.now();
  const database = await scratchDatabase();
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
  const moto = await startMoto();
  const double = await startCloudFormationDouble({ upstream: moto.endpoint, region: REGION });
  const procs: Proc[] = [];
  const stopFollowing = new AbortController();
  try {
    const org = await prisma.organization.create({ data: { slug: "chaos", name: "Chaos" } });
    const owner = await prisma.user.create({ data: { email: "owner@chaos.test", memberships: { create: { organizationId: org.id, role: "owner" } } } });
    const stack = await prisma.stack.create({
      data: { organizationId: org.id, name: "shop", revisions: { create: { number: 1, yaml: shopYaml(256), definition: {}, code: SHOP_CODE, message: "chaos" } } },
    });
    const connection = await prisma.awsConnection.create({ data: { organizationId: org.id, name: "double", defaultRegion: REGION, credentialType: "default_chain", endpoint: double.endpoint } });
    const stages = Array.from({ length: STAGES }, (_, i) => `s${i}`);
    for (const stage of stages) {
      await prisma.stage.create({ data: { stackId: stack.id, name: stage, region: REGION, awsConnectionId: connection.id } });
      double.script(`shop-${stage}`, { onExecute: script("CREATE"), onUpdate: script("UPDATE") });
    }
    const token = await seedApiToken(prisma, org.id, owner.id, ["deploy"]);
    const headers = { authorization: `Bearer ${token}` };

    const settings = {
      LAMBDAPLANE_DEPLOY_POLL_MS: "100",
      LAMBDAPLANE_DEPLOY_SWEEP_MS: "1000",
      LAMBDAPLANE_OUTBOUND_ALLOW: [new URL(double.endpoint).host, new URL(moto.endpoint).host].join(","),
      LAMBDAPLANE_ALLOW_AWS_ENDPOINT_OVERRIDE: "1",
      LAMBDAPLANE_ALLOW_INSTANCE_CREDENTIALS: "1",
      // Plenty of API calls from one token in a few minutes.
      LAMBDAPLANE_RATE_LIMITS: "apiToken=100000/60",
    };
    procs.push(
      webProc("web-0", WEB_PORTS[0], { databaseUrl: database.url, env: { ...settings, LAMBDAPLANE_WORKER: "off" }, headers }),
      webProc("web-1", WEB_PORTS[1], { databaseUrl: database.url, env: { ...settings, LAMBDAPLANE_WORKER: "off" }, headers }),
      ...[0, 1].map((i) => workerProc(`worker-${i}`, database.url, { ...settings, LAMBDAPLANE_ENCRYPTION_KEY: E2E.secrets.encryptionKey, NEXTAUTH_SECRET: E2E.secrets.nextAuth })),
    );
    for (const p of procs) await p.start();
    console.log(`[chaos] 2 web + 2 worker processes up after ${((Date.now() - startedAt) / 1000).toFixed(1)} s; load ${loadavg()[0].toFixed(1)}`);

    // An API call goes to whichever web process answers, read whole: one of them may be down, or
    // killed while it answers, at any moment.
    async function api(path: string, init: RequestInit = {}): Promise<{ status: number; body: string }> {
      for (;;) {
        const web = randomInt(WEB_PORTS.length);
        try {
          const answer = await fetch(`http://localhost:${WEB_PORTS[web]}${path}`, { ...init, headers: { ...headers, "content-type": "application/json" } });
          const body = await answer.text();
          if (answer.status < 500) return { status: answer.status, body };
        } catch {
          // Connection refused or cut mid-answer: try again below.
        }
        await sleep(200);
      }
    }

    const clients: ClientRecord[] = [];
    const following: Promise<void>[] = [];
    const deployments: { stage: string; id: string; status?: string; ms: number }[] = [];
    async function runStage(stage: string) {
      for (let n = 0; n < DEPLOYS_PER_STAGE; n++) {
        const t0 = Date.now();
        const answer = await api("/api/v1/stacks/shop/deployments", { method: "POST", body: JSON.stringify({ stage }) });
        // A 409 naming a deployment in flight is this request's own: its first answer was cut by a kill.
        const inFlight = answer.status === 409 ? /deployment (\S+) \(/.exec(answer.body)?.[1] : undefined;
        if (answer.status !== 202 && !inFlight) throw new Error(`deploy of ${stage} answered ${answer.status}: ${answer.body}`);
        const deploymentId = inFlight ?? (JSON.parse(answer.body) as { deploymentId: string }).deploymentId;
        const record = { stage, id: deploymentId, status: undefined as string | undefined, ms: 0 };
        deployments.push(record);
        for (const web of [0, 1]) {
          const client: ClientRecord = { deploymentId, web, ids: [], reconnects: 0, ended: false };
          clients.push(client);
          following.push(follow(client, headers, stopFollowing.signal));
        }
        while (Date.now() - startedAt < RUN_LIMIT_MS) {
          const { status } = JSON.parse((await api(`/api/v1/deployments/${deploymentId}`)).body) as { status: string };
          if ((TERMINAL_STATUSES as readonly string[]).includes(status)) {
            record.status = status;
            break;
          }
          await sleep(300);
        }
        record.ms = Date.now() - t0;
      }
    }

    // A few seconds after the previous victim is back, a random process is killed and started again:
    // at most one of the four is down at a time, so deployments keep moving between kills.
    let chaosOn = true;
    const recoveries: number[] = [];
    const kills: string[] = [];
    const chaos = (async () => {
      while (chaosOn) {
        await sleep(randomInt(...KILL_EVERY_MS));
        if (!chaosOn) break;
        const victim = procs[randomInt(procs.length)];
        await victim.kill();
        kills.push(victim.name);
        const down = Date.now();
        await sleep(500);
        await victim.start();
        recoveries.push(Date.now() - down);
      }
    })();

    await Promise.all(stages.map(runStage));
    chaosOn = false;
    await chaos;
    // Clients still reconnecting after the last kill get a few seconds to read their "end".
    const settle = Date.now() + 30_000;
    while (clients.some((c) => !c.ended) && Date.now() < settle) await sleep(200);
    stopFollowing.abort();
    await Promise.allSettled(following);

    // The truth: what the database holds.
    let duplicatesStored = 0;
    let duplicatesDelivered = 0;
    let gaps = 0;
    let eventsStored = 0;
    for (const d of deployments) {
      const events = await prisma.deploymentEvent.findMany({ where: { deploymentId: d.id }, orderBy: { id: "asc" }, select: { id: true, eventKey: true } });
      eventsStored += events.length;
      const keys = events.map((e) => e.eventKey);
      duplicatesStored += keys.length - new Set(keys).size;
      const stored = events.map((e) => e.id.toString());
      for (const c of clients.filter((x) => x.deploymentId === d.id)) {
        duplicatesDelivered += c.ids.length - new Set(c.ids).size;
        const got = new Set(c.ids);
        gaps += stored.filter((id) => !got.has(id)).length;
      }
    }
    for (const d of deployments.filter((x) => x.status !== "succeeded")) {
      const row = await prisma.deployment.findUnique({ where: { id: d.id }, select: { status: true, error: true } });
      console.log(`[chaos] ${d.stage} ${d.id}: ${row?.status} ${row?.error ?? ""}`);
    }
    const statuses = deployments.reduce<Record<string, number>>((acc, d) => ((acc[d.status ?? "unfinished"] = (acc[d.status ?? "unfinished"] ?? 0) + 1), acc), {});
    const sorted = [...recoveries].sort((a, b) => a - b);
    const durations = deployments.map((d) => d.ms).sort((a, b) => a - b);
    const result = {
      deployments: deployments.length,
      statuses,
      kills: kills.length,
      killed: kills.reduce<Record<string, number>>((acc, k) => ((acc[k] = (acc[k] ?? 0) + 1), acc), {}),
      eventsStored,
      clients: clients.length,
      clientsEnded: clients.filter((c) => c.ended).length,
      reconnects: clients.reduce((s, c) => s + c.reconnects, 0),
      duplicatesStored,
      duplicatesDelivered,
      gaps,
      overlappingCloudFormationOperations: double.overlaps.length,
      executeChangeSetCalls: double.calls.filter((c) => c.action === "ExecuteChangeSet").length,
      restartMs: { median: sorted[Math.floor(sorted.length / 2)] ?? 0, max: sorted.at(-1) ?? 0 },
      deploymentMs: { median: durations[Math.floor(durations.length / 2)] ?? 0, max: durations.at(-1) ?? 0 },
      totalSeconds: Math.round((Date.now() - startedAt) / 1000),
      load: loadavg()[0].toFixed(1),
    };
    console.log(`[chaos] ${JSON.stringify(result, null, 2)}`);
    const ok =
      deployments.length === STAGES * DEPLOYS_PER_STAGE &&
      deployments.every((d) => d.status === "succeeded") &&
      result.clientsEnded === clients.length &&
      duplicatesStored === 0 &&
      duplicatesDelivered === 0 &&
      gaps === 0 &&
      double.overlaps.length === 0 &&
      result.executeChangeSetCalls === deployments.length;
    console.log(ok ? "[chaos] PASS" : "[chaos] FAIL");
    process.exitCode = ok ? 0 : 1;
  } finally {
    stopFollowing.abort();
    for (const p of procs) if (p.pid() && isGroupAlive(p.pid()!)) await stopGroup(p.pid()!, 5000);
    await double.stop();
    await moto.stop();
    await prisma.$disconnect();
    await database.drop();
    await database.stop();
  }
}

await main();
