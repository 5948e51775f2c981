import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asUser } from "@/server/actions/test-session";
import { createNotificationTarget } from "@/server/actions/notifications/create-notification-target";
import { deleteNotificationTarget } from "@/server/actions/notifications/delete-notification-target";
import { sendTestDelivery } from "@/server/actions/notifications/send-test-delivery";
import { redeliverNotification } from "@/server/actions/notifications/redeliver-notification";
import { setupTestDatabase } from "@/server/db/test-database";
import { stopDeployQueue } from "@/server/deploy/queue";
import { moveTo } from "@/server/deploy/store";
import { addRevision, seedOrganization, TEST_ENCRYPTION_KEY } from "@/server/deploy/test-support";
import { shopYaml, SHOP_CODE } from "@/e2e/moto/shop-stack";
import { encryptSecret } from "@/server/crypto";
import { attemptDelivery, DeliveryFailed } from "./deliver";
import { queueDeploymentNotifications } from "./notify";
import { SIGNATURE_HEADER, verifySignature } from "./signature";
import { stageNotifications } from "./targets";
import { startNotificationWorker, type NotificationWorker } from "./worker";
import { metricsExposition } from "@/server/ops/metrics";

/** This process's count of webhook deliveries with `result` (/api/metrics). */
async function webhookDeliveries(result: string): Promise<number> {
  const line = (await metricsExposition()).split("\n").find((l) => l.startsWith(`lambdaplane_notification_deliveries_total{kind="webhook",result="${result}"} `));
  return line ? Number(line.split(" ")[1]) : 0;
}

// Deploy notifications end to end: the pipeline's status changes (moveTo, as the deploy steps call
// it) queue deliveries in PostgreSQL and pg-boss; the notification worker sends them to real HTTP
// receivers on loopback, retrying with backoff. Loopback is refused by the outbound guard, so each
// receiver is added to LAMBDAPLANE_OUTBOUND_ALLOW as it starts (what a development install does for
// its own listeners); the attack tests use receivers that are not.

const database = setupTestDatabase();
let worker: NotificationWorker;
let people: Awaited<ReturnType<typeof seedOrganization>>;
let stackId: string;
let revisionId: string;

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  answered: number;
}

const allowPeer = (port: number) => {
  process.env.LAMBDAPLANE_OUTBOUND_ALLOW = [process.env.LAMBDAPLANE_OUTBOUND_ALLOW, `127.0.0.1:${port}`].filter(Boolean).join(",");
};

/** A webhook receiver that answers 500 to its first `failures` requests, then 200; allowlisted unless said otherwise. */
async function receiver(failures = 0, { allowlisted = true } = {}) {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (d) => (body += d));
    req.on("end", () => {
      const answered = received.length < failures ? 500 : 200;
      received.push({ headers: req.headers, body, answered });
      res.writeHead(answered).end(answered === 200 ? "ok" : "receiver is down");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  if (allowlisted) allowPeer(port);
  return { port, url: `http://127.0.0.1:${port}/hooks/lambdaplane`, received, close: () => new Promise((r) => server.close(r)) };
}

function ok<T>(r: { ok: true; data: T } | { ok: false; error: string }): T {
  if (!r.ok) expect.fail(r.error);
  return r.data;
}

async function stageWithDeployment(name: string) {
  const stage = await database.prisma.stage.create({ data: { stackId, name, region: "eu-west-1" } });
  const deployment = await database.prisma.deployment.create({ data: { stageId: stage.id, revisionId, status: "queued", activeStageId: stage.id, startedById: people.deployer.id, cfnStackName: `shop-${name}` } });
  return { stage, deployment };
}

const addTarget = (stageId: string, url: string, events: ("started" | "succeeded" | "failed")[]) =>
  asUser(people.owner, () => createNotificationTarget({ orgSlug: people.org.slug, stageId, kind: "webhook", url, events }));

beforeAll(async () => {
  process.env.LAMBDAPLANE_ENCRYPTION_KEY = TEST_ENCRYPTION_KEY;
  process.env.LAMBDAPLANE_NOTIFY_RETRY_DELAY_S = "1";
  people = await seedOrganization(database.prisma, "hookco");
  stackId = (await database.prisma.stack.create({ data: { organizationId: people.org.id, name: "shop" } })).id;
  revisionId = (await addRevision(database.prisma, stackId, shopYaml(), SHOP_CODE)).id;
  worker = await startNotificationWorker({ pollingIntervalSeconds: 0.5 });
}, 60_000);

afterAll(async () => {
  await worker?.stop();
  await stopDeployQueue();
  delete process.env.LAMBDAPLANE_NOTIFY_RETRY_DELAY_S;
});

describe("generic webhooks", () => {
  it("get a payload signed with HMAC-SHA256 over the timestamp and body when a deploy starts and when it succeeds", async () => {
    const hook = await receiver();
    const { stage, deployment } = await stageWithDeployment("dev");
    const target = ok(await addTarget(stage.id, hook.url, ["started", "succeeded"]));
    expect(target.secret).toMatch(/^whsec_/);

    await moveTo(deployment.id, "deploy", "packaging");
    await expect.poll(() => hook.received.length, { timeout: 15_000 }).toBe(1);
    const [started] = hook.received;
    const payload = JSON.parse(started.body);
    expect(payload).toMatchObject({
      event: "deploy.started",
      stack: "shop",
      stage: "dev",
      organization: { slug: "hookco" },
      deployment: { id: deployment.id, operation: "deploy", status: "packaging", revision: 1, startedBy: people.deployer.email },
    });
    expect(payload.deployment.url).toMatch(new RegExp(`/hookco/stacks/shop/deployments/${deployment.id}$`));
    expect(started.headers["lambdaplane-event"]).toBe("deploy.started");
    expect(started.headers["lambdaplane-delivery"]).toBe(payload.deliveryId);
    const signature = started.headers[SIGNATURE_HEADER.toLowerCase()] as string;
    expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifySignature(target.secret!, started.body, signature, Math.floor(Date.now() / 1000))).toBe(true);
    expect(verifySignature("whsec_wrong", started.body, signature, Math.floor(Date.now() / 1000))).toBe(false);

    // Steps in between notify nothing; the end does.
    for (const status of ["uploading", "creating_change_set", "executing", "succeeded"] as const) await moveTo(deployment.id, "deploy", status);
    await expect.poll(() => hook.received.length, { timeout: 15_000 }).toBe(2);
    expect(JSON.parse(hook.received[1].body)).toMatchObject({ event: "deploy.succeeded", deployment: { status: "succeeded" } });

    // The receiver answers before the worker records its answer.
    const deliveries = async () =>
      (await database.prisma.notificationDelivery.findMany({ where: { targetId: target.id }, orderBy: { createdAt: "asc" } })).map((d) => [d.event, d.status, d.attempts, d.lastStatusCode]);
    await expect.poll(deliveries, { timeout: 5000 }).toEqual([
      ["started", "delivered", 1, 200],
      ["succeeded", "delivered", 1, 200],
    ]);
    await hook.close();
  }, 40_000);

  it("reaches a receiver that fails twice exactly once, after two retries with backoff, and logs every attempt", async () => {
    const hook = await receiver(2);
    const { stage, deployment } = await stageWithDeployment("staging");
    const target = ok(await addTarget(stage.id, hook.url, ["failed"]));
    await moveTo(deployment.id, "deploy", "failed", { data: { error: "Access denied" } });

    await expect.poll(() => hook.received.length, { timeout: 30_000, interval: 200 }).toBe(3);
    // Nothing more arrives once it has been taken.
    await new Promise((r) => setTimeout(r, 3000));
    expect(hook.received.map((r) => r.answered)).toEqual([500, 500, 200]);
    expect(hook.received.filter((r) => r.answered === 200)).toHaveLength(1);
    const bodies = new Set(hook.received.map((r) => JSON.parse(r.body).deliveryId));
    expect(bodies.size).toBe(1);
    expect(JSON.parse(hook.received[2].body)).toMatchObject({ event: "deploy.failed", deployment: { error: "Access denied" } });

    await expect.poll(async () => (await database.prisma.notificationDelivery.findFirstOrThrow({ where: { targetId: target.id } })).status, { timeout: 5000 }).toBe("delivered");
    const delivery = await database.prisma.notificationDelivery.findFirstOrThrow({ where: { targetId: target.id }, include: { attemptLog: { orderBy: { number: "asc" } } } });
    expect(delivery).toMatchObject({ status: "delivered", attempts: 3, lastStatusCode: 200, lastError: null });
    expect(delivery.attemptLog.map((a) => [a.number, a.statusCode, a.error])).toEqual([
      // The receiver's answer ("receiver is down") is never stored: only its status.
      [1, 500, "HTTP 500"],
      [2, 500, "HTTP 500"],
      [3, 200, null],
    ]);
    // Backoff: the retries were spread out, not fired back to back.
    expect(delivery.attemptLog[2].at.getTime() - delivery.attemptLog[0].at.getTime()).toBeGreaterThanOrEqual(2000);

    const log = (await stageNotifications(database.prisma, people.org.id, stackId)).find((s) => s.name === "staging")!;
    expect(log.deliveries).toEqual([expect.objectContaining({ event: "failed", status: "delivered", attempts: 3 })]);
    await hook.close();
  }, 60_000);

  it("sends nothing for events a target did not choose, or after it was deleted", async () => {
    const hook = await receiver();
    const { stage, deployment } = await stageWithDeployment("qa");
    const target = ok(await addTarget(stage.id, hook.url, ["succeeded"]));
    await moveTo(deployment.id, "deploy", "packaging");
    ok(await asUser(people.owner, () => deleteNotificationTarget({ orgSlug: people.org.slug, targetId: target.id })));
    await moveTo(deployment.id, "deploy", "failed", { data: { error: "x" } });
    await new Promise((r) => setTimeout(r, 2000));
    expect(hook.received).toHaveLength(0);
    expect(await database.prisma.notificationDelivery.count({ where: { deploymentId: deployment.id } })).toBe(0);
    await hook.close();
  }, 30_000);
});

describe("deliveries", () => {
  // Targets written directly: the Slack form accepts only hooks.slack.com, which a test cannot reach.
  const directTarget = async (stageId: string, kind: "slack" | "webhook", url: string) =>
    database.prisma.notificationTarget.create({ data: { stageId, kind, urlEncrypted: encryptSecret(url), urlHint: url, events: ["failed"] } });

  it("post Slack its mrkdwn message, unsigned", async () => {
    const hook = await receiver();
    const { stage, deployment } = await stageWithDeployment("slack-direct");
    await directTarget(stage.id, "slack", hook.url);
    for (const status of ["packaging", "uploading", "creating_change_set", "executing"] as const) await moveTo(deployment.id, "deploy", status);
    await moveTo(deployment.id, "deploy", "rolled_back", { data: { error: "WorkerFunction: CREATE_FAILED" } });
    await expect.poll(() => hook.received.length, { timeout: 15_000 }).toBe(1);
    const body = JSON.parse(hook.received[0].body);
    expect(body).toEqual({ text: expect.stringMatching(/^:x: Deploy of revision 1 of \*shop\* to \*slack-direct\* failed \(started by deployer@hookco.test\)\. <.+\|Open deployment>\n>WorkerFunction: CREATE_FAILED$/) });
    expect(hook.received[0].headers[SIGNATURE_HEADER.toLowerCase()]).toBeUndefined();
    await hook.close();
  }, 30_000);

  it("end as failed when the last try fails, naming the error, and are never sent again", async () => {
    const { stage, deployment } = await stageWithDeployment("unreachable");
    const closed = await receiver();
    await closed.close();
    // Nothing listens there any more.
    const target = await directTarget(stage.id, "webhook", closed.url);
    // Queued without the worker's help: this test drives attempts itself.
    await worker.stop();
    try {
      await database.prisma.$transaction((tx) => queueDeploymentNotifications(tx, deployment.id, "deploy", "failed"));
      const delivery = await database.prisma.notificationDelivery.findFirstOrThrow({ where: { targetId: target.id } });
      const [retryingBefore, failedBefore] = [await webhookDeliveries("retrying"), await webhookDeliveries("failed")];
      await expect(attemptDelivery(delivery.id, { now: () => new Date(), lastAttempt: false })).rejects.toThrow(DeliveryFailed);
      expect((await database.prisma.notificationDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).status).toBe("pending");
      await expect(attemptDelivery(delivery.id, { now: () => new Date(), lastAttempt: true })).rejects.toThrow(/unreachable/);
      const failed = await database.prisma.notificationDelivery.findUniqueOrThrow({ where: { id: delivery.id } });
      // "unreachable", not the connection error: a tenant learns nothing about which ports are open.
      expect(failed).toMatchObject({ status: "failed", attempts: 2, lastStatusCode: null, lastError: "unreachable" });
      expect(await attemptDelivery(delivery.id, { now: () => new Date(), lastAttempt: true })).toBe("skipped");
      // Counted by result: one attempt to be retried, one last attempt failed; the skip is no attempt.
      expect([(await webhookDeliveries("retrying")) - retryingBefore, (await webhookDeliveries("failed")) - failedBefore]).toEqual([1, 1]);
      // The same status change again (a repeated step) records nothing new.
      await database.prisma.$transaction((tx) => queueDeploymentNotifications(tx, deployment.id, "deploy", "failed"));
      expect(await database.prisma.notificationDelivery.count({ where: { targetId: target.id } })).toBe(1);
    } finally {
      worker = await startNotificationWorker({ pollingIntervalSeconds: 0.5 });
    }
  }, 30_000);
});

describe("server-side request forgery through webhooks", () => {
  const directTarget = async (stageId: string, url: string) =>
    database.prisma.notificationTarget.create({ data: { stageId, kind: "webhook", urlEncrypted: encryptSecret(url), urlHint: url, events: ["failed"] } });
  const firstAttempt = (targetId: string) => async () =>
    (await database.prisma.notificationAttempt.findFirst({ where: { delivery: { targetId } }, orderBy: { number: "asc" } }))?.error;

  it("refuses a webhook to a loopback listener or the cloud metadata address, when it is added and when it is delivered", async () => {
    const internal = await receiver(0, { allowlisted: false });
    const { stage, deployment } = await stageWithDeployment("ssrf");
    for (const url of [internal.url, "http://169.254.169.254/latest/meta-data/", "http://[::ffff:127.0.0.1]:6379/", "http://2130706433/"]) {
      expect(await addTarget(stage.id, url, ["failed"])).toMatchObject({
        ok: false,
        status: 400,
        fieldErrors: { url: "The webhook URL points to a private address; use the receiver's public URL." },
      });
    }
    // Written directly, as a row saved before the guard existed would be; a name resolving to loopback too.
    const byName = await directTarget(stage.id, `http://localhost:${internal.port}/admin`);
    const metadata = await directTarget(stage.id, "http://169.254.169.254/latest/meta-data/iam/");
    await moveTo(deployment.id, "deploy", "failed", { data: { error: "x" } });
    await expect.poll(firstAttempt(byName.id), { timeout: 15_000 }).toBe("refused: the address is private");
    await expect.poll(firstAttempt(metadata.id), { timeout: 15_000 }).toBe("refused: the address is private");
    expect(internal.received).toHaveLength(0);
    await internal.close();
  }, 30_000);

  it("does not follow a receiver's redirect to an internal address", async () => {
    const internal = await receiver();
    const redirecting = createServer((_req, res) => res.writeHead(307, { location: internal.url }).end());
    await new Promise<void>((r) => redirecting.listen(0, "127.0.0.1", r));
    const port = (redirecting.address() as AddressInfo).port;
    allowPeer(port);
    const { stage, deployment } = await stageWithDeployment("redirect");
    const target = ok(await addTarget(stage.id, `http://127.0.0.1:${port}/hook`, ["failed"]));
    await moveTo(deployment.id, "deploy", "failed", { data: { error: "x" } });
    await expect.poll(firstAttempt(target.id), { timeout: 15_000 }).toBe("HTTP 307");
    expect(internal.received).toHaveLength(0);
    await new Promise((r) => redirecting.close(r));
    await internal.close();
  }, 30_000);
});

describe("targets", () => {
  it("refuse a Slack URL that is not an incoming webhook, and let only admins and owners add them", async () => {
    const { stage } = await stageWithDeployment("slacky");
    const bad = await asUser(people.owner, () =>
      createNotificationTarget({ orgSlug: people.org.slug, stageId: stage.id, kind: "slack", url: "https://example.com/hook", events: ["failed"] }),
    );
    expect(bad).toMatchObject({ ok: false, status: 400, fieldErrors: { url: "A Slack incoming webhook URL starts with https://hooks.slack.com/." } });
    const slack = ok(
      await asUser(people.owner, () =>
        createNotificationTarget({ orgSlug: people.org.slug, stageId: stage.id, kind: "slack", url: "https://hooks.slack.com/services/T000/B000/XXXXSECRET", events: ["failed"] }),
      ),
    );
    expect(slack.secret).toBeNull();
    const row = await database.prisma.notificationTarget.findUniqueOrThrow({ where: { id: slack.id } });
    expect(row.urlEncrypted).not.toContain("XXXXSECRET");
    expect(row.urlHint).not.toContain("XXXXSECRET");
    const audit = await database.prisma.auditEvent.findFirstOrThrow({ where: { action: "notification_target.create", targetId: slack.id } });
    expect(JSON.stringify(audit.after)).not.toContain("XXXXSECRET");
    const denied = await asUser(people.deployer, () => createNotificationTarget({ orgSlug: people.org.slug, stageId: stage.id, kind: "webhook", url: "https://example.com/h", events: ["failed"] }));
    expect(denied).toMatchObject({ ok: false, status: 403 });
  });
});

describe("test deliveries and redeliveries", () => {
  const sendTest = (who: { id: string; email: string }, targetId: string, orgSlug = people.org.slug) => asUser(who, () => sendTestDelivery({ orgSlug, targetId }));
  const redeliver = (who: { id: string; email: string }, deliveryId: string, orgSlug = people.org.slug) => asUser(who, () => redeliverNotification({ orgSlug, deliveryId }));
  const statusOf = (id: string) => async () => (await database.prisma.notificationDelivery.findUniqueOrThrow({ where: { id } })).status;

  it("send a signed ping through the queue, logged as a test delivery about no deployment, and audited", async () => {
    const hook = await receiver();
    const { stage } = await stageWithDeployment("ping");
    const target = ok(await addTarget(stage.id, hook.url, ["failed"]));
    const { deliveryId } = ok(await sendTest(people.owner, target.id));

    await expect.poll(() => hook.received.length, { timeout: 15_000 }).toBe(1);
    const [ping] = hook.received;
    expect(JSON.parse(ping.body)).toEqual({
      event: "ping",
      test: true,
      eventId: deliveryId,
      deliveryId,
      occurredAt: expect.any(String),
      organization: { slug: "hookco", name: "hookco" },
      stack: "shop",
      stage: "ping",
    });
    expect(ping.headers["lambdaplane-event"]).toBe("ping");
    expect(ping.headers["lambdaplane-delivery"]).toBe(deliveryId);
    expect(ping.headers["lambdaplane-event-id"]).toBe(deliveryId);
    expect(verifySignature(target.secret!, ping.body, ping.headers[SIGNATURE_HEADER.toLowerCase()] as string, Math.floor(Date.now() / 1000))).toBe(true);

    await expect.poll(statusOf(deliveryId), { timeout: 5000 }).toBe("delivered");
    const log = (await stageNotifications(database.prisma, people.org.id, stackId)).find((s) => s.name === "ping")!;
    expect(log.deliveries).toEqual([expect.objectContaining({ id: deliveryId, event: "ping", test: true, deploymentId: null, status: "delivered" })]);
    const audit = await database.prisma.auditEvent.findFirstOrThrow({ where: { action: "notification_target.test", targetId: target.id } });
    expect(audit).toMatchObject({ actorEmail: people.owner.email, after: expect.objectContaining({ stage: "ping", deliveryId }) });
    await hook.close();
  }, 30_000);

  it("send a test ping to a private address only through the outbound guard, which refuses it", async () => {
    const internal = await receiver(0, { allowlisted: false });
    const { stage } = await stageWithDeployment("ping-private");
    const target = await database.prisma.notificationTarget.create({
      data: { stageId: stage.id, kind: "webhook", urlEncrypted: encryptSecret(`http://localhost:${internal.port}/admin`), urlHint: "http://localhost", events: ["failed"] },
    });
    const { deliveryId } = ok(await sendTest(people.owner, target.id));
    await expect.poll(async () => (await database.prisma.notificationAttempt.findFirst({ where: { deliveryId } }))?.error, { timeout: 15_000 }).toBe("refused: the address is private");
    expect(internal.received).toHaveLength(0);
    await internal.close();
  }, 30_000);

  it("redeliver the stored payload under a new delivery id and the same event id, signed anew", async () => {
    const hook = await receiver();
    const { stage, deployment } = await stageWithDeployment("again");
    const target = ok(await addTarget(stage.id, hook.url, ["failed"]));
    await moveTo(deployment.id, "deploy", "failed", { data: { error: "Access denied" } });
    await expect.poll(() => hook.received.length, { timeout: 15_000 }).toBe(1);
    const first = JSON.parse(hook.received[0].body);
    await expect.poll(statusOf(first.deliveryId), { timeout: 5000 }).toBe("delivered");

    const again = ok(await redeliver(people.owner, first.deliveryId));
    expect(again.deliveryId).not.toBe(first.deliveryId);
    expect(again.eventId).toBe(first.eventId);
    await expect.poll(() => hook.received.length, { timeout: 15_000 }).toBe(2);
    const second = hook.received[1];
    expect(JSON.parse(second.body)).toEqual({ ...first, deliveryId: again.deliveryId });
    expect(second.headers["lambdaplane-delivery"]).toBe(again.deliveryId);
    expect(second.headers["lambdaplane-event-id"]).toBe(first.eventId);
    expect(verifySignature(target.secret!, second.body, second.headers[SIGNATURE_HEADER.toLowerCase()] as string, Math.floor(Date.now() / 1000))).toBe(true);

    const row = await database.prisma.notificationDelivery.findUniqueOrThrow({ where: { id: again.deliveryId } });
    expect(row).toMatchObject({ redeliveryOfId: first.deliveryId, eventId: first.eventId, deploymentId: deployment.id, event: "failed", test: false, statusChangeKey: null });
    expect(await database.prisma.auditEvent.count({ where: { action: "notification_delivery.redeliver", targetId: first.deliveryId } })).toBe(1);
    // A redelivery does not count as the status change: repeating the change still records nothing new.
    await database.prisma.$transaction((tx) => queueDeploymentNotifications(tx, deployment.id, "deploy", "failed"));
    expect(await database.prisma.notificationDelivery.count({ where: { targetId: target.id } })).toBe(2);
    await hook.close();
  }, 30_000);

  it("refuse a delivery still being retried, viewers and deployers, and another organization's target or delivery", async () => {
    const { stage } = await stageWithDeployment("guarded");
    const closed = await receiver();
    await closed.close();
    const target = ok(await addTarget(stage.id, closed.url, ["failed"]));
    await worker.stop();
    let deliveryId: string;
    try {
      deliveryId = ok(await sendTest(people.owner, target.id)).deliveryId;
      expect(await redeliver(people.owner, deliveryId)).toMatchObject({ ok: false, status: 409, error: expect.stringMatching(/still being sent/) });
    } finally {
      worker = await startNotificationWorker({ pollingIntervalSeconds: 0.5 });
    }
    for (const who of [people.deployer, people.viewer]) {
      expect(await sendTest(who, target.id)).toMatchObject({ ok: false, status: 403 });
      expect(await redeliver(who, deliveryId)).toMatchObject({ ok: false, status: 403 });
    }

    const other = await seedOrganization(database.prisma, "rivalco");
    const queuedBefore = await database.prisma.notificationDelivery.count();
    // The other organization's owner, in their own organization, naming this one's ids.
    expect(await sendTest(other.owner, target.id, other.org.slug)).toMatchObject({ ok: false, status: 404, error: "Notification target not found." });
    expect(await redeliver(other.owner, deliveryId, other.org.slug)).toMatchObject({ ok: false, status: 404, error: "Delivery not found." });
    // And in this one, where they are no member.
    expect(await sendTest(other.owner, target.id)).toMatchObject({ ok: false, status: 404 });
    expect(await database.prisma.notificationDelivery.count()).toBe(queuedBefore);
  }, 30_000);

  it("count per organization: once its budget is spent every member gets 429, other organizations do not", async () => {
    process.env.LAMBDAPLANE_RATE_LIMITS = "manualDelivery=2/60";
    try {
      const busy = await seedOrganization(database.prisma, "busyco");
      const admin = await database.prisma.user.create({ data: { email: "admin@busyco.test", memberships: { create: { organizationId: busy.org.id, role: "admin" } } } });
      const busyStack = await database.prisma.stack.create({ data: { organizationId: busy.org.id, name: "shop" } });
      const busyStage = await database.prisma.stage.create({ data: { stackId: busyStack.id, name: "dev", region: "eu-west-1" } });
      const hook = await receiver();
      const target = ok(await asUser(busy.owner, () => createNotificationTarget({ orgSlug: busy.org.slug, stageId: busyStage.id, kind: "webhook", url: hook.url, events: ["failed"] })));

      ok(await sendTest(busy.owner, target.id, busy.org.slug));
      ok(await sendTest(admin, target.id, busy.org.slug));
      const refused = await sendTest(admin, target.id, busy.org.slug);
      expect(refused).toMatchObject({ ok: false, status: 429, error: expect.stringMatching(/^Too many test deliveries and redeliveries of notifications in this organization \(at most 2 in 60 seconds\)\. Try again in \d+ seconds\.$/) });
      expect(!refused.ok && (refused.details?.retryAfterSeconds as number)).toBeGreaterThan(0);
      expect(await database.prisma.notificationDelivery.count({ where: { targetId: target.id } })).toBe(2);

      const calm = await seedOrganization(database.prisma, "calmco");
      const calmStack = await database.prisma.stack.create({ data: { organizationId: calm.org.id, name: "shop" } });
      const calmStage = await database.prisma.stage.create({ data: { stackId: calmStack.id, name: "dev", region: "eu-west-1" } });
      const theirs = ok(await asUser(calm.owner, () => createNotificationTarget({ orgSlug: calm.org.slug, stageId: calmStage.id, kind: "webhook", url: hook.url, events: ["failed"] })));
      expect((await sendTest(calm.owner, theirs.id, calm.org.slug)).ok).toBe(true);
      await hook.close();
    } finally {
      delete process.env.LAMBDAPLANE_RATE_LIMITS;
    }
  }, 30_000);
});
