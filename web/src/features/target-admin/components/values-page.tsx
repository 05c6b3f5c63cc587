import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { FormError } from '../../../components/form-error.tsx';
import { PageTitle } from '../../../components/page-title.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { useLocalized } from '../../../components/use-localized.ts';
import { formatDateTime } from '../../../lib/format.ts';
import {
  type MonitoredTarget,
  type TargetValue,
  useMoveValue,
  useMyValues,
  VALUE_STATUSES,
  type ValueStatus,
} from '../api/target-values.ts';
import { MeasuredValue, PeriodCell, ValueStatusBadge } from './value-cells.tsx';
import { ValueForm } from './value-form.tsx';
import { ValueImport } from './value-import.tsx';
import '../target-admin.css';

/**
 * The monitoring agency's page (targets.values.enter): enter a value or import a spreadsheet, then
 * the agency's values by status, where drafts and returned values are corrected and submitted.
 */
export function ValuesPage() {
  const { t } = useTranslation();
  const values = useMyValues();
  return (
    <div className="page page--wide target-admin">
      <PageTitle title={t('targetAdmin.values.title')} />
      <p className="lead">{t('targetAdmin.values.intro')}</p>
      <QueryState query={values}>
        {(data) =>
          data.targets.length === 0 ? (
            <p className="notice">{t('targetAdmin.values.noTargets')}</p>
          ) : (
            <ValuesView targets={data.targets} items={data.items} />
          )
        }
      </QueryState>
    </div>
  );
}

function ValuesView({ targets, items }: { targets: MonitoredTarget[]; items: TargetValue[] }) {
  const { t } = useTranslation();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const status = VALUE_STATUSES.find((s) => s === params.get('status')) ?? null;
  const [editing, setEditing] = useState<TargetValue | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const shown = status ? items.filter((v) => v.status === status) : items;
  const count = (s: ValueStatus) => items.filter((v) => v.status === s).length;

  return (
    <>
      <div className="target-admin__grid">
        <section className="card" aria-labelledby={`${id}-enter`}>
          <h2 id={`${id}-enter`}>
            {editing
              ? t('targetAdmin.values.correctTitle', { code: editing.target.code })
              : t('targetAdmin.values.enterTitle')}
          </h2>
          {editing?.returnReason && (
            <p className="notice notice--warn">
              {t('targetAdmin.values.returnedBecause', { reason: editing.returnReason })}
            </p>
          )}
          <ValueForm
            key={editing?.id ?? 'new'}
            targets={targets}
            editing={editing}
            onDone={(code, created) => {
              setEditing(null);
              setSaved(
                t(created ? 'targetAdmin.values.savedNew' : 'targetAdmin.values.savedCorrection', { code }),
              );
            }}
          />
          {editing && (
            <button type="button" className="button button--secondary" onClick={() => setEditing(null)}>
              {t('targetAdmin.values.cancelCorrection')}
            </button>
          )}
          {saved && (
            <p className="notice notice--ok" role="status">
              {saved}
            </p>
          )}
        </section>
        <section className="card" aria-labelledby={`${id}-import`}>
          <h2 id={`${id}-import`}>{t('targetAdmin.import.title')}</h2>
          <ValueImport />
        </section>
      </div>

      <section className="card" aria-labelledby={`${id}-list`}>
        <h2 id={`${id}-list`}>{t('targetAdmin.values.listTitle')}</h2>
        <nav className="status-tabs" aria-label={t('targetAdmin.values.filterLabel')}>
          <button
            type="button"
            className="status-tabs__tab"
            aria-pressed={status === null}
            onClick={() => setParams({})}
          >
            {t('targetAdmin.values.all', { count: items.length })}
          </button>
          {VALUE_STATUSES.map((s) => (
            <button
              key={s}
              type="button"
              className="status-tabs__tab"
              aria-pressed={status === s}
              onClick={() => setParams({ status: s })}
            >
              {t(`targetAdmin.status.${s}`)} ({count(s)})
            </button>
          ))}
        </nav>
        {shown.length === 0 ? (
          <p className="empty-state">{t('targetAdmin.values.empty')}</p>
        ) : (
          <ul className="value-list">
            {shown.map((v) => (
              <ValueItem
                key={v.id}
                value={v}
                onEdit={() => {
                  setSaved(null);
                  setEditing(v);
                  document.getElementById(`${id}-enter`)?.scrollIntoView({ block: 'start' });
                }}
              />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function ValueItem({ value, onEdit }: { value: TargetValue; onEdit: () => void }) {
  const { t } = useTranslation();
  const { pick } = useLocalized();
  const move = useMoveValue();
  const open = value.status === 'draft' || value.status === 'returned';
  return (
    <li className="value-item" data-value-id={value.id} data-status={value.status}>
      <div className="value-item__head">
        <Link className="tag tag--code" to={`/targets/${encodeURIComponent(value.target.code)}`}>
          {value.target.code}
        </Link>
        <ValueStatusBadge status={value.status} />
      </div>
      <p className="value-item__target">{pick(value.target.textVi, value.target.textEn)}</p>
      <dl className="value-item__facts">
        <dt>{t('targetAdmin.period')}</dt>
        <dd>
          <PeriodCell value={value} />
        </dd>
        <dt>{t('targetAdmin.value')}</dt>
        <dd>
          <MeasuredValue value={value} />
        </dd>
        <dt>{t('targetAdmin.source')}</dt>
        <dd>{value.source ?? <span className="muted">{t('targetAdmin.noSource')}</span>}</dd>
        <dt>{t('targetAdmin.updated')}</dt>
        <dd>{formatDateTime(value.reviewedAt ?? value.submittedAt ?? value.enteredAt)}</dd>
      </dl>
      {value.status === 'returned' && value.returnReason && (
        <p className="notice notice--warn">
          {t('targetAdmin.values.returnedBecause', { reason: value.returnReason })}
        </p>
      )}
      {open && (
        <div className="value-item__actions">
          <button type="button" className="button button--secondary" onClick={onEdit}>
            {t('targetAdmin.values.correct')}
          </button>
          <button
            type="button"
            className="button"
            disabled={move.isPending}
            onClick={() => move.mutate({ id: value.id, action: 'submit' })}
          >
            {t('targetAdmin.values.submit')}
          </button>
        </div>
      )}
      <FormError error={move.error} />
    </li>
  );
}
