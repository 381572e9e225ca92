-- The audit chain is extended at commit (docs/adr/0008-audit-chain-at-commit.md). Writers stage rows in
-- audit_pending; a deferred trigger moves each staged row onto the chain when its transaction commits: it locks the
-- head row, gives the row the next seq, hashes it onto the previous row and removes the staged copy. So the chain's
-- lock is always the last lock a transaction takes (no deadlock with row locks taken earlier) and is held only
-- while it commits. The row's canonical JSON without seq comes from the application (audit.chain.ts); the database
-- appends seq and hashes it exactly as `chainHash` does, and `npm run audit:verify` recomputes every hash in JS.
-- Staged rows never outlive their transaction, so the staging table needs no WAL.
ALTER TABLE "audit_pending" SET UNLOGGED;
--> statement-breakpoint
INSERT INTO "audit_head" ("id", "seq", "hash")
  SELECT 1, coalesce(max("seq"), 0),
         coalesce((SELECT "hash" FROM "audit_events" ORDER BY "seq" DESC LIMIT 1), repeat('0', 64))
    FROM "audit_events";
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_seal() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  head_seq bigint;
  head_hash text;
  row_hash text;
BEGIN
  SELECT seq, hash INTO head_seq, head_hash FROM audit_head WHERE id = 1 FOR UPDATE;
  IF head_seq IS NULL THEN
    RAISE EXCEPTION 'audit_head is missing: the audit chain cannot be extended';
  END IF;
  head_seq := head_seq + 1;
  row_hash := encode(sha256(convert_to(head_hash || E'\n' || NEW.content || ',"seq":' || head_seq || '}', 'UTF8')), 'hex');
  INSERT INTO audit_events (seq, at, actor_type, actor_id, actor_role, action, entity, entity_id, outcome, request_id,
                            details, prev_hash, hash)
    VALUES (head_seq, NEW.at, NEW.actor_type, NEW.actor_id, NEW.actor_role, NEW.action, NEW.entity, NEW.entity_id,
            NEW.outcome, NEW.request_id, NEW.details, head_hash, row_hash);
  UPDATE audit_head SET seq = head_seq, hash = row_hash WHERE id = 1;
  DELETE FROM audit_pending WHERE id = NEW.id;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER audit_pending_seal AFTER INSERT ON audit_pending
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_seal();
--> statement-breakpoint
-- The head only moves forward and is never removed (a superuser who disables this is still caught by audit:verify,
-- which checks the head against the last row).
CREATE OR REPLACE FUNCTION audit_head_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'UPDATE' OR NEW.seq <= OLD.seq THEN
    RAISE EXCEPTION 'audit_head only moves forward (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_head_forward_only BEFORE UPDATE OR DELETE ON audit_head
  FOR EACH ROW EXECUTE FUNCTION audit_head_forward_only();
--> statement-breakpoint
CREATE TRIGGER audit_head_no_truncate BEFORE TRUNCATE ON audit_head
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change();
