-- The default scoring method, version 1, as written in docs/evaluation.md (a unit test checks the code's
-- DEFAULT_RULES against the same numbers). Later versions are created by the coordinator, never edited here.
INSERT INTO scoring_method (code, version, name_vi, name_en, weights, penalties, partner_share_pct, note, created_by_label)
VALUES ('default', 1, 'Phương pháp chấm điểm mặc định', 'Default scoring method',
  '{"on_time_completion": 40, "late_completion": 10, "evidence_first_review": 15, "reporting_on_time": 25, "bottlenecks_cleared": 10}'::jsonb,
  '{"overdue": 20}'::jsonb, 50, 'docs/evaluation.md', 'system:migration');
