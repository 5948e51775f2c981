// Benchmark of the deploy pipeline against a real moto server:
//   1. packaging 50 TypeScript functions (esbuild + deterministic zip), then uploading them: cold
//      (empty artifacts bucket) and with every hash already uploaded (HeadObject only);
//   2. the time from the click (the startDeployment action) to the first events a browser's
//      stream would get: the worker picking the job up, and CloudFormation's first stack event.
// Run: npx tsx --conditions=react-server server/deploy/deploy.bench.ts
// (DATABASE_URL names a PostgreSQL server to create a scratch database on; else the embedded one.)
import { randomBytes } from "node:crypto";
import pg from "pg";
import { startMoto } from "@/e2e/moto/moto-server";
import { asUser } from "@/server/actions/test-session";
import { startDeployment } from "@/server/actions/deployments/start-deployment";
import { awsClients } from "@/server/aws/clients";
import { db } from "@/server/db/client";
import { scratchDatabase } from "@/bench/scratch-database";
import { ensureArtifactsBucket } from "@/server/package/artifacts-bucket";
import { packageStack } from "@/server/package/package-stack";
import { codeKey } from "@/server/package/code-locations";
import { uploadIfMissing } from "@/server/package/upload";
import type { StackDefinition } from "@/lib/stack/schema";
import { deploymentChannel, quoteChannel } from "./channels";
import { stopDeployQueue } from "./queue";
import { shopYaml, SHOP_CODE } from "@/e2e/moto/shop-stack";
import { addRevision, seedOrganization } from "./test-support";
import { startDeployWorker } from "./worker";
import { allowAwsEmulator } from "@/server/aws/test-support";

const FUNCTIONS = 50;
const REGION = "eu-west-1";
const RUNS = 5;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => `${x.toFixed(0)} ms`;

function fiftyFunctions(): { definition: StackDefinition; code: Record<string, string> } {
  const resources: Record<string, unknown> = {};
  const code: Record<string, string> = {
    "src/lib/http.ts": `export const json = (status: number, body: unknown) => ({ statusCode: status, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });\n`,
    "src/lib/validate.ts": `export function required(o: Record<string, unknown>, keys: string[]): string[] {\n  return keys.filter((k) => o[k] === undefined || o[k] === null || o[k] === "");\n}\n`,
  };
  for (let i = 0; i < FUNCTIONS; i++) {
    resources[`fn${i}`] = { type: "function", properties: { packaging: { type: "stacktape-lambda-buildpack", properties: { entryfilePath: `src/fn${i}.ts` } } } };
    code[`src/fn${i}.ts`] =
      `import { json } from "./lib/http";\nimport { required } from "./lib/validate";\n` +
      `export default async (event: { body?: string }) => {\n  const input = JSON.parse(event.body ?? "{}") as Record<string, unknown>;\n` +
      `  const missing = required(input, ["id", "name"]);\n  return missing.length ? json(400, { missing }) : json(200, { handler: ${i}, input });\n};\n`;
  }
  return { definition: { resources } as StackDefinition, code };
}

async function packagingBench(endpoint: string) {
  const { definition, code } = fiftyFunctions();
  const aws = awsClients({ credentialType: "default_chain", roleArn: null, externalId: null, endpoint }, REGION, { maxAttempts: 1 });
  const bucket = await ensureArtifactsBucket(aws.cloudFormation, { region: REGION, pollMs: 100 });
  const upload = async (packages: Awaited<ReturnType<typeof packageStack>>["packages"]) => {
    const results = await Promise.all(
      packages.map((p) =>
        uploadIfMissing(aws.s3, bucket, { key: codeKey(p.sha256), body: p.zip, sha256Base64: Buffer.from(p.sha256, "hex").toString("base64"), contentType: "application/zip" }),
      ),
    );
    return results.filter((r) => r === "uploaded").length;
  };
  const timed = async () => {
    const t0 = performance.now();
    const { packages, diagnostics } = await packageStack(definition, code);
    if (diagnostics.length) throw new Error(diagnostics.map((d) => d.message).join("\n"));
    const t1 = performance.now();
    const uploaded = await upload(packages);
    return { packageMs: t1 - t0, uploadMs: performance.now() - t1, uploaded, bytes: packages.reduce((n, p) => n + p.zippedBytes, 0) };
  };
  const cold = await timed();
  const warm: Awaited<ReturnType<typeof timed>>[] = [];
  for (let i = 0; i < RUNS; i++) warm.push(await timed());
  console.log(`\nPackaging ${FUNCTIONS} TypeScript functions (esbuild bundle + deterministic zip), moto S3 at ${endpoint}`);
  console.log(`  cold (first build, empty bucket): package ${ms(cold.packageMs)}, upload ${ms(cold.uploadMs)} (${cold.uploaded} uploaded, ${(cold.bytes / 1024).toFixed(0)} KiB zipped)`);
  console.log(
    `  every hash uploaded (median of ${RUNS}): package ${ms(median(warm.map((w) => w.packageMs)))}, upload check ${ms(median(warm.map((w) => w.uploadMs)))} (${warm.map((w) => w.uploaded).join("/")} uploaded)`,
  );
}

async function clickToEventBench(endpoint: string, databaseUrl: string) {
  const prisma = db();
  const people = await seedOrganization(prisma, `bench${randomBytes(3).toString("hex")}`);
  const stack = await prisma.stack.create({ data: { organizationId: people.org.id, name: "shop" } });
  const connection = await prisma.awsConnection.create({ data: { organizationId: people.org.id, name: "moto", defaultRegion: REGION, credentialType: "default_chain", endpoint } });
  const stage = await prisma.stage.create({ data: { stackId: stack.id, name: "bench", region: REGION, awsConnectionId: connection.id } });
  const worker = await startDeployWorker({ log: () => undefined });
  const listener = new pg.Client({ connectionString: databaseUrl });
  await listener.connect();
  const rows: { pickup: number; firstCfn: number; done: number }[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      await addRevision(prisma, stack.id, shopYaml(256 + 64 * run), SHOP_CODE);
      const t0 = performance.now();
      const started = await asUser(people.deployer, () => startDeployment({ orgSlug: people.org.slug, stageId: stage.id }));
      if (!started.ok) throw new Error(started.error);
      const id = started.data.deploymentId;
      const channel = deploymentChannel(id);
      await listener.query(`LISTEN ${quoteChannel(channel)}`);
      const times: Partial<(typeof rows)[number]> = {};
      await new Promise<void>((resolve, reject) => {
        const check = async () => {
          const events = await prisma.deploymentEvent.findMany({ where: { deploymentId: id }, orderBy: { id: "asc" } });
          const now = performance.now() - t0;
          if (times.pickup === undefined && events.some((e) => e.eventKey === "status:packaging")) times.pickup = now;
          if (times.firstCfn === undefined && events.some((e) => e.kind === "resource")) times.firstCfn = now;
          const d = await prisma.deployment.findUniqueOrThrow({ where: { id } });
          if (d.finishedAt) {
            times.done = now;
            if (d.status !== "succeeded") reject(new Error(`deployment ${d.status}: ${d.error}`));
            else resolve();
          }
        };
        listener.on("notification", (n) => {
          if (n.channel === channel) check().catch(reject);
        });
        check().catch(reject);
      });
      listener.removeAllListeners("notification");
      await listener.query(`UNLISTEN ${quoteChannel(channel)}`);
      rows.push(times as (typeof rows)[number]);
    }
  } finally {
    await listener.end();
    await worker.stop();
  }
  console.log(`\nClick (startDeployment action) to events on the deployment's NOTIFY channel, in-process worker, moto (median of ${RUNS})`);
  console.log(`  worker picked the job up (status packaging): ${ms(median(rows.map((r) => r.pickup)))}`);
  console.log(`  first CloudFormation stack event:            ${ms(median(rows.map((r) => r.firstCfn)))}`);
  console.log(`  deployment succeeded:                        ${ms(median(rows.map((r) => r.done)))}`);
}

const moto = await startMoto();
allowAwsEmulator(moto.endpoint);
const database = await scratchDatabase();
process.env.DATABASE_URL = database.url;
process.env.LAMBDAPLANE_ENCRYPTION_KEY ??= "cd".repeat(32);
try {
  await packagingBench(moto.endpoint);
  await clickToEventBench(moto.endpoint, database.url);
} finally {
  await stopDeployQueue();
  await db().$disconnect();
  await database.drop();
  await database.stop();
  await moto.stop();
}
