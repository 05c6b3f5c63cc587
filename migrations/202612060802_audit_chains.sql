-- Sixteen hash chains instead of one (decision 075). A writing transaction appends to the chain its
-- transaction id picks (txid % 16) under that chain's lock, so concurrent writers rarely wait for each
-- other; each chain links its rows in id order exactly as the one chain did. Existing rows are chain 0,
-- so the chain they form verifies as before.
ALTER TABLE audit_event ADD COLUMN chain smallint NOT NULL DEFAULT 0 CHECK (chain BETWEEN 0 AND 15);
--> statement-breakpoint
-- Serves: the last hash of a chain, read by every append (recordAuditBatch) under the chain's lock.
CREATE INDEX audit_event_chain_idx ON audit_event (chain, id DESC);
--> statement-breakpoint
-- One round trip per append instead of three: picks the transaction's chain, takes its lock, and reads its
-- last hash in a statement of its own (a VOLATILE function's statements each take a new snapshot under
-- READ COMMITTED), so the hash read is the one the previous holder of the lock committed.
CREATE FUNCTION audit_chain_tip(chains int) RETURNS TABLE (tip_chain int, tip_hash text)
  LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  c int := (txid_current() % chains)::int;
BEGIN
  PERFORM pg_advisory_xact_lock(570059, c);
  RETURN QUERY SELECT c, (SELECT e.hash FROM audit_event e WHERE e.chain = c ORDER BY e.id DESC LIMIT 1);
END $$;
