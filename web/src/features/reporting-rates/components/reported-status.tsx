import { useTranslation } from 'react-i18next';
import { useNumberFormat } from '../../../components/use-number.ts';
import { formatDate } from '../../../lib/format.ts';
import { TaskStatusBadge } from '../../targets/components/task-status-badge.tsx';
import { useReportedStatus } from '../api/rates.ts';
import { IllustrativeLabel } from './illustrative-label.tsx';

/** A task's status today from accepted reports, on the public task page; illustrative data is labelled. */
export function TaskReportedStatus({ taskId }: { taskId: number }) {
  const { t } = useTranslation();
  const found = useReportedStatus({ task: taskId }).data?.[0];
  if (!found) return null;
  const j = found.judgement;
  return (
    <section
      className="card reported-status task-reported-status"
      data-status={found.status}
      aria-labelledby="reported-status-title"
    >
      <h2 id="reported-status-title">{t('illustrative.taskStatus.title')}</h2>
      <p className="reported-status__line">
        <TaskStatusBadge status={found.status} />
        {j?.basisReportId ? (
          <span>
            {t('illustrative.taskStatus.progress', { progress: j.progress })}
            {j.completedOn &&
              ` · ${t('illustrative.taskStatus.completedOn', { date: formatDate(j.completedOn) })}`}
          </span>
        ) : (
          <span className="muted">{t('illustrative.taskStatus.noReport')}</span>
        )}
        {j?.illustrative && <IllustrativeLabel />}
      </p>
      {j?.illustrative && <p className="muted">{t('illustrative.hint')}</p>}
    </section>
  );
}

/** On an agency's page: how many of its tasks have an accepted report, and whether that data is illustrative. */
export function AgencyReportedStatus({ agencyId }: { agencyId: number }) {
  const { t } = useTranslation();
  const number = useNumberFormat();
  const statuses = useReportedStatus({ agency: agencyId }).data ?? [];
  const reported = statuses.filter((s) => s.judgement?.basisReportId);
  if (reported.length === 0) return null;
  const illustrative = reported.some((s) => s.judgement?.illustrative);
  return (
    <section className="card reported-status" aria-labelledby="agency-reported-title">
      <h2 id="agency-reported-title">{t('illustrative.agency.title')}</h2>
      <p className="reported-status__line">
        <span>
          {t('illustrative.agency.reported', {
            reported: number(reported.length),
            total: number(statuses.length),
          })}
        </span>
        {illustrative && <IllustrativeLabel />}
      </p>
      {illustrative && <p className="muted">{t('illustrative.hint')}</p>}
    </section>
  );
}
