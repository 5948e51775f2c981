-- AlterTable
ALTER TABLE "StackRevision" ADD COLUMN     "canvasPositions" JSONB;
