-- CreateEnum
CREATE TYPE "DeploymentOperation" AS ENUM ('deploy', 'destroy');

-- AlterTable
ALTER TABLE "Deployment" ADD COLUMN     "activeStageId" TEXT,
ADD COLUMN     "artifacts" JSONB,
ADD COLUMN     "baselineEventId" TEXT,
ADD COLUMN     "cancelRequestedAt" TIMESTAMP(3),
ADD COLUMN     "cancelRequestedById" TEXT,
ADD COLUMN     "cfnStackId" TEXT,
ADD COLUMN     "cfnStackName" TEXT,
ADD COLUMN     "executedAt" TIMESTAMP(3),
ADD COLUMN     "operation" "DeploymentOperation" NOT NULL DEFAULT 'deploy';

-- AlterTable
ALTER TABLE "DeploymentEvent" ADD COLUMN     "eventKey" TEXT;

-- AlterTable
ALTER TABLE "Stage" ADD COLUMN     "deployedStackName" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Deployment_activeStageId_key" ON "Deployment"("activeStageId");

-- CreateIndex
CREATE UNIQUE INDEX "DeploymentEvent_deploymentId_eventKey_key" ON "DeploymentEvent"("deploymentId", "eventKey");



-- ---------------------------------------------------------------------------------------------
-- Hand-written below this line (Prisma does not model triggers; `migrate diff` ignores them).
--
-- The per-stage lock: "activeStageId" holds the deployment's own stage while it is in flight (its
-- unique index allows one such deployment per stage) and is released when it finishes, so a
-- finished deployment can never keep its stage locked. A trigger rather than a CHECK constraint:
-- the offline schema engine cannot read CHECK constraints back (server/db/schema-engine-adapter.ts
-- relabels the catalog's "char" columns, which its CHECK introspection needs).
CREATE FUNCTION "check_deployment_stage_lock"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."activeStageId" IS NOT NULL AND NEW."activeStageId" <> NEW."stageId" THEN
    RAISE EXCEPTION 'Deployment %: activeStageId must be its own stage', NEW."id";
  END IF;
  IF NEW."activeStageId" IS NOT NULL AND NEW."status" IN ('succeeded', 'no_changes', 'failed', 'rolled_back', 'cancelled') THEN
    RAISE EXCEPTION 'Deployment %: a finished deployment (%) must release its stage', NEW."id", NEW."status"
      USING HINT = 'Set "activeStageId" to NULL in the same update that ends the deployment.';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "Deployment_stage_lock" BEFORE INSERT OR UPDATE ON "Deployment"
  FOR EACH ROW EXECUTE FUNCTION "check_deployment_stage_lock"();
