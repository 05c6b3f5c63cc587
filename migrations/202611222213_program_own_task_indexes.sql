-- The Program's own tasks among many agencies' plan items (task.plan_id IS NULL). At national scale
-- (500,000 tasks, of which about 140 are the Program's own) these predicates otherwise read every
-- task of the program or of a group; see docs/benchmarks.md for the EXPLAIN before and after.

-- Serves: programOverview's groupsWithCounts (count of the Program's own tasks per group,
-- `t.group_id = g.id AND t.plan_id IS NULL`).
CREATE INDEX task_own_group_idx ON task (group_id) WHERE plan_id IS NULL;
--> statement-breakpoint

-- Serves: `program_id = $1 AND plan_id IS NULL` in programOverview (totals, deadlinesByQuarter,
-- deadlineKinds, topAgencies, collectiveCounts), the public task list and search (tasks.repository),
-- task facts for evaluations (task-facts.repository) and task status as of a date; due_date for the
-- deadline figures and the due-date filter.
CREATE INDEX task_own_program_idx ON task (program_id, due_date) WHERE plan_id IS NULL;
