-- Backfill: the moves made before bottleneck_event existed, from the bottleneck's own timestamps. Who
-- made them was kept only in the audit trail; the label says so.
INSERT INTO bottleneck_event (bottleneck_id, action, note, actor_user_id, actor_label, at)
SELECT id, 'escalate', NULL::text, NULL::integer, 'audit trail', escalated_at FROM bottleneck WHERE escalated_at IS NOT NULL
UNION ALL
SELECT id, 'answer', answer, NULL::integer, 'audit trail', answered_at FROM bottleneck WHERE answered_at IS NOT NULL
UNION ALL
SELECT id, 'clear', NULL::text, NULL::integer, 'audit trail', cleared_at FROM bottleneck WHERE cleared_at IS NOT NULL;
