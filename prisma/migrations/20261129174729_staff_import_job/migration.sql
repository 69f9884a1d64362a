-- CreateTable
CREATE TABLE "StaffImportJob" (
    "id" UUID NOT NULL,
    "actorId" UUID NOT NULL,
    "status" VARCHAR(20) NOT NULL,
    "fileName" VARCHAR(200) NOT NULL,
    "totalRows" INTEGER NOT NULL DEFAULT 0,
    "processedRows" INTEGER NOT NULL DEFAULT 0,
    "rows" JSONB NOT NULL DEFAULT '[]',
    "problems" JSONB NOT NULL DEFAULT '[]',
    "problemCount" INTEGER NOT NULL DEFAULT 0,
    "createdCount" INTEGER NOT NULL DEFAULT 0,
    "message" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StaffImportJob_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "StaffImportJob_actorId_createdAt_idx" ON "StaffImportJob"("actorId", "createdAt" DESC);
