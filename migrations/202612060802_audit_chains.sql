-- Sixteen hash chains instead of one (decision 075). A writing transaction appends to the chain its
-- transaction id picks (txid % 16) under that chain's lock, so concurrent writers rarely wait for each
-- other; each chain links its rows in id order exactly as the one chain did. Existing rows are chain 0,
-- so the chain they form verifies as before.
ALTER TABLE audit_event ADD COLUMN chain smallint NOT NULL DEFAULT 0 CHECK (chain BETWEEN 0 AND 15);
--> statement-breakpoint
-- Serves: the last hash of a chain, read by every append (recordAuditBatch) under the chain's lock.
CREATE INDEX audit_event_chain_idx ON audit_event (chain, id DESC);
