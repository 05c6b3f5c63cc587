-- Targets: the coordinator completes each target's baseline; every change to a target is versioned;
-- measured values (observations) are entered by the monitoring agency and reviewed before they are public.
ALTER TABLE target ADD COLUMN baseline_value numeric;
--> statement-breakpoint
ALTER TABLE target ADD COLUMN baseline_year integer CHECK (baseline_year BETWEEN 2000 AND 2045);
--> statement-breakpoint
ALTER TABLE target ADD COLUMN baseline_source text;
--> statement-breakpoint
ALTER TABLE target ADD COLUMN version integer NOT NULL DEFAULT 1;
--> statement-breakpoint
ALTER TABLE target ADD COLUMN updated_at timestamptz;
--> statement-breakpoint
-- One row per change of a target's definition: the full definition before and after, who and when.
-- Version 1 is the loaded definition and has no row; row N holds the change that made version N.
CREATE TABLE target_version (
  id integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  target_id integer NOT NULL REFERENCES target(id),
  version integer NOT NULL,
  changed_at timestamptz NOT NULL,
  actor_user_id integer,
  actor_label text NOT NULL,
  reason text,
  before jsonb NOT NULL,
  after jsonb NOT NULL,
  -- Serves: a target's history, newest first.
  CONSTRAINT target_version_target_version_key UNIQUE (target_id, version)
);
--> statement-breakpoint
-- A measured value of a target for a period and an optional breakdown. period '' is the whole year;
-- disaggregation '' / '' is the national (headline) value. Numeric targets carry value; qualitative
-- targets carry an assessment (assessed_class and assessment_text) instead.
CREATE TABLE target_observation (
  id integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  target_id integer NOT NULL REFERENCES target(id),
  period_year integer NOT NULL CHECK (period_year BETWEEN 2000 AND 2045),
  period text NOT NULL DEFAULT '' CHECK (period ~ '^(|Q[1-4]|H[12]|M(0[1-9]|1[0-2]))$'),
  disaggregation_key text NOT NULL DEFAULT '',
  disaggregation_value text NOT NULL DEFAULT '',
  value numeric,
  assessed_class text CHECK (assessed_class IN ('target_achieved','substantial_progress','moderate_progress','limited_progress','deterioration')),
  assessment_text text,
  unit text,
  source text,
  note text,
  evidence_url text,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','submitted','accepted','returned')),
  return_reason text,
  agency_id integer REFERENCES org_unit(id),
  entered_by_user_id integer,
  entered_by_label text NOT NULL,
  entered_at timestamptz NOT NULL,
  submitted_at timestamptz,
  reviewed_by_user_id integer,
  reviewed_by_label text,
  reviewed_at timestamptz,
  updated_at timestamptz NOT NULL,
  CHECK (value IS NOT NULL OR assessed_class IS NOT NULL),
  CHECK ((disaggregation_key = '') = (disaggregation_value = '')),
  -- Serves: one value per target, period and breakdown (the duplicate check), and a target's series.
  CONSTRAINT target_observation_period_key UNIQUE (target_id, period_year, period, disaggregation_key, disaggregation_value)
);
--> statement-breakpoint
-- Serves: the review queue (submitted values) and the public series and progress (accepted values).
CREATE INDEX target_observation_status_idx ON target_observation (status, target_id);
--> statement-breakpoint
-- Public pages show accepted values and progress from them: move the public-data epoch on every change
-- (see 202611222100_public_data_epoch.sql). target already has its trigger.
CREATE TRIGGER target_observation_public_epoch AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON target_observation
  FOR EACH STATEMENT EXECUTE FUNCTION bump_public_data_epoch();
