import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageTitle } from '../../../components/page-title.tsx';
import { Pagination } from '../../../components/pagination.tsx';
import { ErrorMessage, Loading } from '../../../components/query-state.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { type Role, useCan } from '../../auth/api/get-me.ts';
import {
  type Person,
  USERS_PAGE_SIZE,
  useCreatePerson,
  useGrantRole,
  useRevokeRole,
  usersQuery,
  useSetDisabled,
} from '../api/users.ts';

const ROLES: Role[] = [
  'system_admin',
  'coordinator',
  'focal_officer',
  'agency_head',
  'steering_viewer',
  'auditor',
];

type Unit = { id: number; name: string };

/**
 * The units this page can offer. GET /api/orgs does not give units' ids, which the people API needs,
 * so the choice is limited to units already seen on people and their roles (see the report).
 */
function knownUnits(people: Person[]): Unit[] {
  const units = new Map<number, string>();
  for (const p of people) {
    units.set(p.orgUnit.id, p.orgUnit.name);
    for (const r of p.roles) units.set(r.orgUnitId, r.orgUnitName);
  }
  return [...units].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

function errorText(t: (k: string) => string, error: unknown): string {
  if (error instanceof ApiError && error.issues.length)
    return error.issues.map((i) => `${i.field}: ${i.problem}`).join('; ');
  if (error instanceof ApiError && error.status === 409) return t('admin.users.conflict');
  if (error instanceof ApiError && error.status === 403) return t('admin.users.notYours');
  return t('admin.users.failed');
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
  const units = knownUnits(people.data?.items ?? []);

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
      {mayManage && <CreatePerson units={units} />}
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
              <PersonCard key={p.id} person={p} units={units} />
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

function PersonCard({ person, units }: { person: Person; units: Unit[] }) {
  const { t } = useTranslation();
  const setDisabled = useSetDisabled();
  const revoke = useRevokeRole();
  const grant = useGrantRole();
  const [role, setRole] = useState<Role>('focal_officer');
  const [unitId, setUnitId] = useState(person.orgUnit.id);
  const [subUnits, setSubUnits] = useState(false);
  const error = setDisabled.error ?? revoke.error ?? grant.error;
  return (
    <li className="card person-card" aria-labelledby={`person-${person.id}`}>
      <h2 id={`person-${person.id}`} className="person-card__name">
        {person.name}
        {person.disabled && <span className="badge badge--warn">{t('admin.users.disabled')}</span>}
      </h2>
      <p className="muted">
        {person.email} · {person.title ?? '—'} · {person.orgUnit.name}
      </p>
      <ul className="role-list">
        {person.roles.map((r) => (
          <li key={r.id}>
            {t(`auth.roles.${r.role}`)} — {r.orgUnitName}
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
      <div role="alert">{error && <p className="field__error">{errorText(t, error)}</p>}</div>
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
          <form
            className="person-card__grant"
            onSubmit={(e) => {
              e.preventDefault();
              grant.mutate({ id: person.id, role, orgUnitId: unitId, includeSubUnits: subUnits });
            }}
          >
            <label>
              <span className="visually-hidden">{t('admin.users.role')}</span>
              <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t(`auth.roles.${r}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              <span className="visually-hidden">{t('admin.users.unit')}</span>
              <select value={unitId} onChange={(e) => setUnitId(Number(e.target.value))}>
                {units.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              <input type="checkbox" checked={subUnits} onChange={(e) => setSubUnits(e.target.checked)} />{' '}
              {t('admin.users.subUnits')}
            </label>
            <button type="submit" className="button button--secondary" disabled={grant.isPending}>
              {t('admin.users.grant')}
            </button>
          </form>
        )}
      </div>
    </li>
  );
}

function CreatePerson({ units }: { units: Unit[] }) {
  const { t } = useTranslation();
  const create = useCreatePerson();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [title, setTitle] = useState('');
  const [unitId, setUnitId] = useState<number | ''>('');
  const [role, setRole] = useState<Role | ''>('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (unitId === '') return;
    create.mutate(
      {
        name,
        email,
        title: title.trim() || null,
        orgUnitId: unitId,
        roles: role ? [{ role, orgUnitId: unitId, includeSubUnits: false }] : [],
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
      <div role="alert">{create.isError && <p className="field__error">{errorText(t, create.error)}</p>}</div>
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
      <div className="field">
        <label className="field__label" htmlFor="new-unit">
          {t('admin.users.unit')}
        </label>
        <select
          id="new-unit"
          required
          value={unitId}
          onChange={(e) => setUnitId(e.target.value ? Number(e.target.value) : '')}
        >
          <option value="">—</option>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </div>
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
