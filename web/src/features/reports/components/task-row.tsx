import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/date-field.tsx';
import type { ApiIssue } from '../../../lib/api-client.ts';
import { formatDate } from '../../../lib/format.ts';
import { BOTTLENECK_TYPES } from '../../bottlenecks/api/bottlenecks.ts';
import {
  ITEM_STATUSES,
  type ItemStatus,
  type ReportItemIn,
  type ReportItemOut,
  type ReportTask,
} from '../api/reports.ts';
import { emptyItem } from '../report-draft.ts';
import { EvidenceList, type FileMeta } from './evidence-list.tsx';

const today = () => new Date().toISOString().slice(0, 10);

/** A status change carries its consequences: completed is at 100 with a date; only completed has a date. */
function withStatus(item: ReportItemIn, status: ItemStatus): ReportItemIn {
  if (status === 'completed')
    return { ...item, status, progress: 100, completedOn: item.completedOn ?? today() };
  return { ...item, status, completedOn: null };
}

/**
 * One task of the report: a compact line (code, task, status, progress, evidence count) that opens
 * for the details. A task without a status is not reported. Read-only once submitted.
 */
export function TaskRow({
  task,
  item,
  saved,
  readOnly,
  files,
  issues,
  onChange,
  onUploaded,
  review,
}: {
  task: ReportTask;
  item: ReportItemIn | undefined;
  /** The item as the API answered it (the reviewer's assessment beside the agency's). */
  saved: ReportItemOut | undefined;
  readOnly: boolean;
  files: Map<number, FileMeta>;
  issues: ApiIssue[];
  onChange: (item: ReportItemIn | undefined) => void;
  onUploaded: (id: number, meta: FileMeta) => void;
  review?: ReactNode;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  const expanded = open || issues.length > 0;
  const set = (patch: Partial<ReportItemIn>) => item && onChange({ ...item, ...patch });
  const evidenceCount = item?.evidence.length ?? 0;
  const text = (field: 'doneText' | 'difficulties' | 'recommendations', rows = 2) => (
    <div className="field">
      <label className="field__label" htmlFor={`${id}-${field}`}>
        {t(`reports.item.${field}`)}
      </label>
      {readOnly ? (
        <p id={`${id}-${field}`} className="report-row__text">
          {item?.[field] || t('common.none')}
        </p>
      ) : (
        <textarea
          id={`${id}-${field}`}
          rows={rows}
          value={item?.[field] ?? ''}
          onChange={(e) => set({ [field]: e.target.value })}
        />
      )}
    </div>
  );

  return (
    <li
      className="report-row"
      data-task={task.code}
      data-status={item?.status ?? 'unreported'}
      aria-invalid={issues.length > 0 || undefined}
    >
      <div className="report-row__line">
        <span className="report-row__code tag tag--code">{task.code}</span>
        <span className="report-row__task" title={task.contentVi}>
          {task.contentVi}
        </span>
        <span className="report-row__role muted">{t(`reports.role.${task.role}`)}</span>
        <span className="report-row__status">
          {readOnly ? (
            <span className="badge">
              {item ? t(`reports.itemStatus.${item.status}`) : t('reports.item.unreported')}
            </span>
          ) : (
            <select
              aria-label={t('reports.item.statusOf', { code: task.code })}
              value={item?.status ?? ''}
              onChange={(e) => {
                const status = e.target.value as ItemStatus | '';
                onChange(status ? withStatus(item ?? emptyItem(task.id), status) : undefined);
              }}
            >
              <option value="">{t('reports.item.unreported')}</option>
              {ITEM_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`reports.itemStatus.${s}`)}
                </option>
              ))}
            </select>
          )}
        </span>
        <span className="report-row__progress">
          {readOnly || !item ? (
            <span>{item ? `${item.progress}%` : '—'}</span>
          ) : (
            <>
              <input
                type="number"
                inputMode="numeric"
                min={0}
                max={100}
                step={5}
                aria-label={t('reports.item.progressOf', { code: task.code })}
                value={Number.isFinite(item.progress) ? item.progress : ''}
                onChange={(e) => set({ progress: e.target.value === '' ? 0 : Number(e.target.value) })}
              />
              <span aria-hidden="true">%</span>
            </>
          )}
        </span>
        <span className="report-row__evidence muted">
          {t('reports.item.evidenceCount', { count: evidenceCount })}
        </span>
        <button
          type="button"
          className="report-row__toggle button button--secondary"
          aria-expanded={expanded}
          aria-controls={`${id}-details`}
          onClick={() => setOpen(!expanded)}
        >
          <span aria-hidden="true">{expanded ? '▾' : '▸'}</span>
          <span className="visually-hidden">{t('reports.item.detailsOf', { code: task.code })}</span>
          <span className="report-row__toggle-text">{t('reports.item.details')}</span>
        </button>
      </div>
      {saved?.reviewer && (
        <p className="report-row__assessments notice notice--warn">
          {t('reports.review.both', {
            agencyStatus: t(`reports.itemStatus.${saved.agency.status}`),
            agencyProgress: saved.agency.progress,
            reviewerStatus: t(`reports.itemStatus.${saved.reviewer.status}`),
            reviewerProgress: saved.reviewer.progress,
          })}
          {saved.reviewer.note ? ` — ${saved.reviewer.note}` : ''}
        </p>
      )}
      {issues.length > 0 && (
        <ul className="report-row__issues form-error" role="alert">
          {issues.map((issue) => (
            <li key={`${issue.field}:${issue.problem}`}>
              {t(`reports.field.${issue.field.split('.')[0]}`, { defaultValue: issue.field })}:{' '}
              {issue.problem}
            </li>
          ))}
        </ul>
      )}
      {expanded && (
        <div id={`${id}-details`} className="report-row__details">
          <p className="report-row__full">
            {task.contentVi}
            {task.deadlineAsWritten && (
              <span className="muted">
                {' '}
                · {t('reports.item.deadline', { deadline: task.deadlineAsWritten })}
              </span>
            )}
          </p>
          {!item ? (
            <p className="muted">{t('reports.item.unreportedHint')}</p>
          ) : (
            <>
              {item.status === 'completed' && (
                <div className="field report-row__date">
                  {readOnly ? (
                    <p>{t('reports.item.completedOnText', { date: formatDate(item.completedOn) })}</p>
                  ) : (
                    <DateField
                      label={t('reports.item.completedOn')}
                      value={item.completedOn ?? ''}
                      onChange={(v) => set({ completedOn: v || null })}
                    />
                  )}
                </div>
              )}
              {text('doneText', 3)}
              <div className="field">
                <span className="field__label">{t('reports.item.evidence')}</span>
                <EvidenceList
                  evidence={item.evidence}
                  files={files}
                  readOnly={readOnly}
                  onChange={(evidence) => set({ evidence })}
                  onUploaded={onUploaded}
                />
              </div>
              {text('difficulties')}
              <div className="field">
                <span className="field__label">{t('reports.item.bottlenecks')}</span>
                {item.bottlenecks.length === 0 && readOnly && <p className="muted">{t('common.none')}</p>}
                <ul className="report-row__bottlenecks">
                  {item.bottlenecks.map((b, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: bottlenecks have no id until submitted
                    <li key={i}>
                      {readOnly ? (
                        <span>
                          <span className="tag">{t(`bottlenecks.type.${b.type}`)}</span> {b.description}
                        </span>
                      ) : (
                        <>
                          <select
                            aria-label={t('reports.item.bottleneckType')}
                            value={b.type}
                            onChange={(e) =>
                              set({
                                bottlenecks: item.bottlenecks.map((x, j) =>
                                  j === i ? { ...x, type: e.target.value } : x,
                                ),
                              })
                            }
                          >
                            {BOTTLENECK_TYPES.map((type) => (
                              <option key={type} value={type}>
                                {t(`bottlenecks.type.${type}`)}
                              </option>
                            ))}
                          </select>
                          <input
                            aria-label={t('reports.item.bottleneckDescription')}
                            value={b.description}
                            onChange={(e) =>
                              set({
                                bottlenecks: item.bottlenecks.map((x, j) =>
                                  j === i ? { ...x, description: e.target.value } : x,
                                ),
                              })
                            }
                          />
                          <button
                            type="button"
                            className="link-button"
                            onClick={() => set({ bottlenecks: item.bottlenecks.filter((_, j) => j !== i) })}
                          >
                            {t('reports.evidence.remove')}
                          </button>
                        </>
                      )}
                    </li>
                  ))}
                </ul>
                {!readOnly && (
                  <button
                    type="button"
                    className="button button--secondary"
                    onClick={() =>
                      set({ bottlenecks: [...item.bottlenecks, { type: 'legal', description: '' }] })
                    }
                  >
                    {t('reports.item.addBottleneck')}
                  </button>
                )}
              </div>
              {text('recommendations')}
            </>
          )}
          {review}
        </div>
      )}
    </li>
  );
}
