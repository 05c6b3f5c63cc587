import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { FormError } from '../../../components/form-error.tsx';
import { OrgUnitSelect } from '../../../components/org-unit-select.tsx';
import { PageTitle } from '../../../components/page-title.tsx';
import { Pagination } from '../../../components/pagination.tsx';
import { ErrorMessage, Loading } from '../../../components/query-state.tsx';
import { useLocalized } from '../../../components/use-localized.ts';
import { type Me, type Role, useCan, useMe } from '../../auth/api/get-me.ts';
import {
  type Person,
  USERS_PAGE_SIZE,
  useCreatePerson,
  useGrantRole,
  useRevokeRole,
  usersQuery,
  useSetDisabled,
} from '../api/users.ts';
import '../admin.css';

const ROLES: Role[] = [
  'system_admin',
  'coordinator',
  'focal_officer',
  'agency_head',
  'steering_viewer',
  'auditor',
];

/**
 * The subtree the unit pickers offer: the unit an administrator's one system_admin grant is held at
 * (a province's administrator chooses among the province's units); everything when there are several.
 */
function adminRoot(me: Me | null | undefined): string | undefined {
  const grants = me?.roles.filter((r) => r.role === 'system_admin') ?? [];
  return grants.length === 1 ? grants[0]!.orgUnit.code : undefined;
}

export function UsersPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() || undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const people = useQuery({ ...usersQuery({ q, page }), placeholderData: keepPreviousData });
  const mayManage = useCan('users.manage');
  const [text, setText] = useState(q ?? '');

  const search = (event: FormEvent) => {
    event.preventDefault();
    setParams(text.trim() ? { q: text.trim() } : {});
  };
  const hrefFor = (p: number) => {
    const next = new URLSearchParams(params);
    if (p > 1) next.set('page', String(p));
    else next.delete('page');
    return `?${next.toString()}`;
  };
  const root = adminRoot(useMe().data);

  return (
    <div className="page page--wide">
      <PageTitle title={t('admin.users.title')} />
      <form className="filters" aria-label={t('admin.users.search')} onSubmit={search}>
        <div className="field">
          <label className="field__label" htmlFor="users-q">
            {t('admin.users.search')}
          </label>
          <input id="users-q" type="search" value={text} onChange={(e) => setText(e.target.value)} />
        </div>
        <div className="field">
          <button type="submit" className="button">
            {t('admin.users.searchSubmit')}
          </button>
        </div>
      </form>
      {mayManage && (
        <p className="admin-actions">
          <Link to="/admin/users/import">{t('admin.users.importLink')}</Link>
        </p>
      )}
      {mayManage && <CreatePerson root={root} />}
      {people.isPending ? (
        <Loading />
      ) : people.isError ? (
        <ErrorMessage error={people.error} onRetry={() => void people.refetch()} />
      ) : (
        <div className="results" aria-busy={people.isFetching}>
          <p className="results__count" role="status">
            {t('admin.users.count', { count: people.data.total })}
          </p>
          <ul className="people-list">
            {people.data.items.map((p) => (
              <PersonCard key={p.id} person={p} root={root} />
            ))}
          </ul>
          <Pagination
            page={people.data.page}
            pageCount={Math.max(1, Math.ceil(people.data.total / USERS_PAGE_SIZE))}
            hrefFor={hrefFor}
          />
        </div>
      )}
    </div>
  );
}

function PersonCard({ person, root }: { person: Person; root?: string }) {
  const { t } = useTranslation();
  const { pick } = useLocalized();
  const setDisabled = useSetDisabled();
  const revoke = useRevokeRole();
  const grant = useGrantRole();
  const [role, setRole] = useState<Role>('focal_officer');
  const [unit, setUnit] = useState({ id: person.orgUnit.id, code: person.orgUnit.code });
  const [subUnits, setSubUnits] = useState(false);
  const [granting, setGranting] = useState(false);
  const error = setDisabled.error ?? revoke.error ?? grant.error;
  return (
    <li className="card person-card" aria-labelledby={`person-${person.id}`}>
      <h2 id={`person-${person.id}`} className="person-card__name">
        {person.name}
        {person.disabled && <span className="badge badge--warn">{t('admin.users.disabled')}</span>}
      </h2>
      <p className="muted">
        {person.email} · {person.title ?? '—'} · {pick(person.orgUnit.name, person.orgUnit.nameEn)}
      </p>
      <ul className="role-list">
        {person.roles.map((r) => (
          <li key={r.id}>
            {t(`auth.roles.${r.role}`)} — {pick(r.orgUnitName, r.orgUnitNameEn)}
            {r.includeSubUnits && ` ${t('profile.withSubUnits')}`}{' '}
            {person.can.grantRoles && (
              <button
                type="button"
                className="link-button"
                disabled={revoke.isPending}
                onClick={() => revoke.mutate({ id: person.id, grantId: r.id })}
                aria-label={t('admin.users.revokeLabel', {
                  role: t(`auth.roles.${r.role}`),
                  name: person.name,
                })}
              >
                {t('admin.users.revoke')}
              </button>
            )}
          </li>
        ))}
      </ul>
      <FormError error={error} />
      <div className="person-card__actions">
        {person.can.update && (
          <button
            type="button"
            className="button button--secondary"
            disabled={setDisabled.isPending}
            onClick={() => setDisabled.mutate({ id: person.id, disabled: !person.disabled })}
          >
            {person.disabled ? t('admin.users.enable') : t('admin.users.disable')}
          </button>
        )}
        {person.can.grantRoles && (
          <details className="person-card__more" onToggle={(e) => setGranting(e.currentTarget.open)}>
            <summary>{t('admin.users.grantMore')}</summary>
            {/* Built only when opened: a unit picker per person would be thousands of options each. */}
            {granting && (
              <form
                className="person-card__grant"
                onSubmit={(e) => {
                  e.preventDefault();
                  grant.mutate({ id: person.id, role, orgUnitId: unit.id, includeSubUnits: subUnits });
                }}
              >
                <label className="field">
                  <span className="field__label">{t('admin.users.role')}</span>
                  <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {t(`auth.roles.${r}`)}
                      </option>
                    ))}
                  </select>
                </label>
                <OrgUnitSelect
                  label={t('admin.users.grantUnit')}
                  value={unit.code}
                  root={root}
                  onChange={(u) => u && setUnit({ id: u.id, code: u.code })}
                />
                <label className="admin-check">
                  <input type="checkbox" checked={subUnits} onChange={(e) => setSubUnits(e.target.checked)} />
                  {t('admin.users.subUnits')}
                </label>
                <button type="submit" className="button button--secondary" disabled={grant.isPending}>
                  {t('admin.users.grant')}
                </button>
              </form>
            )}
          </details>
        )}
      </div>
    </li>
  );
}

function CreatePerson({ root }: { root?: string }) {
  const { t } = useTranslation();
  const create = useCreatePerson();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [title, setTitle] = useState('');
  const [unit, setUnit] = useState<{ id: number; code: string } | null>(null);
  const [role, setRole] = useState<Role | ''>('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!unit) return;
    create.mutate(
      {
        name,
        email,
        title: title.trim() || null,
        orgUnitId: unit.id,
        roles: role ? [{ role, orgUnitId: unit.id, includeSubUnits: false }] : [],
      },
      {
        onSuccess: () => {
          setName('');
          setEmail('');
          setTitle('');
          setOpen(false);
        },
      },
    );
  };
  if (!open)
    return (
      <p>
        <button type="button" className="button" onClick={() => setOpen(true)}>
          {t('admin.users.add')}
        </button>
        {create.isSuccess && (
          <span role="status" className="notice notice--ok">
            {t('admin.users.added')}
          </span>
        )}
      </p>
    );
  return (
    <form className="card section auth-form" onSubmit={submit} aria-labelledby="add-person">
      <h2 id="add-person">{t('admin.users.add')}</h2>
      <FormError error={create.error} />
      {(
        [
          ['name', name, setName, 'text'],
          ['email', email, setEmail, 'email'],
          ['title', title, setTitle, 'text'],
        ] as const
      ).map(([key, value, set, type]) => (
        <div className="field" key={key}>
          <label className="field__label" htmlFor={`new-${key}`}>
            {t(`admin.users.fields.${key}`)}
          </label>
          <input
            id={`new-${key}`}
            type={type}
            required={key !== 'title'}
            value={value}
            onChange={(e) => set(e.target.value)}
          />
        </div>
      ))}
      <OrgUnitSelect
        label={t('admin.users.unit')}
        value={unit?.code ?? ''}
        root={root}
        required
        onChange={(u) => setUnit(u && { id: u.id, code: u.code })}
      />
      <div className="field">
        <label className="field__label" htmlFor="new-role">
          {t('admin.users.role')}
        </label>
        <select id="new-role" value={role} onChange={(e) => setRole(e.target.value as Role | '')}>
          <option value="">{t('admin.users.noRole')}</option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`auth.roles.${r}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="auth-form__actions">
        <button type="submit" className="button" disabled={create.isPending}>
          {t('admin.users.create')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => setOpen(false)}>
          {t('admin.users.cancel')}
        </button>
      </div>
    </form>
  );
}
