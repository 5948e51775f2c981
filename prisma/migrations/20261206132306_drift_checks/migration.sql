-- Drift checks of a stage (issue 17) and its scheduled-check settings: interval in hours (null: off),
-- and the fingerprint of the drift last announced so a drift is announced once. Deployment.reconcile
-- marks a deploy that puts a drifted stage back.
-- CreateEnum
CREATE TYPE "DriftCheckStatus" AS ENUM ('in_sync', 'drifted', 'unknown');

-- AlterTable
ALTER TABLE "Deployment" ADD COLUMN     "reconcile" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Stage" ADD COLUMN     "driftCheckIntervalHours" INTEGER DEFAULT 24,
ADD COLUMN     "driftNotifiedKey" TEXT;

-- CreateTable
CREATE TABLE "DriftCheck" (
    "id" TEXT NOT NULL,
    "stageId" TEXT NOT NULL,
    "deploymentId" TEXT,
    "startedById" TEXT,
    "status" "DriftCheckStatus" NOT NULL,
    "results" JSONB NOT NULL DEFAULT '{}',
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DriftCheck_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DriftCheck_stageId_createdAt_idx" ON "DriftCheck"("stageId", "createdAt");

-- AddForeignKey
ALTER TABLE "DriftCheck" ADD CONSTRAINT "DriftCheck_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "Stage"("id") ON DELETE CASCADE ON UPDATE CASCADE;
