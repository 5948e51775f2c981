import { describe, expect, it } from "vitest";
import { applyMigrations } from "./migrate";
import { setupTestDatabase } from "./test-database";

const MIGRATION = "20261206073707_scrub_webhook_answers";
const database = setupTestDatabase();

describe(`migration ${MIGRATION}`, () => {
  it("keeps only the status or the failure's kind of delivery-log entries written before, never the receiver's answer", async () => {
    const p = database.prisma;
    await p.$executeRaw`DELETE FROM _prisma_migrations WHERE migration_name = ${MIGRATION}`;
    const org = await p.organization.create({ data: { slug: "acme", name: "Acme" } });
    const stack = await p.stack.create({ data: { organizationId: org.id, name: "shop" } });
    const stage = await p.stage.create({ data: { stackId: stack.id, name: "dev", region: "eu-west-1" } });
    const target = await p.notificationTarget.create({ data: { stageId: stage.id, kind: "webhook", urlEncrypted: "x", urlHint: "http://10.0.0.5/", events: ["failed"] } });
    const errors = ["HTTP 500: {\"AccessKeyId\":\"ASIA...\"}", "connect ECONNREFUSED 10.0.0.5:6379", "no answer within 10 s", "HTTP 404", null];
    const deliveries = await Promise.all(
      errors.map((error, i) =>
        p.notificationDelivery.create({
          data: { targetId: target.id, deploymentId: `d${i}`, event: "failed", eventId: `e${i}`, payload: {}, lastError: error, attemptLog: { create: { number: 1, error, durationMs: 5 } } },
        }),
      ),
    );

    expect(await applyMigrations(database.url)).toEqual([MIGRATION]);

    const expected = ["HTTP 500", "unreachable", "no answer within 10 s", "HTTP 404", null];
    for (const [i, d] of deliveries.entries()) {
      const row = await p.notificationDelivery.findUniqueOrThrow({ where: { id: d.id }, include: { attemptLog: true } });
      expect([row.lastError, row.attemptLog[0].error]).toEqual([expected[i], expected[i]]);
    }
  });
});
