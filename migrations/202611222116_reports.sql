-- Progress reports: schedules and obligations, versioned reports with per-task items and evidence,
-- stored files, the current-status summary, bottlenecks, notifications and reminder deliveries.
-- User ids are plain integers: the users table arrives with the identity module.
CREATE TABLE reporting_schedule (
  id integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  program_id integer NOT NULL REFERENCES program(id),
  frequency text NOT NULL CHECK (frequency IN ('weekly','monthly','quarterly','semiannual','yearly')),
  -- Days after the period's last day (may be negative); used when due_dates is null.
  due_offset_days integer NOT NULL DEFAULT 0 CHECK (due_offset_days BETWEEN -180 AND 180),
  -- Fixed due days per period of the year as 'MM-DD', e.g. ["06-14","11-30"] for the 6-monthly report.
  due_dates jsonb,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT reporting_schedule_program_frequency_key UNIQUE (program_id, frequency)
);
--> statement-breakpoint
CREATE TABLE reporting_obligation (
  id integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  schedule_id integer NOT NULL REFERENCES reporting_schedule(id),
  program_id integer NOT NULL REFERENCES program(id),
  agency_id integer NOT NULL REFERENCES org_unit(id),
  period text NOT NULL,
  period_start date NOT NULL,
  period_end date NOT NULL,
  due_date date NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- Serves: generation is idempotent (ON CONFLICT DO NOTHING) and one agency's obligation per period.
  CONSTRAINT reporting_obligation_key UNIQUE (schedule_id, agency_id, period),
  CONSTRAINT reporting_obligation_range CHECK (period_end >= period_start)
);
--> statement-breakpoint
-- Serves: reporting rates per period and the reminder scan (obligations due in a date range).
CREATE INDEX reporting_obligation_due_idx ON reporting_obligation (program_id, due_date);
--> statement-breakpoint
-- Serves: an agency's inbox (its obligations by due date).
CREATE INDEX reporting_obligation_agency_idx ON reporting_obligation (agency_id, due_date);
--> statement-breakpoint
CREATE TABLE stored_file (
  id integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  agency_id integer NOT NULL REFERENCES org_unit(id),
  storage_name text NOT NULL CONSTRAINT stored_file_storage_name_key UNIQUE,
  original_name text NOT NULL,
  mime text NOT NULL,
  size_bytes integer NOT NULL CHECK (size_bytes > 0),
  sha256 text NOT NULL,
  uploaded_by integer,
  created_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE TABLE report (
  id integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  obligation_id integer NOT NULL REFERENCES reporting_obligation(id),
  agency_id integer NOT NULL REFERENCES org_unit(id),
  revision integer NOT NULL DEFAULT 1 CHECK (revision >= 1),
  status text NOT NULL CHECK (status IN ('draft','submitted','returned','accepted')),
  summary text NOT NULL DEFAULT '',
  -- Optimistic concurrency: every save must name the version it edited.
  lock_version integer NOT NULL DEFAULT 1,
  correction_reason text,
  return_reason text,
  created_by integer,
  submitted_by integer,
  submitted_at timestamptz,
  reviewed_by integer,
  accepted_at timestamptz,
  -- Set when a later revision is accepted; the old one stays readable.
  superseded_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT report_obligation_revision_key UNIQUE (obligation_id, revision),
  CONSTRAINT report_correction_has_reason CHECK (revision = 1 OR correction_reason IS NOT NULL)
);
--> statement-breakpoint
-- Serves: one open (editable or under review) revision per obligation at a time.
CREATE UNIQUE INDEX report_one_open_per_obligation ON report (obligation_id)
  WHERE status IN ('draft','submitted','returned');
--> statement-breakpoint
-- Serves: the review queue (submitted reports, oldest first) and an agency's reports by status.
CREATE INDEX report_status_idx ON report (status, submitted_at);
--> statement-breakpoint
CREATE INDEX report_agency_idx ON report (agency_id, status);
--> statement-breakpoint
-- The content of every saved draft version, so a conflicting save can be told what changed since.
CREATE TABLE report_snapshot (
  report_id integer NOT NULL REFERENCES report(id) ON DELETE CASCADE,
  lock_version integer NOT NULL,
  content jsonb NOT NULL,
  saved_by integer,
  saved_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (report_id, lock_version)
);
--> statement-breakpoint
CREATE TABLE report_item (
  id integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  report_id integer NOT NULL REFERENCES report(id) ON DELETE CASCADE,
  task_id integer NOT NULL REFERENCES task(id),
  status text NOT NULL CHECK (status IN ('not_started','in_progress','completed','paused','cancelled')),
  progress integer NOT NULL CHECK (progress BETWEEN 0 AND 100),
  completed_on date,
  done_text text NOT NULL DEFAULT '',
  difficulties text NOT NULL DEFAULT '',
  recommendations text NOT NULL DEFAULT '',
  -- Bottlenecks as drafted: [{type, description}]; they become bottleneck rows on submission.
  bottlenecks jsonb NOT NULL DEFAULT '[]'::jsonb,
  -- The reviewer's own assessment where it differs from the agency's; both are shown.
  reviewer_status text CHECK (reviewer_status IN ('not_started','in_progress','completed','paused','cancelled')),
  reviewer_progress integer CHECK (reviewer_progress BETWEEN 0 AND 100),
  reviewer_note text,
  CONSTRAINT report_item_report_task_key UNIQUE (report_id, task_id),
  CONSTRAINT report_item_completed_has_date CHECK (status <> 'completed' OR completed_on IS NOT NULL)
);
--> statement-breakpoint
-- Serves: task status as of a date (accepted items of one task, by acceptance time via report).
CREATE INDEX report_item_task_idx ON report_item (task_id, report_id);
--> statement-breakpoint
CREATE TABLE report_evidence (
  id integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  report_item_id integer NOT NULL REFERENCES report_item(id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('document','file','link')),
  document_number text,
  document_date date,
  document_issuer text,
  file_id integer REFERENCES stored_file(id),
  url text,
  note text,
  CONSTRAINT report_evidence_shape CHECK (
    (kind = 'document' AND document_number IS NOT NULL AND document_date IS NOT NULL AND document_issuer IS NOT NULL)
    OR (kind = 'file' AND file_id IS NOT NULL)
    OR (kind = 'link' AND url IS NOT NULL))
);
--> statement-breakpoint
-- Serves: evidence of the items of one report.
CREATE INDEX report_evidence_item_idx ON report_evidence (report_item_id);
--> statement-breakpoint
-- Serves: as-of queries pick accepted reports by acceptance time.
CREATE INDEX report_accepted_idx ON report (agency_id, accepted_at) WHERE status = 'accepted';
--> statement-breakpoint
-- The current state of each task for each reporting agency, updated in the transaction that accepts a
-- report, so dashboards and evaluations never recompute it per request.
CREATE TABLE task_current_status (
  task_id integer NOT NULL REFERENCES task(id),
  agency_id integer NOT NULL REFERENCES org_unit(id),
  report_id integer NOT NULL REFERENCES report(id),
  status text NOT NULL,
  progress integer NOT NULL,
  completed_on date,
  has_evidence boolean NOT NULL,
  accepted_at timestamptz NOT NULL,
  PRIMARY KEY (task_id, agency_id)
);
--> statement-breakpoint
-- Serves: an agency's current statuses (agency page, evaluation).
CREATE INDEX task_current_status_agency_idx ON task_current_status (agency_id, status);
--> statement-breakpoint
CREATE TABLE bottleneck (
  id integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  program_id integer NOT NULL REFERENCES program(id),
  agency_id integer REFERENCES org_unit(id),
  task_id integer REFERENCES task(id),
  report_id integer REFERENCES report(id),
  type text NOT NULL CHECK (type IN ('legal','finance','infrastructure','people','coordination','other')),
  description text NOT NULL CHECK (length(trim(description)) > 0),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','escalated','answered','cleared')),
  escalated_at timestamptz,
  answer text,
  answered_at timestamptz,
  cleared_at timestamptz,
  raised_by integer,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
-- Serves: the bottleneck board filtered by status and type.
CREATE INDEX bottleneck_status_idx ON bottleneck (program_id, status, type);
--> statement-breakpoint
-- Serves: bottlenecks of one agency.
CREATE INDEX bottleneck_agency_idx ON bottleneck (agency_id, status);
--> statement-breakpoint
CREATE TABLE notification (
  id integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  user_id integer NOT NULL,
  kind text NOT NULL,
  title text NOT NULL,
  body text NOT NULL,
  link text,
  read_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
-- Serves: a user's unread notifications, newest first.
CREATE INDEX notification_user_idx ON notification (user_id, created_at DESC);
--> statement-breakpoint
CREATE TABLE notification_preference (
  user_id integer PRIMARY KEY,
  in_app boolean NOT NULL DEFAULT true,
  email text,
  email_enabled boolean NOT NULL DEFAULT false,
  webhook_url text,
  webhook_enabled boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
-- Who receives reminders for an agency until the identity module says who holds which role there.
CREATE TABLE agency_contact (
  agency_id integer NOT NULL REFERENCES org_unit(id),
  user_id integer NOT NULL,
  role text NOT NULL CHECK (role IN ('focal_officer','head')),
  PRIMARY KEY (agency_id, user_id, role)
);
--> statement-breakpoint
CREATE TABLE reminder_setting (
  program_id integer PRIMARY KEY REFERENCES program(id),
  -- Days before a deadline on which to remind, e.g. [7,3,1].
  days_before jsonb NOT NULL DEFAULT '[7,3,1]'::jsonb,
  -- Working days overdue after which the head is told.
  escalate_after_days integer NOT NULL DEFAULT 5 CHECK (escalate_after_days >= 0)
);
--> statement-breakpoint
-- One row per reminder × recipient × channel, inserted before sending: a second run finds it and skips.
CREATE TABLE reminder_delivery (
  id integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  reminder_key text NOT NULL,
  user_id integer NOT NULL,
  channel text NOT NULL CHECK (channel IN ('in_app','email','webhook')),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','sent','failed')),
  error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  CONSTRAINT reminder_delivery_key UNIQUE (reminder_key, user_id, channel)
);
--> statement-breakpoint
-- Public pages show task status from accepted reports. Where the public answer cache's epoch exists
-- (migration *_public_data_epoch, merged from another branch), these tables move it too; without it,
-- nothing to do.
DO $$
BEGIN
  IF to_regprocedure('bump_public_data_epoch()') IS NOT NULL THEN
    EXECUTE 'CREATE TRIGGER report_public_epoch AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON report
      FOR EACH STATEMENT EXECUTE FUNCTION bump_public_data_epoch()';
    EXECUTE 'CREATE TRIGGER report_item_public_epoch AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON report_item
      FOR EACH STATEMENT EXECUTE FUNCTION bump_public_data_epoch()';
    EXECUTE 'CREATE TRIGGER task_current_status_public_epoch AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
      ON task_current_status FOR EACH STATEMENT EXECUTE FUNCTION bump_public_data_epoch()';
  END IF;
END $$;
