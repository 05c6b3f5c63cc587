import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { FormError } from '../../../components/form-error.tsx';
import { OrgUnitSelect } from '../../../components/org-unit-select.tsx';
import { PageTitle } from '../../../components/page-title.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import {
  COMPARISONS,
  type TargetDefinition,
  type TargetVersion,
  useDefinition,
  useUpdateDefinition,
} from '../api/target-definition.ts';
import '../target-admin.css';

/** The coordinator corrects a target's definition (targets.manage); every change is a version with a reason. */
export function DefinitionPage() {
  const { code = '' } = useParams();
  const { t } = useTranslation();
  const definition = useDefinition(code);
  return (
    <div className="page page--wide target-admin">
      <p className="breadcrumb">
        <Link to="/targets">{t('nav.targets')}</Link> <span aria-hidden="true">›</span>{' '}
        <Link to={`/targets/${encodeURIComponent(code)}`}>{code}</Link>
      </p>
      <PageTitle title={t('targetAdmin.definition.title', { code })} />
      <QueryState query={definition}>
        {(data) => (
          <>
            <p className="target-page__text" lang="vi">
              {data.target.textVi}
            </p>
            <div className="target-admin__grid">
              <section className="card" aria-labelledby="definition-form">
                <h2 id="definition-form">{t('targetAdmin.definition.formTitle')}</h2>
                <DefinitionForm key={data.target.version} target={data.target} />
              </section>
              <section className="card" aria-labelledby="definition-history">
                <h2 id="definition-history">{t('targetAdmin.definition.history')}</h2>
                <VersionList versions={data.versions} />
              </section>
            </div>
          </>
        )}
      </QueryState>
    </div>
  );
}

/** i18n keys for the comparisons; the API's symbols are not usable as keys. */
const COMPARISON_KEYS: Record<TargetDefinition['comparison'], string> = {
  '>=': 'atLeast',
  '>': 'moreThan',
  '<=': 'atMost',
  '<': 'lessThan',
  'rank<=': 'rankAtMost',
  range: 'range',
  qualitative: 'qualitative',
  qualitative_rank: 'qualitativeRank',
};

const text = (v: number | string | null) => (v === null ? '' : String(v));
/** "12,5" or "12.5" → 12.5; empty → null; anything else goes as typed, for the server to refuse. */
const number = (s: string): number | string | null => {
  const trimmed = s.trim();
  if (trimmed === '') return null;
  const n = Number(trimmed.replace(',', '.'));
  return Number.isFinite(n) ? n : trimmed;
};

function DefinitionForm({ target }: { target: TargetDefinition }) {
  const { t } = useTranslation();
  const id = useId();
  const update = useUpdateDefinition(target.code);
  const [f, setF] = useState({
    comparison: target.comparison,
    unit: target.unit ?? '',
    targetValue: text(target.targetValue),
    targetValueMax: text(target.targetValueMax),
    targetYear: text(target.targetYear),
    baselineValue: text(target.baselineValue),
    baselineYear: text(target.baselineYear),
    baselineSource: target.baselineSource ?? '',
    monitoringAgency: target.monitoringAgencyCode ?? '',
    reason: '',
  });
  const set = (patch: Partial<typeof f>) => setF((x) => ({ ...x, ...patch }));
  const qualitative = f.comparison === 'qualitative' || f.comparison === 'qualitative_rank';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({
      comparison: f.comparison,
      unit: f.unit.trim() || null,
      targetValue: qualitative ? null : number(f.targetValue),
      targetValueMax: f.comparison === 'range' ? number(f.targetValueMax) : null,
      targetYear: number(f.targetYear),
      baselineValue: qualitative ? null : number(f.baselineValue),
      baselineYear: qualitative ? null : number(f.baselineYear),
      baselineSource: f.baselineSource.trim() || null,
      monitoringAgency: f.monitoringAgency || null,
      reason: f.reason.trim(),
      expectedVersion: target.version,
    });
  };

  const field = (name: keyof typeof f, label: string, props: { inputMode?: 'decimal' | 'numeric' } = {}) => (
    <div className="field">
      <label className="field__label" htmlFor={`${id}-${name}`}>
        {label}
      </label>
      <input
        id={`${id}-${name}`}
        value={f[name]}
        inputMode={props.inputMode}
        onChange={(e) => set({ [name]: e.target.value })}
      />
    </div>
  );

  return (
    <form className="value-form" onSubmit={submit}>
      <p className="muted">{t('targetAdmin.definition.version', { version: target.version })}</p>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-comparison`}>
          {t('targetAdmin.definition.comparison')}
        </label>
        <select
          id={`${id}-comparison`}
          value={f.comparison}
          onChange={(e) => set({ comparison: e.target.value as TargetDefinition['comparison'] })}
        >
          {COMPARISONS.map((c) => (
            <option key={c} value={c}>
              {t(`targetAdmin.comparison.${COMPARISON_KEYS[c]}`)}
            </option>
          ))}
        </select>
        {target.comparisonInferred && <p className="field__hint">{t('targets.inferredHint')}</p>}
      </div>
      {field('unit', t('targetAdmin.definition.unit'))}
      {!qualitative && (
        <div className="value-form__row">
          {field(
            'targetValue',
            f.comparison === 'range'
              ? t('targetAdmin.definition.rangeFrom')
              : t('targetAdmin.definition.targetValue'),
            { inputMode: 'decimal' },
          )}
          {f.comparison === 'range' &&
            field('targetValueMax', t('targetAdmin.definition.rangeTo'), { inputMode: 'decimal' })}
        </div>
      )}
      {field('targetYear', t('targetAdmin.definition.targetYear'), { inputMode: 'numeric' })}
      {!qualitative && (
        <fieldset className="value-form__group">
          <legend>{t('targetAdmin.definition.baseline')}</legend>
          <div className="value-form__row">
            {field('baselineValue', t('targetAdmin.definition.baselineValue'), { inputMode: 'decimal' })}
            {field('baselineYear', t('targetAdmin.definition.baselineYear'), { inputMode: 'numeric' })}
          </div>
          {field('baselineSource', t('targetAdmin.definition.baselineSource'))}
        </fieldset>
      )}
      <OrgUnitSelect
        label={t('targetAdmin.definition.monitoringAgency')}
        value={f.monitoringAgency}
        emptyLabel={t('targetAdmin.definition.noAgency')}
        onChange={(unit) => set({ monitoringAgency: unit?.code ?? '' })}
      />
      <div className="field">
        <label className="field__label" htmlFor={`${id}-reason`}>
          {t('targetAdmin.definition.reason')}
        </label>
        <textarea
          id={`${id}-reason`}
          rows={2}
          required
          value={f.reason}
          onChange={(e) => set({ reason: e.target.value })}
        />
        <p className="field__hint">{t('targetAdmin.definition.reasonHint')}</p>
      </div>
      <FormError error={update.error} />
      {update.data && (
        <p className="notice notice--ok" role="status">
          {update.data.changed ? t('targetAdmin.definition.saved') : t('targetAdmin.definition.unchanged')}
        </p>
      )}
      <button type="submit" className="button" disabled={update.isPending}>
        {t('targetAdmin.definition.save')}
      </button>
    </form>
  );
}

const FIELD_KEYS = [
  'comparison',
  'unit',
  'targetValueText',
  'targetValue',
  'targetValueMax',
  'targetYear',
  'baselineValue',
  'baselineYear',
  'baselineSource',
  'monitoringAgencyCode',
  'textVi',
  'textEn',
] as const;

function VersionList({ versions }: { versions: TargetVersion[] }) {
  const { t } = useTranslation();
  if (versions.length === 0) return <p className="empty-state">{t('targetAdmin.definition.noVersions')}</p>;
  const show = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : String(v));
  return (
    <ol className="version-list">
      {versions.map((v) => {
        const changed = FIELD_KEYS.filter((k) => JSON.stringify(v.before[k]) !== JSON.stringify(v.after[k]));
        return (
          <li key={v.version} className="version-list__item">
            <p className="version-list__head">
              <strong>{t('targetAdmin.definition.versionNo', { version: v.version })}</strong>{' '}
              <span className="muted">
                {formatDateTime(v.changedAt)} · {v.actor}
              </span>
            </p>
            <p>{v.reason ?? <span className="muted">{t('targetAdmin.definition.noReason')}</span>}</p>
            <ul className="version-list__changes">
              {changed.map((k) => (
                <li key={k}>
                  {t(`targetAdmin.definition.fields.${k}`)}: <del>{show(v.before[k])}</del> →{' '}
                  <ins>{show(v.after[k])}</ins>
                </li>
              ))}
            </ul>
          </li>
        );
      })}
    </ol>
  );
}
