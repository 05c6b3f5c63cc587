-- What happened to a bottleneck after it was raised: escalated to the steering committee, answered,
-- cleared, each with who, when and an optional note (the answer itself for "answer"). Raising is the
-- bottleneck row itself (created_at, raised_by, report_id), so a bottleneck raised in a report needs no
-- event from the reports module. Decision 057.
CREATE TABLE bottleneck_event (
  id integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  bottleneck_id integer NOT NULL REFERENCES bottleneck(id) ON DELETE CASCADE,
  action text NOT NULL CHECK (action IN ('escalate','answer','clear')),
  note text,
  actor_user_id integer,
  actor_label text NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
-- Serves: one bottleneck's history, oldest first (GET /api/bottlenecks/:id).
CREATE INDEX bottleneck_event_bottleneck_idx ON bottleneck_event (bottleneck_id, at, id);
