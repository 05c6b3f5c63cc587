-- Evaluation: versioned scoring methods, published snapshots frozen for good, and rechecks asked by agencies.
-- Published methods and snapshots are append-only, like audit_event: a changed weight is a new version, a
-- corrected evaluation is a new snapshot.
CREATE TABLE scoring_method (
  id integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  code text NOT NULL CHECK (code ~ '^[a-z0-9_-]{1,40}$'),
  version integer NOT NULL CHECK (version > 0),
  name_vi text NOT NULL CHECK (length(trim(name_vi)) > 0),
  name_en text,
  -- {"on_time_completion": 40, ...}: whole numbers summing to 100, checked by the service (docs/evaluation.md).
  weights jsonb NOT NULL,
  -- {"overdue": 20}: whole points, at most 50 in all.
  penalties jsonb NOT NULL,
  -- How much a partner's task counts beside a lead's, in hundredths (50 = half).
  partner_share_pct integer NOT NULL CHECK (partner_share_pct BETWEEN 0 AND 100),
  note text,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by_user_id integer,
  created_by_label text NOT NULL,
  -- Serves: one version of a method; the latest version of a code (ORDER BY version DESC LIMIT 1).
  CONSTRAINT scoring_method_code_version_key UNIQUE (code, version)
);
--> statement-breakpoint
CREATE TABLE evaluation_snapshot (
  id integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  program_id integer NOT NULL REFERENCES program(id),
  period text NOT NULL,
  period_start date NOT NULL,
  period_end date NOT NULL,
  as_of date NOT NULL,
  method_id integer NOT NULL REFERENCES scoring_method(id),
  previous_snapshot_id integer REFERENCES evaluation_snapshot(id),
  -- The whole published evaluation: method, figures, scores with their explanations, rankings, scorecards,
  -- changes since the previous snapshot. content_hash = sha256 of its canonical JSON (sorted keys).
  content jsonb NOT NULL,
  content_hash text NOT NULL CHECK (content_hash ~ '^[0-9a-f]{64}$'),
  published_at timestamptz NOT NULL DEFAULT now(),
  published_by_user_id integer,
  published_by_label text NOT NULL,
  CONSTRAINT evaluation_snapshot_as_of_in_period CHECK (as_of BETWEEN period_start AND period_end)
);
--> statement-breakpoint
-- Serves: the public list of a program's snapshots, newest first, and "the previous snapshot" at publication.
CREATE INDEX evaluation_snapshot_program_idx ON evaluation_snapshot (program_id, id DESC);
--> statement-breakpoint
CREATE TABLE evaluation_recheck (
  id integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  snapshot_id integer NOT NULL REFERENCES evaluation_snapshot(id),
  agency_id integer NOT NULL REFERENCES org_unit(id),
  reason text NOT NULL CHECK (length(trim(reason)) > 0),
  requested_at timestamptz NOT NULL DEFAULT now(),
  requested_by_user_id integer,
  requested_by_label text NOT NULL,
  answer text,
  outcome text CHECK (outcome IN ('upheld', 'corrected_in_next')),
  answered_at timestamptz,
  answered_by_user_id integer,
  answered_by_label text,
  CONSTRAINT evaluation_recheck_answer_whole CHECK (
    (answer IS NULL AND outcome IS NULL AND answered_at IS NULL AND answered_by_label IS NULL)
    OR (answer IS NOT NULL AND length(trim(answer)) > 0 AND outcome IS NOT NULL AND answered_at IS NOT NULL
        AND answered_by_label IS NOT NULL))
);
--> statement-breakpoint
-- Serves: the rechecks shown with a snapshot, in the order they were asked.
CREATE INDEX evaluation_recheck_snapshot_idx ON evaluation_recheck (snapshot_id, id);
--> statement-breakpoint
-- Published methods and snapshots never change, whoever asks (a superuser disabling the trigger gets past,
-- and the snapshot's content_hash then shows it).
CREATE OR REPLACE FUNCTION evaluation_published_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is published and cannot be changed or removed', TG_TABLE_NAME;
END $$;
--> statement-breakpoint
CREATE TRIGGER scoring_method_immutable BEFORE UPDATE OR DELETE ON scoring_method
  FOR EACH ROW EXECUTE FUNCTION evaluation_published_immutable();
--> statement-breakpoint
CREATE TRIGGER scoring_method_no_truncate BEFORE TRUNCATE ON scoring_method
  FOR EACH STATEMENT EXECUTE FUNCTION evaluation_published_immutable();
--> statement-breakpoint
CREATE TRIGGER evaluation_snapshot_immutable BEFORE UPDATE OR DELETE ON evaluation_snapshot
  FOR EACH ROW EXECUTE FUNCTION evaluation_published_immutable();
--> statement-breakpoint
CREATE TRIGGER evaluation_snapshot_no_truncate BEFORE TRUNCATE ON evaluation_snapshot
  FOR EACH STATEMENT EXECUTE FUNCTION evaluation_published_immutable();
--> statement-breakpoint
-- A recheck is asked once and answered once: the answer may be written while it is open, never changed after.
CREATE OR REPLACE FUNCTION evaluation_recheck_answer_once() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR OLD.answered_at IS NOT NULL
     OR NEW.snapshot_id IS DISTINCT FROM OLD.snapshot_id OR NEW.agency_id IS DISTINCT FROM OLD.agency_id
     OR NEW.reason IS DISTINCT FROM OLD.reason OR NEW.requested_at IS DISTINCT FROM OLD.requested_at
     OR NEW.requested_by_user_id IS DISTINCT FROM OLD.requested_by_user_id
     OR NEW.requested_by_label IS DISTINCT FROM OLD.requested_by_label THEN
    RAISE EXCEPTION 'evaluation_recheck: a request is kept as asked and answered once';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER evaluation_recheck_answer_once BEFORE UPDATE OR DELETE ON evaluation_recheck
  FOR EACH ROW EXECUTE FUNCTION evaluation_recheck_answer_once();
