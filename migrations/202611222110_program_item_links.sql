-- Links between the lettered items of section II and the tasks that carry them out. The documents give
-- no mapping: the platform suggests links by text similarity, with the score and the method, and only a
-- coordinator's decision (confirmed / rejected) makes a link count. Re-running the suggestions never
-- touches a decided link.
CREATE TABLE program_item_link (
  id integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  program_id integer NOT NULL REFERENCES program(id),
  item_id integer NOT NULL REFERENCES program_item(id) ON DELETE CASCADE,
  task_id integer NOT NULL REFERENCES task(id) ON DELETE CASCADE,
  score real NOT NULL CHECK (score >= 0 AND score <= 1),
  method text NOT NULL,
  status text NOT NULL DEFAULT 'suggested' CHECK (status IN ('suggested', 'confirmed', 'rejected')),
  decided_by text,
  decided_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- Serves: the links of one item (program text page) and the upsert of suggestions.
  CONSTRAINT program_item_link_item_task_key UNIQUE (item_id, task_id)
);
--> statement-breakpoint
-- Serves: the links of one task (task page).
CREATE INDEX program_item_link_task_idx ON program_item_link (task_id);
--> statement-breakpoint
-- Serves: a program's links by status (public list of confirmed links; the coordinator's review queue).
CREATE INDEX program_item_link_program_status_idx ON program_item_link (program_id, status);
