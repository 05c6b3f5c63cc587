import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { FormError } from '../../../components/form-error.tsx';
import { OrgUnitSelect } from '../../../components/org-unit-select.tsx';
import { PageTitle } from '../../../components/page-title.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { useLocalized } from '../../../components/use-localized.ts';
import { formatDate } from '../../../lib/format.ts';
import { type Me, type MeUnit, useMe } from '../../auth/api/get-me.ts';
import { IllustrativeLabel } from '../../reporting-rates/components/illustrative-label.tsx';
import { type Obligation, useObligations, useStartReport } from '../api/reports.ts';
import '../reports.css';

/** The units where the person reports (focal officer) or approves (head), in the order granted. */
export function reportingUnits(me: Me | null | undefined): MeUnit[] {
  const units = new Map<number, MeUnit>();
  for (const r of me?.roles ?? [])
    if (r.role === 'focal_officer' || r.role === 'agency_head') units.set(r.orgUnitId, r.orgUnit);
  return [...units.values()];
}

const GROUPS = ['due', 'draft', 'returned', 'submitted', 'accepted'] as const;
type Group = (typeof GROUPS)[number];
const groupOf = (o: Obligation): Group => o.reportStatus ?? 'due';

function DueText({ o }: { o: Obligation }) {
  const { t } = useTranslation();
  const days = o.workingDaysLeft;
  if (o.firstSubmittedAt) return <span>{t('reports.inbox.dueOn', { date: formatDate(o.dueDate) })}</span>;
  return (
    <span className={days < 0 ? 'report-due report-due--overdue' : 'report-due'}>
      {t('reports.inbox.dueOn', { date: formatDate(o.dueDate) })} ·{' '}
      {days < 0
        ? t('reports.inbox.overdue', { count: -days })
        : days === 0
          ? t('reports.inbox.dueToday')
          : t('reports.inbox.daysLeft', { count: days })}
    </span>
  );
}

/**
 * `/reports`: an agency's reporting inbox: what is due (with working days left or overdue), drafts in
 * progress, reports returned with the reviewer's reason, and those submitted and accepted. The focal
 * officer starts a report for an obligation here.
 */
export function ReportsInboxPage() {
  const { t } = useTranslation();
  const { pick } = useLocalized();
  const id = useId();
  const navigate = useNavigate();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const mine = reportingUnits(me.data);
  const chosen = Number(params.get('agency')) || mine[0]?.id;
  const obligations = useObligations(chosen);
  const start = useStartReport();
  const mayDraft = me.data?.roles.some((r) => r.role === 'focal_officer' && r.orgUnitId === chosen) ?? false;
  const canReview = me.data?.can['reports.review'] === true;
  // A reminder links here with its obligation (`?obligation=`): that period is picked out and shown.
  const picked = Number(params.get('obligation')) || null;
  useEffect(() => {
    if (picked && obligations.data)
      document.getElementById(`obligation-${picked}`)?.scrollIntoView({ block: 'center' });
  }, [picked, obligations.data]);

  return (
    <div className="page page--wide reports">
      <PageTitle title={t('reports.inbox.title')} />
      <p className="lead">{t('reports.inbox.intro')}</p>
      {canReview && (
        <p>
          <Link to="/reports/review">{t('reports.queue.link')}</Link>
        </p>
      )}
      <form className="filters" aria-label={t('reports.inbox.agency')}>
        {mine.length > 1 || mine.length === 0 ? (
          mine.length > 1 ? (
            <div className="field">
              <label className="field__label" htmlFor={`${id}-agency`}>
                {t('reports.inbox.agency')}
              </label>
              <select
                id={`${id}-agency`}
                value={chosen ?? ''}
                onChange={(e) => setParams({ agency: e.target.value })}
              >
                {mine.map((u) => (
                  <option key={u.id} value={u.id}>
                    {pick(u.nameVi, u.nameEn)}
                  </option>
                ))}
              </select>
            </div>
          ) : (
            <OrgUnitSelect
              label={t('reports.inbox.agency')}
              value={''}
              emptyLabel={t('reports.inbox.chooseAgency')}
              onChange={(unit) => unit && setParams({ agency: String(unit.id) })}
            />
          )
        ) : (
          <p className="report-agency">
            <strong>{pick(mine[0]!.nameVi, mine[0]!.nameEn)}</strong>
          </p>
        )}
      </form>
      <FormError error={start.error} />
      {chosen === undefined ? (
        <p className="empty-state">{t('reports.inbox.noAgency')}</p>
      ) : (
        <QueryState query={obligations}>
          {(list) =>
            list.length === 0 ? (
              <p className="empty-state">{t('reports.inbox.empty')}</p>
            ) : (
              GROUPS.map((group) => {
                const inGroup = list.filter((o) => groupOf(o) === group);
                if (inGroup.length === 0) return null;
                return (
                  <section key={group} className="report-group" aria-labelledby={`${id}-${group}`}>
                    <h2 id={`${id}-${group}`}>
                      {t(`reports.inbox.group.${group}`)} <span className="count">({inGroup.length})</span>
                    </h2>
                    <ul className="report-inbox">
                      {inGroup.map((o) => (
                        <li
                          key={o.id}
                          id={`obligation-${o.id}`}
                          data-picked={o.id === picked || undefined}
                          className="report-inbox__item card"
                          data-period={o.period}
                          data-group={group}
                        >
                          <div className="report-inbox__head">
                            <strong>{t('reports.inbox.period', { period: o.period })}</strong>{' '}
                            <span className="muted">{t(`reports.frequency.${o.frequency}`)}</span>
                            {o.illustrative && (
                              <>
                                {' '}
                                <IllustrativeLabel />
                              </>
                            )}
                          </div>
                          <DueText o={o} />
                          {group === 'returned' && o.returnReason && (
                            <p className="notice notice--warn">
                              <strong>{t('reports.report.returned')}</strong> {o.returnReason}
                            </p>
                          )}
                          <div className="report-inbox__actions">
                            {o.reportId ? (
                              <Link className="button button--secondary" to={`/reports/${o.reportId}`}>
                                {t(`reports.inbox.open.${group}`)}
                              </Link>
                            ) : (
                              mayDraft && (
                                <button
                                  type="button"
                                  className="button"
                                  disabled={start.isPending}
                                  onClick={() =>
                                    start.mutate(o.id, {
                                      onSuccess: (report) => navigate(`/reports/${report.id}`),
                                    })
                                  }
                                >
                                  {t('reports.inbox.start')}
                                </button>
                              )
                            )}
                          </div>
                        </li>
                      ))}
                    </ul>
                  </section>
                );
              })
            )
          }
        </QueryState>
      )}
    </div>
  );
}
