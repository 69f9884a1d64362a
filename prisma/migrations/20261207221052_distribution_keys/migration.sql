-- Issue 23, docs/decisions/020: keys ready for distribution by town. A duplicate names a case of its
-- own town (the service has always checked it); a row that does not is refused by name, not guessed at.
DO $$
DECLARE
  n bigint;
BEGIN
  SELECT count(*) INTO n FROM "Case" c JOIN "Case" d ON d.id = c."duplicateOfId" WHERE d."townId" <> c."townId";
  IF n > 0 THEN
    RAISE EXCEPTION 'distribution_keys refused: Case.duplicateOfId names a case of another town (% rows)', n
      USING HINT = 'Clear or correct those rows by hand, then apply again.';
  END IF;
END $$;

-- DropForeignKey
ALTER TABLE "Case" DROP CONSTRAINT "Case_duplicateOfId_fkey";

-- DropForeignKey
ALTER TABLE "CaseEvent" DROP CONSTRAINT "CaseEvent_caseId_fkey";

-- DropIndex
DROP INDEX "CaseEvent_caseId_seq_key";

-- CreateIndex
CREATE UNIQUE INDEX "Case_townId_id_key" ON "Case"("townId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "CaseEvent_caseId_seq_townId_key" ON "CaseEvent"("caseId", "seq", "townId");

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_townId_duplicateOfId_fkey" FOREIGN KEY ("townId", "duplicateOfId") REFERENCES "Case"("townId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseEvent" ADD CONSTRAINT "CaseEvent_townId_caseId_fkey" FOREIGN KEY ("townId", "caseId") REFERENCES "Case"("townId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
