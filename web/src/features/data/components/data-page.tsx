import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../../components/page-title.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { useNumberFormat } from '../../../components/use-number.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { useOverview } from '../../overview/api/get-overview.ts';
import { type LoadReport, useLoadReport } from '../api/get-load-report.ts';

const CAVEATS = ['transcription', 'program71', 'merged', 'targets', 'mapping', 'deadlines'] as const;

/** Where the bundled data comes from, what is known to be wrong or missing, and what the loader could not map. */
export function DataPage() {
  const { t } = useTranslation();
  const overview = useOverview();
  const report = useLoadReport();
  return (
    <div className="page">
      <PageTitle title={t('data.title')} />
      <p className="lead">{t('data.intro')}</p>

      <section className="card" aria-labelledby="sources-title">
        <h2 id="sources-title">{t('data.sourcesTitle')}</h2>
        <QueryState query={overview}>
          {(data) => (
            <ul className="source-list">
              {data.program.sources.map((source) => (
                <li key={source} lang="en">
                  {source}
                </li>
              ))}
            </ul>
          )}
        </QueryState>
      </section>

      <section className="card" aria-labelledby="caveats-title">
        <h2 id="caveats-title">{t('data.caveatsTitle')}</h2>
        <ul>
          {CAVEATS.map((key) => (
            <li key={key}>{t(`data.caveats.${key}`)}</li>
          ))}
        </ul>
      </section>

      <section className="card" aria-labelledby="report-title">
        <h2 id="report-title">{t('data.reportTitle')}</h2>
        <QueryState query={report}>{(data) => <LoadReportView report={data} />}</QueryState>
      </section>
    </div>
  );
}

function LoadReportView({ report }: { report: LoadReport }) {
  const { t } = useTranslation();
  const number = useNumberFormat();
  const issues = report.summary.issues ?? {};
  const unmapped = issues.unmappedAgencies ?? [];
  const legacy = issues.legacyNamesMapped ?? [];
  const deadlines = issues.unparsedDeadlines ?? [];
  const noProduct = issues.tasksWithoutProduct ?? [];
  const noLead = issues.tasksWithoutLead ?? [];
  return (
    <>
      <p>
        {t('data.loadedAt', { date: formatDateTime(report.loadedAt) })}{' '}
        <span className="muted">({t('data.sourceHash', { hash: report.sourceHash.slice(0, 12) })})</span>
      </p>

      <h3>{t('data.unmappedTitle', { n: number(unmapped.length) })}</h3>
      <p className="muted">{t('data.unmappedIntro')}</p>
      {unmapped.length > 0 && (
        <table className="data-table">
          <caption className="visually-hidden">
            {t('data.unmappedTitle', { n: number(unmapped.length) })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('data.taskCode')}</th>
              <th scope="col">{t('data.role')}</th>
              <th scope="col">{t('data.asWritten')}</th>
            </tr>
          </thead>
          <tbody>
            {unmapped.map((u) => (
              <tr key={`${u.taskCode}-${u.role}-${u.asWritten}`}>
                <td>{u.taskCode}</td>
                <td>{t(`data.roles.${u.role}`, { defaultValue: u.role })}</td>
                <td lang="vi">{u.asWritten}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h3>{t('data.legacyTitle', { n: number(legacy.length) })}</h3>
      <p className="muted">{t('data.legacyIntro')}</p>
      {legacy.length > 0 && (
        <table className="data-table">
          <caption className="visually-hidden">{t('data.legacyTitle', { n: number(legacy.length) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('data.asWritten')}</th>
              <th scope="col">{t('data.mappedTo')}</th>
              <th scope="col" className="num">
                {t('data.times')}
              </th>
            </tr>
          </thead>
          <tbody>
            {legacy.map((l) => (
              <tr key={l.asWritten}>
                <td lang="vi">{l.asWritten}</td>
                <td>{l.mappedTo}</td>
                <td className="num">{number(l.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h3>{t('data.deadlinesTitle', { n: number(deadlines.length) })}</h3>
      <p className="muted">{t('data.deadlinesIntro')}</p>
      {deadlines.length > 0 && (
        <ul>
          {deadlines.map((d) => (
            <li key={d.taskCode}>
              {t('data.deadlineIssue', {
                code: d.taskCode,
                written: d.asWritten ?? t('data.emptyCell'),
                reason: t(`data.reasons.${d.reason}`, { defaultValue: d.reason }),
              })}
            </li>
          ))}
        </ul>
      )}

      <h3>{t('data.noProductTitle', { n: number(noProduct.length) })}</h3>
      {noProduct.length > 0 && <p>{t('data.taskCodes', { codes: noProduct.join(', ') })}</p>}
      <h3>{t('data.noLeadTitle', { n: number(noLead.length) })}</h3>
      {noLead.length > 0 && <p>{t('data.taskCodes', { codes: noLead.join(', ') })}</p>}
    </>
  );
}
