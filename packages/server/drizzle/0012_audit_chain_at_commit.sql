-- The audit chain is extended at commit (docs/adr/0012-audit-chain-at-commit.md). Writers stage rows in
-- audit_pending; a deferred trigger moves the staged rows onto the chain when their transaction commits: it locks the
-- head row, gives each row the next seq, hashes it onto the previous row and removes the staged copies. So the chain's
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
  sealed_through bigint := coalesce(nullif(current_setting('openclm.audit_sealed_through', true), '')::bigint, 0);
  head_seq bigint;
  head_hash text;
  r record;
  ids bigint[] := '{}';
  seqs bigint[] := '{}';
  prev_hashes text[] := '{}';
  hashes text[] := '{}';
BEGIN
  -- The trigger fires once per staged row, but the first firing seals every row the transaction staged (set-based,
  -- one lock, one insert); the later firings find their row done and return.
  IF NEW.id <= sealed_through THEN
    RETURN NULL;
  END IF;
  SELECT seq, hash INTO head_seq, head_hash FROM audit_head WHERE id = 1 FOR UPDATE;
  IF head_seq IS NULL THEN
    RAISE EXCEPTION 'audit_head is missing: the audit chain cannot be extended';
  END IF;
  FOR r IN SELECT id, content FROM audit_pending ORDER BY id LOOP
    head_seq := head_seq + 1;
    ids := ids || r.id;
    seqs := seqs || head_seq;
    prev_hashes := prev_hashes || head_hash;
    head_hash := encode(sha256(convert_to(head_hash || E'\n' || r.content || ',"seq":' || head_seq || '}', 'UTF8')), 'hex');
    hashes := hashes || head_hash;
  END LOOP;
  INSERT INTO audit_events (seq, at, actor_type, actor_id, actor_role, action, entity, entity_id, outcome, request_id,
                            details, prev_hash, hash)
    SELECT s.seq, p.at, p.actor_type, p.actor_id, p.actor_role, p.action, p.entity, p.entity_id, p.outcome,
           p.request_id, p.details, s.prev_hash, s.hash
      FROM unnest(ids, seqs, prev_hashes, hashes) AS s(id, seq, prev_hash, hash)
      JOIN audit_pending p ON p.id = s.id
     ORDER BY s.seq;
  UPDATE audit_head SET seq = head_seq, hash = head_hash WHERE id = 1;
  DELETE FROM audit_pending WHERE id = ANY (ids);
  PERFORM set_config('openclm.audit_sealed_through', ids[array_upper(ids, 1)]::text, true);
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
