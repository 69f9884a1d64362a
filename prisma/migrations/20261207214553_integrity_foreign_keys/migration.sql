-- Issue 23: the database keeps its own references. Existing rows first, before anything changes:
-- a reference to history that names nothing is refused (nobody can guess who did it), derived and
-- transient rows are repaired or dropped.
DO $$
DECLARE
  problems text;
BEGIN
  SELECT string_agg(format('%s (%s rows)', what, n), '; ') INTO problems FROM (
    SELECT 'Case.escalatedById names no Staff' AS what, count(*) AS n FROM "Case" c
      WHERE c."escalatedById" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "Staff" s WHERE s.id = c."escalatedById")
    UNION ALL
    SELECT 'Case.extensionById names no Staff', count(*) FROM "Case" c
      WHERE c."extensionById" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "Staff" s WHERE s.id = c."extensionById")
    UNION ALL
    SELECT 'Case.duplicateOfId names no Case', count(*) FROM "Case" c
      WHERE c."duplicateOfId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "Case" d WHERE d.id = c."duplicateOfId")
    UNION ALL
    SELECT 'AuditLog.actorId names no Staff', count(*) FROM "AuditLog" a
      WHERE a."actorId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "Staff" s WHERE s.id = a."actorId")
    UNION ALL
    SELECT 'AuditLog.townId names no Region', count(*) FROM "AuditLog" a
      WHERE a."townId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "Region" r WHERE r.id = a."townId")
    UNION ALL
    SELECT 'CaseCounter.townId names no Region', count(*) FROM "CaseCounter" k
      WHERE NOT EXISTS (SELECT 1 FROM "Region" r WHERE r.id = k."townId")
  ) orphans WHERE n > 0;
  IF problems IS NOT NULL THEN
    RAISE EXCEPTION 'integrity_foreign_keys refused: rows reference nothing: %', problems
      USING HINT = 'Repair or remove these rows by hand (docs/decisions/020-database-integrity-and-distribution-keys.md), then apply again.';
  END IF;
END $$;

-- A timeline row's town is its case's town (denormalised for sharding): copied where they differ.
UPDATE "CaseEvent" e SET "townId" = c."townId" FROM "Case" c WHERE c.id = e."caseId" AND e."townId" <> c."townId";

-- Retry caches and import jobs whose person or case is gone are dropped: nothing reads them again.
DELETE FROM "IdempotencyKey" k
  WHERE NOT EXISTS (SELECT 1 FROM "Staff" s WHERE s.id = k."staffId")
     OR NOT EXISTS (SELECT 1 FROM "Case" c WHERE c.id = k."caseId");
DELETE FROM "StaffImportJob" j WHERE NOT EXISTS (SELECT 1 FROM "Staff" s WHERE s.id = j."actorId");

-- DropForeignKey
ALTER TABLE "Case" DROP CONSTRAINT "Case_assigneeId_fkey";

-- DropForeignKey
ALTER TABLE "CaseEvent" DROP CONSTRAINT "CaseEvent_assigneeId_fkey";

-- DropForeignKey
ALTER TABLE "Upload" DROP CONSTRAINT "Upload_caseId_fkey";

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "Staff"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_escalatedById_fkey" FOREIGN KEY ("escalatedById") REFERENCES "Staff"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_extensionById_fkey" FOREIGN KEY ("extensionById") REFERENCES "Staff"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_duplicateOfId_fkey" FOREIGN KEY ("duplicateOfId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseEvent" ADD CONSTRAINT "CaseEvent_townId_fkey" FOREIGN KEY ("townId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseEvent" ADD CONSTRAINT "CaseEvent_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "Staff"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Upload" ADD CONSTRAINT "Upload_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IdempotencyKey" ADD CONSTRAINT "IdempotencyKey_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "Staff"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IdempotencyKey" ADD CONSTRAINT "IdempotencyKey_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseCounter" ADD CONSTRAINT "CaseCounter_townId_fkey" FOREIGN KEY ("townId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Staff"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_townId_fkey" FOREIGN KEY ("townId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffImportJob" ADD CONSTRAINT "StaffImportJob_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Staff"("id") ON DELETE CASCADE ON UPDATE CASCADE;
