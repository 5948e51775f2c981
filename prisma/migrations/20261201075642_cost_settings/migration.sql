-- CreateTable
CREATE TABLE "StackCostSettings" (
    "stackId" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "freeTier" BOOLEAN NOT NULL DEFAULT false,
    "usage" JSONB NOT NULL DEFAULT '{}',
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StackCostSettings_pkey" PRIMARY KEY ("stackId")
);

-- AddForeignKey
ALTER TABLE "StackCostSettings" ADD CONSTRAINT "StackCostSettings_stackId_fkey" FOREIGN KEY ("stackId") REFERENCES "Stack"("id") ON DELETE CASCADE ON UPDATE CASCADE;
