import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { type DraftConflictBody, ITEM_STATUSES, type ReportTask } from '../api/reports.ts';
import type { Overridden } from '../report-draft.ts';

/** `items[task 12].progress` → "1.đ · progress", with the task's code instead of its id. */
function fieldLabel(field: string, tasks: ReportTask[], t: TFunction): string {
  const m = /^items\[task (\d+)\](?:\.(\w+))?$/.exec(field);
  if (!m) return t(`reports.field.${field}`, { defaultValue: field });
  const code = tasks.find((task) => task.id === Number(m[1]))?.code ?? m[1];
  return `${code} · ${t(`reports.field.${m[2] ?? 'item'}`, { defaultValue: m[2] ?? '' })}`;
}

function valueText(value: unknown, t: TFunction): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string' && (ITEM_STATUSES as readonly string[]).includes(value))
    return t(`reports.itemStatus.${value}`);
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value)) return `${value.length}`;
  return JSON.stringify(value).slice(0, 80);
}

/**
 * Someone else saved the draft after this person opened it: say so plainly, list what they changed,
 * and let the person continue from the current version (their own edits are kept where they do not
 * clash). Nothing is saved over the other person's work meanwhile.
 */
export function ConflictNotice({
  changes,
  tasks,
  onContinue,
}: {
  changes: NonNullable<DraftConflictBody['changes']>;
  tasks: ReportTask[];
  onContinue: () => void;
}) {
  const { t } = useTranslation();
  return (
    <section
      className="report-conflict notice notice--warn"
      role="alert"
      aria-labelledby="report-conflict-title"
    >
      <h2 id="report-conflict-title">{t('reports.conflict.title')}</h2>
      <p>{t('reports.conflict.body')}</p>
      {changes.length > 0 && (
        <ul className="report-conflict__changes">
          {changes.slice(0, 30).map((c) => (
            <li key={c.field}>
              <strong>{fieldLabel(c.field, tasks, t)}</strong>: {valueText(c.before, t)} →{' '}
              {valueText(c.after, t)}
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="button" onClick={onContinue}>
        {t('reports.conflict.continue')}
      </button>
    </section>
  );
}

/** After continuing: the person's values that the other editor's changes replaced, to re-enter if needed. */
export function OverriddenNotice({
  overridden,
  tasks,
  onDismiss,
}: {
  overridden: Overridden[];
  tasks: ReportTask[];
  onDismiss: () => void;
}) {
  const { t } = useTranslation();
  if (overridden.length === 0) return null;
  return (
    <section className="notice notice--warn" role="status">
      <p>{t('reports.conflict.overridden')}</p>
      <ul>
        {overridden.map((o) => (
          <li key={`${o.taskId}-${o.field}`}>
            <strong>
              {o.taskId === null
                ? t('reports.field.summary')
                : fieldLabel(`items[task ${o.taskId}].${o.field}`, tasks, t)}
            </strong>
            : {valueText(o.mine, t)}
          </li>
        ))}
      </ul>
      <button type="button" className="link-button" onClick={onDismiss}>
        {t('reports.conflict.dismiss')}
      </button>
    </section>
  );
}
