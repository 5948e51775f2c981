-- CreateTable
CREATE TABLE "SavedPayload" (
    "id" TEXT NOT NULL,
    "stackId" TEXT NOT NULL,
    "functionName" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SavedPayload_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SavedPayload_stackId_functionName_name_key" ON "SavedPayload"("stackId", "functionName", "name");

-- AddForeignKey
ALTER TABLE "SavedPayload" ADD CONSTRAINT "SavedPayload_stackId_fkey" FOREIGN KEY ("stackId") REFERENCES "Stack"("id") ON DELETE CASCADE ON UPDATE CASCADE;
