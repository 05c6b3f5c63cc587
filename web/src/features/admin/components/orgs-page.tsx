import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { FormError } from '../../../components/form-error.tsx';
import { OrgUnitSelect } from '../../../components/org-unit-select.tsx';
import { PageTitle } from '../../../components/page-title.tsx';
import { ErrorMessage, Loading } from '../../../components/query-state.tsx';
import { useLocalized } from '../../../components/use-localized.ts';
import { CREATABLE_KINDS, type OrgUnit, useCreateOrg, useOrgs } from '../api/orgs.ts';
import { PARENT_KINDS } from '../org-kinds.ts';
import '../admin.css';

/** The organisation tree (parents first, indented by level); each unit opens its page and history. */
export function OrgsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() || undefined;
  const withClosed = params.get('closed') === '1';
  const orgs = useOrgs(q, withClosed ? 'all' : 'current');
  const [text, setText] = useState(q ?? '');
  const [closed, setClosed] = useState(withClosed);
  const search = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (text.trim()) next.set('q', text.trim());
    if (closed) next.set('closed', '1');
    setParams(next);
  };
  const minLevel = Math.min(...(orgs.data?.items.map((u) => u.level) ?? [1]));
  return (
    <div className="page page--wide">
      <PageTitle title={t('admin.orgs.title')} />
      <p className="lead">{t('admin.orgs.intro')}</p>
      <ul className="admin-actions">
        <li>
          <Link to="/admin/orgs/import">{t('admin.orgs.importLink')}</Link>
        </li>
        <li>
          <Link to="/admin/orgs/merge">{t('admin.orgs.mergeLink')}</Link>
        </li>
        <li>
          <Link to="/admin/orgs/split">{t('admin.orgs.splitLink')}</Link>
        </li>
      </ul>
      <form className="filters" aria-label={t('admin.orgs.search')} onSubmit={search}>
        <div className="field">
          <label className="field__label" htmlFor="orgs-q">
            {t('admin.orgs.search')}
          </label>
          <input id="orgs-q" type="search" value={text} onChange={(e) => setText(e.target.value)} />
        </div>
        <label className="admin-check">
          <input type="checkbox" checked={closed} onChange={(e) => setClosed(e.target.checked)} />{' '}
          {t('admin.orgs.withClosed')}
        </label>
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
  const { pick } = useLocalized();
  return (
    <li className="org-tree__item" style={{ paddingLeft: `${Math.min(indent, 6) * 1.25}rem` }}>
      <span className="tag tag--code">{unit.code}</span>{' '}
      <Link to={`/admin/orgs/${encodeURIComponent(unit.code)}`}>{pick(unit.nameVi, unit.nameEn)}</Link>
      {unit.status === 'closed' && <span className="badge badge--warn">{t('admin.orgs.closed')}</span>}
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
        <FormError error={create.error} />
        <div role="status">
          {create.isSuccess && (
            <p className="notice notice--ok">{t('admin.orgs.added', { name: create.data.nameVi })}</p>
          )}
        </div>
        <div className="field">
          <label className="field__label" htmlFor="org-kind">
            {t('admin.orgs.fields.kind')}
          </label>
          <select
            id="org-kind"
            value={form.kind}
            // Another kind may sit under other parents: choose the parent again.
            onChange={(e) => setForm({ ...form, kind: e.target.value, parentCode: '' })}
          >
            {CREATABLE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`admin.orgs.kinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <OrgUnitSelect
          label={t('admin.orgs.fields.parent')}
          value={form.parentCode}
          kinds={PARENT_KINDS[form.kind]}
          required
          onChange={(u) => setForm({ ...form, parentCode: u?.code ?? '' })}
        />
        {(['code', 'nameVi'] as const).map((key) => (
          <div className="field" key={key}>
            <label className="field__label" htmlFor={`org-${key}`}>
              {t(`admin.orgs.fields.${key}`)}
            </label>
            <input id={`org-${key}`} required value={form[key]} onChange={set(key)} />
          </div>
        ))}
        <div className="auth-form__actions">
          <button type="submit" className="button" disabled={create.isPending}>
            {t('admin.users.create')}
          </button>
        </div>
      </form>
    </details>
  );
}
