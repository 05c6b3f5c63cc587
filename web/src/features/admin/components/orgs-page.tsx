import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { DateField } from '../../../components/date-field.tsx';
import { PageTitle } from '../../../components/page-title.tsx';
import { ErrorMessage, Loading } from '../../../components/query-state.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { CREATABLE_KINDS, type OrgUnit, useCreateOrg, useOrgs, useRenameOrg } from '../api/orgs.ts';

const problem = (t: (k: string) => string, error: unknown) =>
  error instanceof ApiError && error.issues.length
    ? error.issues.map((i) => `${i.field}: ${i.problem}`).join('; ')
    : error instanceof ApiError && error.status === 409
      ? t('admin.orgs.conflict')
      : t('admin.users.failed');

/** The organisation tree (parents first, indented by level), with create and rename. */
export function OrgsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() || undefined;
  const orgs = useOrgs(q);
  const [text, setText] = useState(q ?? '');
  const search = (event: FormEvent) => {
    event.preventDefault();
    setParams(text.trim() ? { q: text.trim() } : {});
  };
  const minLevel = Math.min(...(orgs.data?.items.map((u) => u.level) ?? [1]));
  return (
    <div className="page page--wide">
      <PageTitle title={t('admin.orgs.title')} />
      <form className="filters" aria-label={t('admin.orgs.search')} onSubmit={search}>
        <div className="field">
          <label className="field__label" htmlFor="orgs-q">
            {t('admin.orgs.search')}
          </label>
          <input id="orgs-q" type="search" value={text} onChange={(e) => setText(e.target.value)} />
        </div>
        <div className="field">
          <button type="submit" className="button">
            {t('admin.users.searchSubmit')}
          </button>
        </div>
      </form>
      <CreateOrg />
      {orgs.isPending ? (
        <Loading />
      ) : orgs.isError ? (
        <ErrorMessage error={orgs.error} onRetry={() => void orgs.refetch()} />
      ) : (
        <>
          <p className="results__count" role="status">
            {t('admin.orgs.count', { count: orgs.data.total })}
          </p>
          <ul className="org-tree">
            {orgs.data.items.map((u) => (
              <OrgRow key={u.code} unit={u} indent={u.level - minLevel} />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function OrgRow({ unit, indent }: { unit: OrgUnit; indent: number }) {
  const { t } = useTranslation();
  const rename = useRenameOrg();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(unit.nameVi);
  // A rename takes effect on a date (the old name stays in the unit's history until then).
  const [effectiveDate, setEffectiveDate] = useState(() => new Date().toISOString().slice(0, 10));
  const [legalBasis, setLegalBasis] = useState('');
  return (
    <li className="org-tree__item" style={{ marginLeft: `${Math.min(indent, 6) * 1.25}rem` }}>
      {editing ? (
        <form
          className="person-card__grant"
          onSubmit={(e) => {
            e.preventDefault();
            rename.mutate(
              { code: unit.code, nameVi: name, effectiveDate, legalBasis: legalBasis.trim() || null },
              { onSuccess: () => setEditing(false) },
            );
          }}
        >
          <label>
            <span className="visually-hidden">{t('admin.orgs.newName', { code: unit.code })}</span>
            <input value={name} onChange={(e) => setName(e.target.value)} required />
          </label>
          <DateField
            label={t('admin.orgs.effectiveDate')}
            value={effectiveDate}
            onChange={setEffectiveDate}
          />
          <label>
            <span className="visually-hidden">{t('admin.orgs.legalBasis')}</span>
            <input
              value={legalBasis}
              placeholder={t('admin.orgs.legalBasis')}
              onChange={(e) => setLegalBasis(e.target.value)}
            />
          </label>
          <button type="submit" className="button" disabled={rename.isPending}>
            {t('admin.orgs.save')}
          </button>
          <button type="button" className="button button--secondary" onClick={() => setEditing(false)}>
            {t('admin.users.cancel')}
          </button>
          <span role="alert">
            {rename.isError && <span className="field__error">{problem(t, rename.error)}</span>}
          </span>
        </form>
      ) : (
        <>
          <span className="tag tag--code">{unit.code}</span> {unit.nameVi}
          {unit.status === 'closed' && <span className="badge badge--warn">{t('admin.orgs.closed')}</span>}{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => setEditing(true)}
            aria-label={t('admin.orgs.renameLabel', { name: unit.nameVi })}
          >
            {t('admin.orgs.rename')}
          </button>
        </>
      )}
    </li>
  );
}

function CreateOrg() {
  const { t } = useTranslation();
  const create = useCreateOrg();
  const [form, setForm] = useState({ code: '', kind: 'department', nameVi: '', parentCode: '' });
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });
  return (
    <details className="card section">
      <summary>{t('admin.orgs.add')}</summary>
      <form
        className="auth-form"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate(form, { onSuccess: () => setForm({ ...form, code: '', nameVi: '' }) });
        }}
      >
        <div role="alert">{create.isError && <p className="field__error">{problem(t, create.error)}</p>}</div>
        <div role="status">
          {create.isSuccess && (
            <p className="notice notice--ok">{t('admin.orgs.added', { name: create.data.nameVi })}</p>
          )}
        </div>
        {(['parentCode', 'code', 'nameVi'] as const).map((key) => (
          <div className="field" key={key}>
            <label className="field__label" htmlFor={`org-${key}`}>
              {t(`admin.orgs.fields.${key}`)}
            </label>
            <input id={`org-${key}`} required value={form[key]} onChange={set(key)} />
          </div>
        ))}
        <div className="field">
          <label className="field__label" htmlFor="org-kind">
            {t('admin.orgs.fields.kind')}
          </label>
          <select id="org-kind" value={form.kind} onChange={set('kind')}>
            {CREATABLE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`admin.orgs.kinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="auth-form__actions">
          <button type="submit" className="button" disabled={create.isPending}>
            {t('admin.users.create')}
          </button>
        </div>
      </form>
    </details>
  );
}
