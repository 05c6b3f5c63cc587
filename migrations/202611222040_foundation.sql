-- Foundation: extensions, accent-insensitive search helper, organisations, the program, its tasks and targets.
-- Statements are separated by breakpoints because PGlite's query() takes one statement at a time.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS ltree;
--> statement-breakpoint
-- unaccent() is only STABLE (it reads a dictionary), so it cannot back an index. Pinning the dictionary
-- makes the result depend on the input alone, which is what IMMUTABLE promises. unaccent maps đ→d.
CREATE OR REPLACE FUNCTION f_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
--> statement-breakpoint
CREATE TABLE org_unit (
  id integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  code text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('government','ministry','ministerial_agency','government_agency',
    'province','city','department','commune','ward','special_zone','other')),
  name_vi text NOT NULL CHECK (length(trim(name_vi)) > 0),
  name_en text,
  parent_id integer REFERENCES org_unit(id),
  valid_from date,
  valid_to date,
  source text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT org_unit_code_key UNIQUE (code),
  CONSTRAINT org_unit_not_own_parent CHECK (parent_id IS DISTINCT FROM id),
  CONSTRAINT org_unit_valid_range CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from)
);
--> statement-breakpoint
-- Serves: children of a unit (agency pages, the organisation tree).
CREATE INDEX org_unit_parent_idx ON org_unit (parent_id);
--> statement-breakpoint
-- Serves: accent-insensitive search of agencies by name ("da nang" finds "Đà Nẵng").
CREATE INDEX org_unit_name_trgm_idx ON org_unit USING gin (f_unaccent(name_vi) gin_trgm_ops);
--> statement-breakpoint
CREATE TABLE org_unit_alias (
  id integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  org_unit_id integer NOT NULL REFERENCES org_unit(id) ON DELETE CASCADE,
  name text NOT NULL,
  normalized text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('legacy','variant','abbreviation')),
  note text,
  -- Serves: mapping a name as written in a source document to today's organisation.
  CONSTRAINT org_unit_alias_normalized_key UNIQUE (normalized)
);
--> statement-breakpoint
CREATE TABLE program (
  id integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  code text NOT NULL CONSTRAINT program_code_key UNIQUE,
  name_vi text NOT NULL,
  name_en text,
  document_no text NOT NULL,
  document_date date,
  replaces_document_no text,
  parent_document_no text,
  sources jsonb NOT NULL DEFAULT '[]'::jsonb,
  created_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE TABLE task_group (
  id integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  program_id integer NOT NULL REFERENCES program(id),
  no integer NOT NULL CHECK (no > 0),
  title_vi text NOT NULL,
  title_en text,
  title_source text,
  CONSTRAINT task_group_program_no_key UNIQUE (program_id, no)
);
--> statement-breakpoint
CREATE TABLE program_item (
  id integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  program_id integer NOT NULL REFERENCES program(id),
  group_id integer NOT NULL REFERENCES task_group(id),
  code text NOT NULL,
  position integer NOT NULL,
  text_vi text NOT NULL,
  text_source text,
  CONSTRAINT program_item_program_code_key UNIQUE (program_id, code)
);
--> statement-breakpoint
-- Serves: the items of one group in order (the program text page).
CREATE INDEX program_item_group_idx ON program_item (group_id, position);
--> statement-breakpoint
CREATE TABLE program_load_run (
  id integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  program_id integer NOT NULL REFERENCES program(id),
  loaded_at timestamptz NOT NULL DEFAULT now(),
  source_hash text NOT NULL,
  summary jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE task (
  id integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  program_id integer NOT NULL REFERENCES program(id),
  group_id integer NOT NULL REFERENCES task_group(id),
  code text NOT NULL,
  source_row integer,
  content_vi text NOT NULL CHECK (length(trim(content_vi)) > 0),
  lead_as_written text,
  partners_as_written text,
  product_as_written text,
  product_type text CHECK (product_type IN ('law','resolution','decree','pm_decision','circular','scheme',
    'program','plan','report','platform','other')),
  deadline_as_written text,
  due_date date,
  recurrence text CHECK (recurrence IN ('yearly','ongoing')),
  deadline_rule text,
  source_document text,
  source_hash text,
  edited_locally boolean NOT NULL DEFAULT false,
  search_text text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT task_program_code_key UNIQUE (program_id, code)
);
--> statement-breakpoint
-- Serves: the task list filtered by group, ordered by code.
CREATE INDEX task_group_idx ON task (group_id);
--> statement-breakpoint
-- Serves: the deadline-range filter and deadlines by quarter.
CREATE INDEX task_due_date_idx ON task (due_date);
--> statement-breakpoint
-- Serves: accent- and case-insensitive search (search_text is already unaccented and lower-cased).
CREATE INDEX task_search_trgm_idx ON task USING gin (search_text gin_trgm_ops);
--> statement-breakpoint
CREATE TABLE task_agency (
  id integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  task_id integer NOT NULL REFERENCES task(id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('lead','partner')),
  position integer NOT NULL,
  org_unit_id integer REFERENCES org_unit(id),
  collective text CHECK (collective IN ('all_ministries','all_provinces','all_ministries_and_provinces')),
  name_as_written text NOT NULL,
  CONSTRAINT task_agency_one_target CHECK (org_unit_id IS NULL OR collective IS NULL),
  CONSTRAINT task_agency_task_role_position_key UNIQUE (task_id, role, position)
);
--> statement-breakpoint
-- Serves: an agency's tasks (agency page, lead-agency filter, agencies with most tasks).
CREATE INDEX task_agency_org_idx ON task_agency (org_unit_id, role, task_id);
--> statement-breakpoint
CREATE TABLE indicator_group (
  id integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  program_id integer NOT NULL REFERENCES program(id),
  no integer NOT NULL,
  title_vi text NOT NULL,
  horizon_year integer,
  CONSTRAINT indicator_group_program_no_key UNIQUE (program_id, no)
);
--> statement-breakpoint
CREATE TABLE target (
  id integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  program_id integer NOT NULL REFERENCES program(id),
  code text NOT NULL,
  indicator_group_id integer REFERENCES indicator_group(id),
  indicator_no text,
  text_vi text NOT NULL,
  text_en text,
  target_value_text text NOT NULL,
  target_value numeric,
  target_value_max numeric,
  unit text,
  comparison text NOT NULL CHECK (comparison IN ('>=','>','<=','<','rank<=','range','qualitative','qualitative_rank')),
  comparison_inferred boolean NOT NULL DEFAULT false,
  target_year integer CHECK (target_year BETWEEN 2000 AND 2100),
  in_nq57 boolean NOT NULL,
  monitoring_agency_id integer REFERENCES org_unit(id),
  monitoring_agency_as_written text,
  notes jsonb NOT NULL DEFAULT '{}'::jsonb,
  sources jsonb NOT NULL DEFAULT '[]'::jsonb,
  source_hash text,
  edited_locally boolean NOT NULL DEFAULT false,
  CONSTRAINT target_program_code_key UNIQUE (program_id, code)
);
--> statement-breakpoint
-- Serves: the targets of one indicator group.
CREATE INDEX target_indicator_group_idx ON target (indicator_group_id);
