-- DropIndex
DROP INDEX "Case_townId_status_gridId_categoryId_assigneeId_deadline_idx";

-- CreateIndex
CREATE INDEX "Case_townId_status_gridId_categoryId_assigneeId_deadline_pa_idx" ON "Case"("townId", "status", "gridId", "categoryId", "assigneeId", "deadline", "pausedAt");
