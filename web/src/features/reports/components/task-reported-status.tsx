import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { getJson } from '../../../lib/api-client.ts';
import { formatDate } from '../../../lib/format.ts';
import { vietnamToday } from '../../targets/api/get-target-links.ts';

interface PublicTaskStatus {
  status: string;
  judgement: { progress: number; completedOn: string | null; lateDays: number } | null;
}

/**
 * A task's status today on its public page, judged from accepted reports only (GET /api/public/task-status):
 * what changes there when the coordinator accepts an agency's report.
 */
export function TaskReportedStatus({ taskId }: { taskId: number }) {
  const { t } = useTranslation();
  const asOf = vietnamToday();
  const status = useQuery({
    queryKey: ['task-status', taskId, asOf],
    queryFn: ({ signal }) =>
      getJson<PublicTaskStatus[]>('/public/task-status', { task: taskId, asOf }, signal),
  });
  const found = status.data?.[0];
  if (!found) return null;
  return (
    <p className="notice task-reported-status" data-status={found.status}>
      <strong>{t(`reports.taskStatus.${found.status}`, { defaultValue: found.status })}</strong>
      {found.judgement && (
        <>
          {' · '}
          {t('reports.taskStatus.progress', { progress: found.judgement.progress })}
          {found.judgement.completedOn &&
            ` · ${t('reports.taskStatus.completedOn', { date: formatDate(found.judgement.completedOn) })}`}
        </>
      )}
      <span className="muted"> · {t('reports.taskStatus.basis')}</span>
    </p>
  );
}
