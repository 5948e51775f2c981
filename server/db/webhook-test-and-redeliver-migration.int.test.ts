import { describe, expect, it } from "vitest";
import { applyMigrations } from "./migrate";
import { setupTestDatabase } from "./test-database";

const MIGRATION = "20261206132119_webhook_test_and_redeliver";
const database = setupTestDatabase();

describe(`migration ${MIGRATION}`, () => {
  it("gives each delivery written before its own id as event id, in the row and its payload, and keeps one delivery per status change", async () => {
    const p = database.prisma;
    // The table as the migration before left it.
    await p.$executeRawUnsafe(`DROP INDEX "NotificationDelivery_statusChangeKey_key"`);
    await p.$executeRawUnsafe(`ALTER TABLE "NotificationDelivery" DROP COLUMN "eventId", DROP COLUMN "redeliveryOfId", DROP COLUMN "statusChangeKey", DROP COLUMN "test", ALTER COLUMN "deploymentId" SET NOT NULL`);
    await p.$executeRawUnsafe(`CREATE UNIQUE INDEX "NotificationDelivery_targetId_deploymentId_event_key" ON "NotificationDelivery"("targetId", "deploymentId", "event")`);
    await p.$executeRaw`DELETE FROM _prisma_migrations WHERE migration_name = ${MIGRATION}`;
    const org = await p.organization.create({ data: { slug: "acme", name: "Acme" } });
    const stack = await p.stack.create({ data: { organizationId: org.id, name: "shop" } });
    const stage = await p.stage.create({ data: { stackId: stack.id, name: "dev", region: "eu-west-1" } });
    const target = await p.notificationTarget.create({ data: { stageId: stage.id, kind: "webhook", urlEncrypted: "x", urlHint: "https://example.com/", events: ["failed"] } });
    await p.$executeRaw`INSERT INTO "NotificationDelivery" ("id", "targetId", "deploymentId", "event", "payload") VALUES ('d1', ${target.id}, 'dep1', 'failed', '{"event":"deploy.failed","deliveryId":"d1"}'::jsonb)`;

    expect(await applyMigrations(database.url)).toEqual([MIGRATION]);

    const row = await p.notificationDelivery.findUniqueOrThrow({ where: { id: "d1" } });
    expect(row).toMatchObject({ eventId: "d1", statusChangeKey: `${target.id}:dep1:failed`, test: false, redeliveryOfId: null, payload: { event: "deploy.failed", deliveryId: "d1", eventId: "d1" } });
    await expect(p.notificationDelivery.create({ data: { targetId: target.id, deploymentId: "dep1", event: "failed", eventId: "x", statusChangeKey: `${target.id}:dep1:failed`, payload: {} } })).rejects.toThrow();
  });
});
