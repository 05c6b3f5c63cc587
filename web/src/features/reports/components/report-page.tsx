import { useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { FormError } from '../../../components/form-error.tsx';
import { PageTitle } from '../../../components/page-title.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { useLocalized } from '../../../components/use-localized.ts';
import { ApiError } from '../../../lib/api-client.ts';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { foldText } from '../../../lib/text.ts';
import {
  type DraftConflictBody,
  type ReportDetail,
  type ReportItemIn,
  reportQuery,
  useCorrectReport,
  useReport,
  useSubmitReport,
} from '../api/reports.ts';
import { contentFromDetail, filesOf, issuesByTask } from '../report-draft.ts';
import { type SaveState, useReportDraft } from '../use-report-draft.ts';
import { ConflictNotice, OverriddenNotice } from './conflict-notice.tsx';
import type { FileMeta } from './evidence-list.tsx';
import { AssessmentControls, type Disagreement, ReviewActions } from './review-actions.tsx';
import { TaskRow } from './task-row.tsx';
import '../reports.css';
import { IllustrativeLabel } from '../../reporting-rates/components/illustrative-label.tsx';

/** `/reports/:id`: one revision of an agency's report, editable while it is the agency's draft. */
export function ReportPage() {
  const { id } = useParams();
  const report = useReport(Number(id));
  return (
    <QueryState query={report}>
      {(data) => <ReportView key={`${data.id}-${data.status}`} report={data} />}
    </QueryState>
  );
}

function SaveStatus({ state }: { state: SaveState }) {
  const { t } = useTranslation();
  const text =
    state.kind === 'saved'
      ? t('reports.save.savedAt', { time: formatDateTime(state.at).slice(11) })
      : state.kind === 'saving'
        ? t('reports.save.saving')
        : state.kind === 'dirty'
          ? t('reports.save.dirty')
          : state.kind === 'error'
            ? t('reports.save.failed')
            : t('reports.save.conflict');
  return (
    <p className={`report-save report-save--${state.kind}`} role="status" aria-live="polite">
      {text}
    </p>
  );
}

function ReportView({ report }: { report: ReportDetail }) {
  const { t } = useTranslation();
  const { pick } = useLocalized();
  const id = useId();
  const navigate = useNavigate();
  const client = useQueryClient();
  const editing = useReportDraft(report);
  const { draft, setDraft, state } = editing;
  const readOnly = !report.can.edit;
  const [uploaded, setUploaded] = useState(new Map<number, FileMeta>());
  const files = useMemo(() => new Map([...filesOf(report), ...uploaded]), [report, uploaded]);
  const [filter, setFilter] = useState('');
  const [disagreements, setDisagreements] = useState(new Map<number, Disagreement>());
  const submit = useSubmitReport();
  const correct = useCorrectReport();
  const [reason, setReason] = useState('');

  const items = new Map(draft.items.map((i) => [i.taskId, i]));
  const savedContent = useMemo(
    () => new Map(contentFromDetail(report).items.map((i) => [i.taskId, i])),
    [report],
  );
  const saved = new Map(report.items.map((i) => [i.taskId, i]));
  const issues =
    state.kind === 'error' && state.error instanceof ApiError
      ? issuesByTask(state.error.issues, state.sent)
      : new Map<number | null, never[]>();
  // Editing shows every task the agency carries; a submitted or accepted report shows what it reported.
  const rows = report.tasks.filter(
    (task) =>
      (!readOnly || saved.has(task.id)) &&
      (!filter.trim() || foldText(`${task.code} ${task.contentVi}`).includes(foldText(filter))),
  );
  const setItem = (taskId: number, item: ReportItemIn | undefined) =>
    setDraft((c) => ({
      ...c,
      items: item
        ? items.has(taskId)
          ? c.items.map((i) => (i.taskId === taskId ? item : i))
          : [...c.items, item].sort((a, b) => a.taskId - b.taskId)
        : c.items.filter((i) => i.taskId !== taskId),
    }));
  const submitConflict =
    submit.error instanceof ApiError && submit.error.status === 409
      ? (submit.error.details as Partial<DraftConflictBody>)
      : null;

  return (
    <div className="page page--wide reports report-page" data-status={report.status}>
      <p className="breadcrumb">
        <Link to="/reports">{t('reports.inbox.title')}</Link>
      </p>
      <PageTitle
        title={t('reports.report.title', {
          period: report.period,
          agency: pick(report.agency.nameVi, report.agency.nameEn),
        })}
      />
      {report.illustrative && (
        <p>
          <IllustrativeLabel /> <span className="muted">{t('illustrative.hint')}</span>
        </p>
      )}
      <dl className="report-meta">
        <div>
          <dt>{t('reports.report.status')}</dt>
          <dd>
            <span className={`badge report-status report-status--${report.status}`}>
              {t(`reports.status.${report.status}`)}
            </span>
          </dd>
        </div>
        <div>
          <dt>{t('reports.report.due')}</dt>
          <dd>{formatDate(report.dueDate)}</dd>
        </div>
        <div>
          <dt>{t('reports.report.revision')}</dt>
          <dd>{report.revision}</dd>
        </div>
        {report.submittedAt && (
          <div>
            <dt>{t('reports.report.submittedAt')}</dt>
            <dd>{formatDateTime(report.submittedAt)}</dd>
          </div>
        )}
        {report.acceptedAt && (
          <div>
            <dt>{t('reports.report.acceptedAt')}</dt>
            <dd>{formatDateTime(report.acceptedAt)}</dd>
          </div>
        )}
      </dl>

      {report.revisions.length > 1 && (
        <nav className="report-revisions" aria-label={t('reports.report.revisions')}>
          <span>{t('reports.report.revisions')}:</span>
          <ul>
            {report.revisions.map((r) => (
              <li key={r.id}>
                <Link to={`/reports/${r.id}`} aria-current={r.id === report.id ? 'page' : undefined}>
                  {t('reports.report.revisionN', { n: r.revision, status: t(`reports.status.${r.status}`) })}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}

      {report.status === 'returned' && report.returnReason && (
        <p className="notice notice--warn report-returned" role="note">
          <strong>{t('reports.report.returned')}</strong> {report.returnReason}
        </p>
      )}
      {report.correctionReason && (
        <p className="notice">
          <strong>{t('reports.report.correction')}</strong> {report.correctionReason}
        </p>
      )}
      {report.status === 'accepted' && (
        <p className="notice notice--ok report-locked">
          {report.supersededAt ? t('reports.report.superseded') : t('reports.report.locked')}
        </p>
      )}
      {report.status === 'submitted' && !report.can.review && (
        <p className="notice">{t('reports.report.awaitingReview')}</p>
      )}

      {!readOnly && <SaveStatus state={state} />}
      {state.kind === 'conflict' && (
        <ConflictNotice
          changes={state.conflict.changes}
          tasks={report.tasks}
          onContinue={editing.continueFromCurrent}
        />
      )}
      <OverriddenNotice
        overridden={editing.overridden}
        tasks={report.tasks}
        onDismiss={editing.dismissOverridden}
      />
      {state.kind === 'error' &&
      (issues.get(null)?.length || !(state.error instanceof ApiError) || !state.error.issues.length) ? (
        <div className="form-error" role="alert">
          {(issues.get(null) ?? []).map((i) => (
            <p key={i.field}>
              {t(`reports.field.${i.field}`, { defaultValue: i.field })}: {i.problem}
            </p>
          ))}
          {!(state.error instanceof ApiError && state.error.issues.length) && (
            <FormError error={state.error} />
          )}
        </div>
      ) : null}

      <section className="report-summary" aria-labelledby={`${id}-summary`}>
        <h2 id={`${id}-summary`}>{t('reports.report.summary')}</h2>
        {readOnly ? (
          <p className="report-row__text">{report.summary || t('common.none')}</p>
        ) : (
          <textarea
            aria-labelledby={`${id}-summary`}
            rows={4}
            value={draft.summary}
            onChange={(e) => {
              const summary = e.target.value;
              setDraft((c) => ({ ...c, summary }));
            }}
          />
        )}
      </section>

      <section aria-labelledby={`${id}-tasks`}>
        <h2 id={`${id}-tasks`}>
          {t('reports.report.tasks', {
            reported: readOnly ? report.items.length : draft.items.length,
            total: report.tasks.length,
          })}
        </h2>
        <div className="field report-filter">
          <label className="field__label" htmlFor={`${id}-filter`}>
            {t('reports.report.filter')}
          </label>
          <input
            id={`${id}-filter`}
            type="search"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
          />
        </div>
        <ul className="report-rows">
          {rows.map((task) => {
            const savedItem = saved.get(task.id);
            return (
              <TaskRow
                key={task.id}
                task={task}
                item={readOnly ? savedContent.get(task.id) : items.get(task.id)}
                saved={savedItem}
                readOnly={readOnly}
                files={files}
                issues={issues.get(task.id) ?? []}
                onChange={(item) => setItem(task.id, item)}
                onUploaded={(fileId, meta) => setUploaded((m) => new Map(m).set(fileId, meta))}
                review={
                  report.can.review && savedItem ? (
                    <AssessmentControls
                      item={savedItem}
                      value={disagreements.get(task.id)}
                      onChange={(v) =>
                        setDisagreements((m) => {
                          const next = new Map(m);
                          if (v) next.set(task.id, v);
                          else next.delete(task.id);
                          return next;
                        })
                      }
                    />
                  ) : undefined
                }
              />
            );
          })}
        </ul>
      </section>

      {report.can.submit && (
        <section className="card report-submit">
          <p>{t('reports.submit.hint')}</p>
          {submitConflict?.changes && (
            <ConflictNotice
              changes={submitConflict.changes}
              tasks={report.tasks}
              onContinue={() => {
                submit.reset();
                void client.invalidateQueries({ queryKey: reportQuery(report.id).queryKey });
              }}
            />
          )}
          {!submitConflict && <FormError error={submit.error} />}
          <button
            type="button"
            className="button"
            disabled={submit.isPending || state.kind === 'dirty' || state.kind === 'saving'}
            onClick={() =>
              submit.mutate({
                id: report.id,
                lockVersion: readOnly ? report.lockVersion : editing.lockVersion(),
              })
            }
          >
            {t('reports.submit.button')}
          </button>
        </section>
      )}

      {report.can.review && <ReviewActions reportId={report.id} disagreements={disagreements} />}

      {report.can.correct && (
        <details className="card report-correct">
          <summary>{t('reports.correct.open')}</summary>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              correct.mutate(
                { id: report.id, reason },
                { onSuccess: (next) => navigate(`/reports/${next.id}`) },
              );
            }}
          >
            <label className="field__label" htmlFor={`${id}-correct`}>
              {t('reports.correct.reason')}
            </label>
            <textarea
              id={`${id}-correct`}
              rows={2}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              required
            />
            <FormError error={correct.error} />
            <button type="submit" className="button" disabled={correct.isPending}>
              {t('reports.correct.submit')}
            </button>
          </form>
        </details>
      )}
    </div>
  );
}
