-- CreateIndex
CREATE INDEX "Case_reporterId_reportedAt_idx" ON "Case"("reporterId", "reportedAt" DESC);
