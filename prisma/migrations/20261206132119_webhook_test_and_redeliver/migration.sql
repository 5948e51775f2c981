-- "Send test delivery" and "Redeliver" (issue 16). A test delivery is about no deployment; a
-- redelivery repeats a (target, deployment, event), so that triple is no longer unique: the
-- once-per-status-change rule moves to statusChangeKey, set only on what a status change records.
-- Each delivery so far is its own event: its eventId is its id, also added to its stored payload.
DROP INDEX "NotificationDelivery_targetId_deploymentId_event_key";

ALTER TABLE "NotificationDelivery" ADD COLUMN     "eventId" TEXT,
ADD COLUMN     "redeliveryOfId" TEXT,
ADD COLUMN     "statusChangeKey" TEXT,
ADD COLUMN     "test" BOOLEAN NOT NULL DEFAULT false,
ALTER COLUMN "deploymentId" DROP NOT NULL;

UPDATE "NotificationDelivery" SET
  "eventId" = "id",
  "statusChangeKey" = "targetId" || ':' || "deploymentId" || ':' || "event",
  "payload" = CASE WHEN jsonb_typeof("payload") = 'object' THEN "payload" || jsonb_build_object('eventId', "id") ELSE "payload" END;

ALTER TABLE "NotificationDelivery" ALTER COLUMN "eventId" SET NOT NULL;

CREATE UNIQUE INDEX "NotificationDelivery_statusChangeKey_key" ON "NotificationDelivery"("statusChangeKey");
