-- CreateTable
CREATE TABLE "AuditLog" (
    "id" UUID NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" UUID,
    "actorName" TEXT NOT NULL DEFAULT '',
    "action" VARCHAR(60) NOT NULL,
    "entity" VARCHAR(30) NOT NULL,
    "entityId" VARCHAR(64),
    "townId" UUID,
    "before" JSONB,
    "after" JSONB,
    "ip" TEXT,
    "summary" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AuditLog_at_id_idx" ON "AuditLog"("at" DESC, "id");

-- CreateIndex
CREATE INDEX "AuditLog_townId_at_idx" ON "AuditLog"("townId", "at" DESC);

-- CreateIndex
CREATE INDEX "AuditLog_entity_entityId_idx" ON "AuditLog"("entity", "entityId");

-- CreateIndex
CREATE INDEX "AuditLog_actorId_at_idx" ON "AuditLog"("actorId", "at" DESC);
