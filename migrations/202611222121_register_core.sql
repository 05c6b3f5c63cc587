-- The register core: the people and assignment of a task (5 rõ), its original deadline, agency plans
-- (tasks owned by a ministry or province that implement a Program task), deadline extensions, the
-- versions of every task, and the targets a task serves.
CREATE TABLE agency_plan (
  id integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  program_id integer NOT NULL REFERENCES program(id),
  org_unit_id integer NOT NULL REFERENCES org_unit(id),
  title_vi text NOT NULL CHECK (length(trim(title_vi)) > 0),
  document_no text,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- Serves: an agency's plan by its agency (plans routes, copy-down, gap detection).
  CONSTRAINT agency_plan_program_org_key UNIQUE (program_id, org_unit_id)
);
--> statement-breakpoint
ALTER TABLE task ADD COLUMN source_item text;
--> statement-breakpoint
ALTER TABLE task ADD COLUMN accountable_head_user_id integer;
--> statement-breakpoint
ALTER TABLE task ADD COLUMN accountable_head_name text;
--> statement-breakpoint
ALTER TABLE task ADD COLUMN focal_officer_user_id integer;
--> statement-breakpoint
ALTER TABLE task ADD COLUMN focal_officer_name text;
--> statement-breakpoint
ALTER TABLE task ADD COLUMN register_state text NOT NULL DEFAULT 'draft'
  CHECK (register_state IN ('draft','assigned','cancelled'));
--> statement-breakpoint
ALTER TABLE task ADD COLUMN assigned_on date;
--> statement-breakpoint
ALTER TABLE task ADD COLUMN assigned_at timestamptz;
--> statement-breakpoint
ALTER TABLE task ADD COLUMN original_due_date date;
--> statement-breakpoint
ALTER TABLE task ADD COLUMN cancelled_at timestamptz;
--> statement-breakpoint
ALTER TABLE task ADD COLUMN cancel_reason text;
--> statement-breakpoint
ALTER TABLE task ADD COLUMN plan_id integer REFERENCES agency_plan(id);
--> statement-breakpoint
ALTER TABLE task ADD COLUMN parent_task_id integer REFERENCES task(id);
--> statement-breakpoint
ALTER TABLE task ADD CONSTRAINT task_not_own_parent CHECK (parent_task_id IS DISTINCT FROM id);
--> statement-breakpoint
ALTER TABLE task ADD CONSTRAINT task_assignment_complete CHECK (
  register_state <> 'assigned' OR (assigned_on IS NOT NULL AND assigned_at IS NOT NULL));
--> statement-breakpoint
ALTER TABLE task ADD CONSTRAINT task_deadline_after_assignment CHECK (
  original_due_date IS NULL OR assigned_on IS NULL OR original_due_date >= assigned_on);
--> statement-breakpoint
-- Serves: the children of a task (plan tree, roll-up, gap detection, cycle check).
CREATE INDEX task_parent_idx ON task (parent_task_id);
--> statement-breakpoint
-- Serves: the items of one agency's plan.
CREATE INDEX task_plan_idx ON task (plan_id);
--> statement-breakpoint
-- The original deadline is the yardstick for on-time: once set at assignment it never changes, whoever asks.
CREATE OR REPLACE FUNCTION task_original_due_date_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.original_due_date IS NOT NULL AND NEW.original_due_date IS DISTINCT FROM OLD.original_due_date THEN
    RAISE EXCEPTION 'task.original_due_date never changes once assigned';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER task_original_due_date_frozen BEFORE UPDATE OF original_due_date ON task
  FOR EACH ROW EXECUTE FUNCTION task_original_due_date_frozen();
--> statement-breakpoint
CREATE TABLE task_target (
  task_id integer NOT NULL REFERENCES task(id) ON DELETE CASCADE,
  target_id integer NOT NULL REFERENCES target(id) ON DELETE CASCADE,
  CONSTRAINT task_target_pkey PRIMARY KEY (task_id, target_id)
);
--> statement-breakpoint
-- Serves: the tasks serving one target (the target page).
CREATE INDEX task_target_target_idx ON task_target (target_id, task_id);
--> statement-breakpoint
CREATE TABLE deadline_extension (
  id integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  task_id integer NOT NULL REFERENCES task(id),
  requesting_org_id integer REFERENCES org_unit(id),
  requested_by_user_id integer,
  requested_by_label text NOT NULL,
  reason text NOT NULL CHECK (length(trim(reason)) > 0),
  previous_due_date date NOT NULL,
  requested_due_date date NOT NULL CHECK (requested_due_date > previous_due_date),
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending','approved','refused')),
  requested_at timestamptz NOT NULL DEFAULT now(),
  decided_at timestamptz,
  decided_by_user_id integer,
  decided_by_label text,
  decision_note text,
  CONSTRAINT deadline_extension_decided CHECK ((state = 'pending') = (decided_at IS NULL))
);
--> statement-breakpoint
-- Serves: a task's extension history and deadlinesOf() (latest approved extension as of a date).
CREATE INDEX deadline_extension_task_idx ON deadline_extension (task_id, decided_at);
--> statement-breakpoint
-- Serves: the coordinator's queue of pending requests; also allows one pending request per task.
CREATE UNIQUE INDEX deadline_extension_one_pending_idx ON deadline_extension (task_id) WHERE state = 'pending';
--> statement-breakpoint
CREATE TABLE task_version (
  id bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  task_id integer NOT NULL REFERENCES task(id),
  version_no integer NOT NULL CHECK (version_no > 0),
  valid_from timestamptz NOT NULL,
  valid_to timestamptz,
  change text NOT NULL,
  actor_label text NOT NULL,
  snapshot jsonb NOT NULL,
  CONSTRAINT task_version_task_no_key UNIQUE (task_id, version_no),
  CONSTRAINT task_version_range CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
--> statement-breakpoint
-- Serves: the register as of a date (the version of each task valid then) and one task's history.
CREATE INDEX task_version_task_valid_idx ON task_version (task_id, valid_from DESC);
--> statement-breakpoint
-- Public pages may show the targets a task serves: their cached answers must move when the links do.
CREATE TRIGGER task_target_public_epoch AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON task_target
  FOR EACH STATEMENT EXECUTE FUNCTION bump_public_data_epoch();
