-- Issue 23: the case timeline ("CaseEvent") and the audit log ("AuditLog") are append-only in the
-- database itself, not only by the application's habit. UPDATE and DELETE are refused row by row,
-- TRUNCATE always. The one way to change a row is a correction opened in the same transaction with
-- gridgov_begin_history_correction(reason, actor): every row it touches is then allowed and leaves
-- an AuditLog entry (action history.update / history.delete, the row before and after, the reason).
-- Wiping a whole database stays `npm run db:reset`, which drops the schema (no row trigger runs).
-- See docs/decisions/020-database-integrity-and-distribution-keys.md.

CREATE FUNCTION gridgov_begin_history_correction(reason text, actor uuid DEFAULT NULL) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(btrim(reason), '') = '' THEN
    RAISE EXCEPTION 'a history correction needs a reason';
  END IF;
  IF actor IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "Staff" WHERE id = actor) THEN
    RAISE EXCEPTION 'a history correction names a person who does not exist: %', actor;
  END IF;
  -- Transaction-local: the correction ends with the transaction that opened it.
  PERFORM set_config('gridgov.correction_reason', reason, true);
  PERFORM set_config('gridgov.correction_actor', coalesce(actor::text, ''), true);
END $$;

CREATE FUNCTION gridgov_keep_history() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  reason text := coalesce(current_setting('gridgov.correction_reason', true), '');
  actor uuid := nullif(coalesce(current_setting('gridgov.correction_actor', true), ''), '')::uuid;
BEGIN
  IF TG_OP = 'TRUNCATE' OR reason = '' THEN
    RAISE EXCEPTION '"%" is append-only: % refused', TG_TABLE_NAME, TG_OP
      USING ERRCODE = 'integrity_constraint_violation',
        HINT = 'A correction calls gridgov_begin_history_correction(reason, actor) first, in the same transaction.';
  END IF;
  INSERT INTO "AuditLog" (id, "actorId", "actorName", action, entity, "entityId", "townId", before, after, summary)
  VALUES (gen_random_uuid(), actor, coalesce((SELECT name FROM "Staff" WHERE id = actor), session_user::text),
    'history.' || lower(TG_OP), TG_TABLE_NAME, OLD.id::text, OLD."townId", to_jsonb(OLD),
    CASE WHEN TG_OP = 'UPDATE' THEN to_jsonb(NEW) END, reason);
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "CaseEvent_append_only" BEFORE UPDATE OR DELETE ON "CaseEvent"
  FOR EACH ROW EXECUTE FUNCTION gridgov_keep_history();
CREATE TRIGGER "CaseEvent_no_truncate" BEFORE TRUNCATE ON "CaseEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION gridgov_keep_history();
CREATE TRIGGER "AuditLog_append_only" BEFORE UPDATE OR DELETE ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION gridgov_keep_history();
CREATE TRIGGER "AuditLog_no_truncate" BEFORE TRUNCATE ON "AuditLog"
  FOR EACH STATEMENT EXECUTE FUNCTION gridgov_keep_history();
