-- Serves: the tasks a unit leads as a member of a collective ("all provinces", "all ministries"):
-- taskStatusRepository.tasks with an agency (the province's statuses as of a date, GET /api/public/task-status)
-- and the collective branch of agencyCarries. Among 500,000 task_agency rows (national scale) only the
-- Program's collective assignments have `collective` set, so the partial index holds a few rows.
CREATE INDEX task_agency_collective_idx ON task_agency (collective, role, task_id) WHERE collective IS NOT NULL;
