-- The audit trail: every change by anyone, append-only and hash-chained (each row's hash covers the
-- previous row's hash), so a changed or deleted row breaks the chain at that point.
CREATE TABLE audit_event (
  id bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  occurred_at timestamptz NOT NULL,
  actor_user_id integer,
  actor_label text NOT NULL,
  via text NOT NULL CHECK (via IN ('api','cli','system')),
  ip text,
  user_agent text,
  action text NOT NULL,
  entity_type text NOT NULL,
  entity_id text,
  before jsonb,
  after jsonb,
  prev_hash text,
  hash text NOT NULL
);
--> statement-breakpoint
-- Serves: the audit browser's filters (one object's history; one person's actions), newest first.
CREATE INDEX audit_event_entity_idx ON audit_event (entity_type, entity_id, id DESC);
--> statement-breakpoint
CREATE INDEX audit_event_actor_idx ON audit_event (actor_user_id, id DESC);
--> statement-breakpoint
CREATE INDEX audit_event_occurred_idx ON audit_event (occurred_at DESC);
--> statement-breakpoint
-- Append-only: no update, no delete, whoever asks. Only a superuser disabling the trigger gets past,
-- and the hash chain then shows where.
CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only';
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
