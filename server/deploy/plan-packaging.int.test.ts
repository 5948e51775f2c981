import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { asUser } from "@/server/actions/test-session";
import { createApiToken } from "@/server/actions/tokens/create-api-token";
import { allowAwsEmulator } from "@/server/aws/test-support";
import { startApiServer } from "@/server/api/test-server";
import { closeComputePool, whenComputeIdle } from "@/server/compute/pool";
import { setupTestDatabase } from "@/server/db/test-database";
import { stopDeployQueue } from "./queue";
import { seedOrganization, TEST_ENCRYPTION_KEY } from "./test-support";

// A plan request's packaging as the security review's attack makes it (many Python functions over
// one folder, nested folders that each hold the same megabytes), over real HTTP and PostgreSQL: it is
// refused by the packaging limit with the function and the limit named, and the packaging runs in
// the compute pool while the web server's event loop keeps turning. The connection's AWS endpoint
// is a closed port: nothing here may get as far as AWS.

// Every zip this process (the web server) builds is counted: the plan's must be built in a worker.
const zips = vi.hoisted(() => ({ onTheLoop: 0 }));
vi.mock("@/server/package/zip", async (original) => {
  const actual = await original<typeof import("@/server/package/zip")>();
  return { ...actual, createZip: (entries: Parameters<typeof actual.createZip>[0]) => (zips.onTheLoop++, actual.createZip(entries)) };
});
// While a packaging job is in the pool, the event loop's 10 ms ticks are counted.
const packaging = vi.hoisted(() => ({ running: false, ticks: 0 }));
vi.mock("@/server/compute/pool", async (original) => {
  const actual = await original<typeof import("@/server/compute/pool")>();
  const run = actual.runCompute as (...call: unknown[]) => Promise<unknown>;
  const runCompute = async (...call: unknown[]) => {
    if (call[0] !== "packageCode") return run(...call);
    packaging.running = true;
    try {
      return await run(...call);
    } finally {
      packaging.running = false;
    }
  };
  return { ...actual, runCompute };
});

const database = setupTestDatabase();
let api: Awaited<ReturnType<typeof startApiServer>>;
let planToken: string;

beforeAll(async () => {
  process.env.LAMBDAPLANE_ENCRYPTION_KEY = TEST_ENCRYPTION_KEY;
  allowAwsEmulator("http://127.0.0.1:9");
  const people = await seedOrganization(database.prisma, "packco");
  const stack = await database.prisma.stack.create({ data: { organizationId: people.org.id, name: "heavy" } });
  const connection = await database.prisma.awsConnection.create({
    data: { organizationId: people.org.id, name: "closed", defaultRegion: "eu-west-1", credentialType: "default_chain", endpoint: "http://127.0.0.1:9" },
  });
  await database.prisma.stage.create({ data: { stackId: stack.id, name: "dev", region: "eu-west-1", awsConnectionId: connection.id } });
  const created = await asUser(people.owner, () => createApiToken({ orgSlug: people.org.slug, name: "pr-check", scopes: ["plan"], expiresInDays: 7 }));
  if (!created.ok) expect.fail(created.error);
  planToken = created.data.token;
  api = await startApiServer();
  await whenComputeIdle();
}, 120_000);

afterAll(async () => {
  await api?.stop();
  await stopDeployQueue();
  await closeComputePool();
});

const HANDLER = "def handler(event, context):\n    return 1\n";
/** Nested folders a/, a/b/, ... (`depth` of them) under the root. */
const chain = (depth: number) => Array.from({ length: depth }, (_, i) => `${"abcdefgh".slice(0, i + 1).split("").join("/")}/`);

function pythonFunction(name: string, entryfilePath: string): string {
  return `  ${name}:\n    type: function\n    properties:\n      packaging:\n        type: stacktape-lambda-buildpack\n        properties:\n          entryfilePath: ${entryfilePath}\n`;
}

/** Seven files of about 1 MB that deflate slowly (base64 of hashes), in `folder`. */
function megabytes(folder: string): Record<string, string> {
  const file = (n: number) => {
    const chunks = Array.from({ length: 23_500 }, (_, i) => createHash("sha256").update(`${n}:${i}`).digest());
    return Buffer.concat(chunks).toString("base64").slice(0, 999_000);
  };
  return Object.fromEntries(Array.from({ length: 7 }, (_, n) => [`${folder}data${n}.txt`, file(n)]));
}

/** POSTs a plan of the draft, counting the event loop's turns (10 ms ticks) while its packaging runs. */
async function plan(functions: [string, string][], code: Record<string, string>) {
  const yaml = `resources:\n${functions.map(([name, entry]) => pythonFunction(name, entry)).join("")}`;
  packaging.ticks = 0;
  const ticker = setInterval(() => {
    if (packaging.running) packaging.ticks++;
  }, 10);
  try {
    const response = await fetch(`${api.url}/api/v1/stacks/heavy/plan`, {
      method: "POST",
      headers: { authorization: `Bearer ${planToken}`, "content-type": "application/json" },
      body: JSON.stringify({ stage: "dev", yaml, code }),
    });
    return { status: response.status, error: ((await response.json()) as { error?: string }).error ?? "", packagingTicks: packaging.ticks };
  } finally {
    clearInterval(ticker);
  }
}

describe("a plan's packaging", () => {
  it("is refused by the packaging limit, naming the function that crossed it, before anything reaches AWS", async () => {
    // 100 functions with their entry at the root (one archive now), and 7 nested folders with a
    // function each, every one holding the 7 MB at the bottom: the sixth package passes 40 MiB.
    const nested = chain(7);
    const functions: [string, string][] = [
      ...Array.from({ length: 100 }, (_, i): [string, string] => [`root${i}`, `root${i}.py`]),
      ...nested.map((folder, i): [string, string] => [`nested${i + 1}`, `${folder}nested${i + 1}.py`]),
    ];
    const code = { ...Object.fromEntries(functions.map(([, entry]) => [entry, HANDLER])), ...megabytes(nested.at(-1)!) };
    const refused = await plan(functions, code);
    expect(refused.status).toBe(422);
    expect(refused.error).toMatch(/^Packaging failed:\n/);
    expect(refused.error).toContain("nested5: not packaged: with this function the stack's packages take in more than 40 MiB of code together (the packaging limit;");
    expect(zips.onTheLoop).toBe(0);
  }, 120_000);

  it("zips in the compute pool while the event loop keeps turning", async () => {
    // Five packages of 7 MB within the limit, deflated; a function whose entry file is missing then
    // stops the plan at packaging, before the artifacts bucket is looked up.
    const nested = chain(4);
    const functions: [string, string][] = [["root", "root.py"], ...nested.map((folder, i): [string, string] => [`nested${i + 1}`, `${folder}nested${i + 1}.py`]), ["lost", "lost/lost.py"]];
    const code = { ...Object.fromEntries(functions.slice(0, -1).map(([, entry]) => [entry, HANDLER])), ...megabytes(nested.at(-1)!) };
    const failed = await plan(functions, code);
    expect(failed.status).toBe(422);
    expect(failed.error).toMatch(/^Packaging failed:\n.*lost: the entry file lost\/lost\.py is not in the stack's code/);
    expect(zips.onTheLoop).toBe(0);
    // The loop turned while about 35 MB were deflated: on the loop, no tick could fire meanwhile.
    expect(failed.packagingTicks).toBeGreaterThan(1);
  }, 120_000);
});
