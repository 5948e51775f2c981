import { beforeAll, describe, expect, it } from "vitest";
import { GET as streamEvents } from "@/app/api/orgs/[org]/deployments/[deploymentId]/events/route";
import { sessionCookie, TEST_NEXTAUTH_SECRET } from "@/server/actions/test-session";
import { setupTestDatabase } from "@/server/db/test-database";
import { appendEvents } from "./events";
import { moveTo } from "./store";
import { seedOrganization } from "./test-support";

// The SSE route: replay after Last-Event-ID, live events through LISTEN/NOTIFY, an end message.

const database = setupTestDatabase();
let people: Awaited<ReturnType<typeof seedOrganization>>;
let deploymentId: string;

type Message = { id?: string; event: string; data: Record<string, unknown> };

/** Reads SSE messages off a streaming response, one at a time. */
function reader(res: Response) {
  const r = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  return {
    /** What the server sees when the browser goes away: the response body is cancelled. */
    cancel: () => r.cancel(),
    async next(timeoutMs = 5000): Promise<Message | null> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const split = buffer.indexOf("\n\n");
        if (split >= 0) {
          const block = buffer.slice(0, split);
          buffer = buffer.slice(split + 2);
          if (block.startsWith(":")) continue;
          const fields = Object.fromEntries(block.split("\n").map((l) => [l.slice(0, l.indexOf(":")), l.slice(l.indexOf(":") + 2)]));
          return { id: fields.id, event: fields.event ?? "message", data: JSON.parse(fields.data) };
        }
        if (Date.now() > deadline) throw new Error("no SSE message in time");
        const chunk = await Promise.race([r.read(), new Promise<never>((_, reject) => setTimeout(() => reject(new Error("no SSE data in time")), deadline - Date.now()))]);
        if (chunk.done) return null;
        buffer += decoder.decode(chunk.value, { stream: true });
      }
    },
  };
}

async function open(headers: Record<string, string> = {}, signal?: AbortSignal, id = deploymentId) {
  process.env.NEXTAUTH_SECRET ??= TEST_NEXTAUTH_SECRET;
  const cookie = await sessionCookie(people.viewer);
  const req = new Request(`http://localhost/api/orgs/${people.org.slug}/deployments/${id}/events`, {
    headers: { cookie, ...headers },
    signal,
  });
  return streamEvents(req, { params: Promise.resolve({ org: people.org.slug, deploymentId: id }) });
}

beforeAll(async () => {
  people = await seedOrganization(database.prisma, "streamco");
  const stack = await database.prisma.stack.create({ data: { organizationId: people.org.id, name: "api" } });
  const revision = await database.prisma.stackRevision.create({ data: { stackId: stack.id, number: 1, yaml: "resources: {}\n", definition: {} } });
  const stage = await database.prisma.stage.create({ data: { stackId: stack.id, name: "dev", region: "eu-west-1" } });
  deploymentId = (await database.prisma.deployment.create({ data: { stageId: stage.id, revisionId: revision.id, activeStageId: stage.id, status: "executing" } })).id;
  await appendEvents(deploymentId, [
    { kind: "status", eventKey: "status:queued", status: "queued" },
    { kind: "resource", eventKey: "cfn:a", logicalId: "api-dev", status: "UPDATE_IN_PROGRESS" },
    { kind: "resource", eventKey: "cfn:b", logicalId: "Fn", status: "UPDATE_IN_PROGRESS" },
  ]);
});

describe("the deployment event stream", () => {
  it("answers with an unbuffered event stream, replays the timeline, then streams new events as they are stored", async () => {
    const abort = new AbortController();
    const res = await open({}, abort.signal);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("no-cache, no-transform");
    expect(res.headers.get("x-accel-buffering")).toBe("no");
    const sse = reader(res);
    expect(await sse.next()).toMatchObject({ event: "deployment", data: { id: deploymentId, status: "executing" } });
    expect((await sse.next())?.data).toMatchObject({ kind: "status", status: "queued" });
    // Each status event is followed by the deployment's new state.
    expect((await sse.next())?.event).toBe("deployment");
    expect((await sse.next())?.data).toMatchObject({ logicalId: "api-dev" });
    const third = await sse.next();
    expect(third?.data).toMatchObject({ logicalId: "Fn", status: "UPDATE_IN_PROGRESS" });

    await appendEvents(deploymentId, [{ kind: "resource", eventKey: "cfn:c", logicalId: "Fn", status: "UPDATE_COMPLETE" }]);
    const live = await sse.next();
    expect(live?.data).toMatchObject({ logicalId: "Fn", status: "UPDATE_COMPLETE" });
    expect(BigInt(live!.id!)).toBeGreaterThan(BigInt(third!.id!));
    // Storing the same CloudFormation event again sends nothing.
    await appendEvents(deploymentId, [{ kind: "resource", eventKey: "cfn:c", logicalId: "Fn", status: "UPDATE_COMPLETE" }]);
    abort.abort();
  });

  it("resumes after Last-Event-ID without repeating or losing events, and ends when the deployment does", async () => {
    const all = await database.prisma.deploymentEvent.findMany({ where: { deploymentId }, orderBy: { id: "asc" } });
    expect(all.map((e) => e.eventKey)).toEqual(["status:queued", "cfn:a", "cfn:b", "cfn:c"]);
    const sse = reader(await open({ "Last-Event-ID": all[1].id.toString() }));
    expect((await sse.next())?.event).toBe("deployment");
    expect([(await sse.next())?.id, (await sse.next())?.id]).toEqual([all[2].id.toString(), all[3].id.toString()]);

    await moveTo(deploymentId, "deploy", "succeeded", { reason: "The stack is UPDATE_COMPLETE" });
    expect((await sse.next())?.data).toMatchObject({ kind: "status", status: "succeeded" });
    expect(await sse.next()).toMatchObject({ event: "deployment", data: { status: "succeeded" } });
    expect(await sse.next()).toEqual({ event: "end", data: { status: "succeeded" }, id: undefined });
    expect(await sse.next()).toBeNull();
  });
});

describe("a client going away early", () => {
  it("raises no unhandled rejection, however early it leaves", async () => {
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on("unhandledRejection", onRejection);
    const stack = await database.prisma.stack.findFirstOrThrow({ where: { organizationId: people.org.id } });
    const revision = await database.prisma.stackRevision.findFirstOrThrow({ where: { stackId: stack.id } });
    const stage = await database.prisma.stage.create({ data: { stackId: stack.id, name: "gone", region: "eu-west-1" } });
    const running = (await database.prisma.deployment.create({ data: { stageId: stage.id, revisionId: revision.id, activeStageId: stage.id, status: "executing" } })).id;
    await appendEvents(running, [{ kind: "status", eventKey: "status:queued", status: "queued" }]);
    try {
      // Gone before the first byte, after the first message, and while new events are being sent.
      for (const readFirst of [0, 1, 3]) {
        const abort = new AbortController();
        const res = await open({}, abort.signal, running);
        const sse = reader(res);
        for (let i = 0; i < readFirst; i++) await sse.next();
        abort.abort();
        await sse.cancel();
        await appendEvents(running, [{ kind: "resource", eventKey: `gone:${readFirst}`, logicalId: "Fn", status: "UPDATE_IN_PROGRESS" }]);
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(rejections).toEqual([]);
    } finally {
      process.off("unhandledRejection", onRejection);
    }
  });
});
