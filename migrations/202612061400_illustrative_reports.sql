-- Demo mode's illustrative reports (issue 5): the reports and the obligations the demo created are flagged,
-- so every screen and API can label them "Minh hoạ" and leaving demo mode deletes exactly them. Decision 100.
ALTER TABLE report ADD COLUMN illustrative boolean NOT NULL DEFAULT false;
--> statement-breakpoint
ALTER TABLE reporting_obligation ADD COLUMN illustrative boolean NOT NULL DEFAULT false;
--> statement-breakpoint
-- Serves: finding the illustrative reports on start (demo on: are they there; demo off: delete them) and
-- the task-status label lookup; a handful of rows, absent outside demo mode.
CREATE INDEX report_illustrative_idx ON report (id) WHERE illustrative;
--> statement-breakpoint
-- Serves: deleting the demo's own obligations when demo mode is off.
CREATE INDEX reporting_obligation_illustrative_idx ON reporting_obligation (id) WHERE illustrative;
