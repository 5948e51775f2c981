// npm run bench:hostile: each hostile input of issue 14 against the REST API's route handlers
// (server/api/test-server.ts: the same handlers, compute pool and database code `next start` runs),
// timing its answer, while an unrelated request of another organization (GET /api/v1/stacks) is sent
// over and over; its p95 is compared with the same request's p95 without hostile load, in this run.
// The editor's preview is a server action (not served here): it is measured by running the
// action's work, runCompute("previewStack"), in this same process, as the action does.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/server/db/generated/client";
import { seedOrganization } from "@/server/deploy/test-support";
import { scratchDatabase } from "./scratch-database";

const UNRELATED_BASELINE_RUNS = 40;
const MIN_SAMPLES_DURING = 5;

const p95 = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)];
};

function hostileInputs(): { name: string; kind: "put" | "preview" | "raw"; body: string }[] {
  const keys = ["resources:", ...Array.from({ length: 60_000 }, (_, i) => `  res_${String(i).padStart(5, "0")}: 1`)].join("\n");
  const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let level = 1; level < 10; level++) {
    const prev = String.fromCharCode(96 + level);
    const next = String.fromCharCode(97 + level);
    laughs.push(`${next}: &${next} [${Array(10).fill(`*${prev}`).join(",")}]`);
  }
  laughs.push("resources: *j");
  const tenThousand = ["resources:", ...Array.from({ length: 10_000 }, (_, i) => `  q${i}:\n    type: bucket`)].join("\n");
  return [
    { name: "60k keys, 0.9 MB (REST PUT)", kind: "put", body: keys },
    { name: "60k keys, 0.9 MB (preview)", kind: "preview", body: keys },
    { name: "1,000-deep flow nesting (REST PUT)", kind: "put", body: `resources: ${"[".repeat(1000)}1${"]".repeat(1000)}` },
    { name: "100k-level nesting (REST PUT)", kind: "put", body: `resources: ${"[".repeat(100_000)}1${"]".repeat(100_000)}` },
    { name: "billion laughs (REST PUT)", kind: "put", body: laughs.join("\n") },
    { name: "1 MB single-line value (REST PUT)", kind: "put", body: `resources:\n  f:\n    type: bucket\n    x: "${"x".repeat(999_000)}"` },
    { name: "10k resources (REST PUT)", kind: "put", body: tenThousand },
    { name: "20 MB JSON body (REST PUT)", kind: "raw", body: JSON.stringify({ baseRevision: 1, yaml: "x".repeat(20 * 1024 * 1024) }) },
  ];
}

async function main() {
  const database = await scratchDatabase();
  process.env.DATABASE_URL = database.url;
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
  const { createApiToken } = await import("@/server/tokens/mutations");
  const { startApiServer } = await import("@/server/api/test-server");
  const { closeComputePool, runCompute, whenComputeIdle } = await import("@/server/compute/pool");
  const { ActionError } = await import("@/server/auth/errors");

  const hostileOrg = await seedOrganization(prisma, "hostile");
  const otherOrg = await seedOrganization(prisma, "other");
  const target = await prisma.stack.create({ data: { organizationId: hostileOrg.org.id, name: "target" } });
  await prisma.stackRevision.create({ data: { stackId: target.id, number: 1, yaml: "resources: {}\n", definition: {} } });
  await prisma.stack.create({ data: { organizationId: otherOrg.org.id, name: "payroll" } });
  const token = async (org: typeof hostileOrg, scopes: ("read" | "deploy")[]) =>
    (await createApiToken(prisma, org.org.id, { name: "bench", scopes, expiresInDays: 1 }, org.owner.id)).token;
  const hostileAuth = { authorization: `Bearer ${await token(hostileOrg, ["deploy"])}`, "content-type": "application/json" };
  const otherAuth = { authorization: `Bearer ${await token(otherOrg, ["read"])}` };

  const server = await startApiServer();
  await whenComputeIdle();
  const unrelated = async () => {
    const started = performance.now();
    const res = await fetch(`${server.url}/api/v1/stacks`, { headers: otherAuth });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`unrelated request answered ${res.status}`);
    return performance.now() - started;
  };
  for (let i = 0; i < 5; i++) await unrelated();
  const baseline: number[] = [];
  for (let i = 0; i < UNRELATED_BASELINE_RUNS; i++) baseline.push(await unrelated());
  const baseP95 = p95(baseline);
  console.log(`unrelated GET /api/v1/stacks without hostile load: p95 ${baseP95.toFixed(1)} ms (${UNRELATED_BASELINE_RUNS} runs)\n`);
  console.log("| input | answer | time to answer | unrelated p95 during | ratio | samples |");
  console.log("|---|---|---|---|---|---|");

  for (const input of hostileInputs().filter((i) => !process.env.ONLY || i.name.includes(process.env.ONLY))) {
    const started = performance.now();
    let done = false;
    const send = async (): Promise<string> => {
      if (input.kind === "preview") {
        try {
          const preview = await runCompute("previewStack", [input.body, {}, "target"], { organizationId: hostileOrg.org.id, doing: 'Previewing stack "target"' });
          return `200 (${preview.diagnostics.length} diagnostics)`;
        } catch (e) {
          if (e instanceof ActionError) return `${e.status}: ${e.message.slice(0, 80)}`;
          throw e;
        }
      }
      const body = input.kind === "raw" ? input.body : JSON.stringify({ baseRevision: 1, yaml: input.body });
      const res = await fetch(`${server.url}/api/v1/stacks/target/yaml`, { method: "PUT", headers: hostileAuth, body });
      const json = (await res.json()) as { error?: string };
      return `${res.status}: ${(json.error ?? "").slice(0, 80)}`;
    };
    const answer = send().finally(() => (done = true));
    const during: number[] = [];
    while (!done || during.length < MIN_SAMPLES_DURING) during.push(await unrelated());
    const outcome = await answer;
    const elapsed = performance.now() - started;
    const duringP95 = p95(during);
    console.log(`| ${input.name} | ${outcome.replaceAll("|", "\\|")} | ${(elapsed / 1000).toFixed(2)} s | ${duringP95.toFixed(1)} ms | ${(duringP95 / baseP95).toFixed(1)}x | ${during.length} |`);
    await whenComputeIdle();
  }

  await server.stop();
  await closeComputePool();
  await prisma.$disconnect();
  await database.drop();
  await database.stop();
}

await main();
