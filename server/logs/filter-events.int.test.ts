import { CreateLogGroupCommand, CreateLogStreamCommand, PutLogEventsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allowAwsEmulator } from "@/server/aws/test-support";
import { startMoto, type MotoServer } from "@/e2e/moto/moto-server";
import { cloudWatchLogsClient } from "@/server/aws/clients";
import { setupTestDatabase } from "@/server/db/test-database";
import { seedOrganization } from "@/server/deploy/test-support";
import type { LogTarget } from "@/lib/logs/types";
import { filterLogEvents } from "./filter-events";
import { findLogSource, listStageLogs } from "./queries";

// FilterLogEvents against a REAL moto server (python3 -m moto.server): merging groups newest first,
// nextToken inside a window, a group that does not exist. Paging like AWS's own (short pages, interleaved
// streams) is in filter-events.property.test.ts. moto filters with plain terms only, so patterns are covered
// as far as a term goes; AWS's own pattern errors are mapped in filter-events.test.ts.

const database = setupTestDatabase();
let moto: MotoServer;
const REGION = "eu-west-1";
const connection = () => ({ credentialType: "default_chain" as const, roleArn: null, externalId: null, endpoint: moto.endpoint });
const logs = () => cloudWatchLogsClient(connection(), REGION, { maxAttempts: 1 });
const target = (name: string): LogTarget => ({ name, physicalName: `shop-dev-${name}`, logGroupName: `/aws/lambda/shop-dev-${name}` });
const NOW = Date.now();

async function write(fn: LogTarget, events: { at: number; message: string }[]) {
  await logs().send(new CreateLogGroupCommand({ logGroupName: fn.logGroupName })).catch(() => undefined);
  const logStreamName = `s${Math.random().toString(16).slice(2)}`;
  await logs().send(new CreateLogStreamCommand({ logGroupName: fn.logGroupName, logStreamName }));
  await logs().send(new PutLogEventsCommand({ logGroupName: fn.logGroupName, logStreamName, logEvents: events.map((e) => ({ timestamp: e.at, message: e.message })) }));
}

beforeAll(async () => {
  moto = await startMoto();
  allowAwsEmulator(moto.endpoint, "http://127.0.0.1:1");
  await write(target("api"), [
    { at: NOW - 50_000, message: "api one" },
    { at: NOW - 30_000, message: "api two ERROR" },
    { at: NOW - 10_000, message: "api three" },
  ]);
  await write(target("worker"), [
    // Older than the first one-hour slice: read by "load older".
    { at: NOW - 3 * 3600_000, message: "worker old" },
    { at: NOW - 40_000, message: "worker one" },
    { at: NOW - 20_000, message: "worker two ERROR" },
  ]);
}, 60_000);
afterAll(async () => {
  await moto?.stop();
});

describe("filterLogEvents against moto", () => {
  const q = (over: Partial<Parameters<typeof filterLogEvents>[1]> = {}) =>
    filterLogEvents(logs(), { functions: [target("api"), target("worker")], start: NOW - 6 * 3600_000, end: NOW, filterPattern: "", cursor: null, ...over });

  it("merges the functions' groups newest first, then loads older lines", async () => {
    const first = await q({ paging: { pageSize: 5 } });
    expect(first.lines.map((l) => `${l.functionName}:${l.message}`)).toEqual(["api:api three", "worker:worker two ERROR", "api:api two ERROR", "worker:worker one", "api:api one"]);
    expect(first.cursor).not.toBeNull();
    const older = await q({ cursor: first.cursor, paging: { pageSize: 5 } });
    expect(older).toMatchObject({ cursor: null, readFrom: NOW - 6 * 3600_000, start: NOW - 6 * 3600_000, end: NOW });
    expect(older.lines.map((l) => l.message)).toEqual(["worker old"]);
  });

  it("narrows by a term", async () => {
    const page = await q({ filterPattern: "ERROR" });
    expect(page.lines.map((l) => l.message)).toEqual(["worker two ERROR", "api two ERROR"]);
  });

  it("follows nextToken to the end of a window, and pages older from its oldest line", async () => {
    const first = await q({ functions: [target("api")], paging: { pageSize: 2, callLimit: 1 } });
    expect(first.lines.map((l) => l.message)).toEqual(["api three", "api two ERROR"]);
    const rest = await q({ functions: [target("api")], paging: { pageSize: 2, callLimit: 1 }, cursor: first.cursor });
    expect(rest.lines.map((l) => l.message)).toEqual(["api one"]);
  });

  it("reports a log group that does not exist as missing, not as an error", async () => {
    const page = await q({ functions: [target("never-invoked")] });
    expect(page).toMatchObject({ lines: [], missingLogGroups: ["/aws/lambda/shop-dev-never-invoked"], cursor: null });
  });

  it("refuses a cursor it did not issue, naming the field", async () => {
    await expect(q({ cursor: "garbage" })).rejects.toMatchObject({ status: 400, field: "cursor" });
  });
});

describe("log sources in the database", () => {
  it("lists a stage's deployed functions by the names the renderer gave them, and none for an undeployed stage", async () => {
    const people = await seedOrganization(database.prisma, "logsco");
    const stack = await database.prisma.stack.create({ data: { organizationId: people.org.id, name: "shop" } });
    const yaml = "resources:\n  api:\n    type: function\n    properties:\n      packaging:\n        type: stacktape-lambda-buildpack\n        properties:\n          entryfilePath: src/api.ts\n";
    const revision = await database.prisma.stackRevision.create({ data: { stackId: stack.id, number: 1, yaml, definition: {}, code: {} } });
    const conn = await database.prisma.awsConnection.create({ data: { organizationId: people.org.id, name: "moto", defaultRegion: REGION, credentialType: "default_chain", endpoint: "http://127.0.0.1:1" } });
    const dev = await database.prisma.stage.create({ data: { stackId: stack.id, name: "dev", region: REGION, awsConnectionId: conn.id, deployedStackName: "shop" } });
    await database.prisma.deployment.create({ data: { stageId: dev.id, revisionId: revision.id, status: "succeeded", cfnStackName: "shop-dev", finishedAt: new Date() } });
    await database.prisma.deployment.create({ data: { stageId: dev.id, revisionId: revision.id, status: "failed", cfnStackName: "shop-dev" } });
    await database.prisma.stage.create({ data: { stackId: stack.id, name: "prod", region: REGION, awsConnectionId: conn.id } });

    const stages = await listStageLogs(database.prisma, people.org.id, stack.id);
    expect(stages.map((s) => [s.name, s.deployedAt !== null, s.functions.map((f) => f.logGroupName)])).toEqual([
      ["dev", true, ["/aws/lambda/shop-dev-api"]],
      ["prod", false, []],
    ]);
    const other = await seedOrganization(database.prisma, "elsewhere");
    expect(await findLogSource(database.prisma, other.org.id, dev.id)).toBeNull();
    expect((await findLogSource(database.prisma, people.org.id, dev.id))?.connection?.endpoint).toBe("http://127.0.0.1:1");
  });
});
