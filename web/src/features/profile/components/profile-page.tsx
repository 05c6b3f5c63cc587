import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageTitle } from '../../../components/page-title.tsx';
import { useLocalized } from '../../../components/use-localized.ts';
import { ApiError } from '../../../lib/api-client.ts';
import { useChangePassword, useSignOutEverywhere } from '../../auth/api/auth-actions.ts';
import { type Me, type MeUnit, useMe } from '../../auth/api/get-me.ts';
import { NewPasswordFields } from '../../auth/components/password-reset-page.tsx';
import '../../auth/auth.css';

export function ProfilePage() {
  const { t } = useTranslation();
  const me = useMe().data;
  if (!me) return null; // RequireSignIn shows the page only to a signed-in person
  return (
    <div className="page">
      <PageTitle title={t('profile.title')} />
      <ProfileFacts me={me} />
      <ChangePassword />
      <SignOutEverywhere />
    </div>
  );
}

function ProfileFacts({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { pick } = useLocalized();
  const unitName = (u: MeUnit) => `${pick(u.nameVi, u.nameEn)} (${u.code})`;
  return (
    <section className="card section" aria-labelledby="profile-facts">
      <h2 id="profile-facts">{t('profile.facts')}</h2>
      <dl className="facts">
        <dt>{t('profile.name')}</dt>
        <dd>{me.user.name}</dd>
        <dt>{t('auth.fields.email')}</dt>
        <dd>{me.user.email}</dd>
        <dt>{t('profile.unit')}</dt>
        <dd data-testid="profile-unit">{unitName(me.user.orgUnit)}</dd>
        <dt>{t('profile.jobTitle')}</dt>
        <dd>{me.user.title ?? '—'}</dd>
        <dt>{t('profile.roles')}</dt>
        <dd>
          {me.roles.length === 0 ? (
            t('profile.noRoles')
          ) : (
            <ul className="role-list" data-testid="profile-roles">
              {me.roles.map((r) => (
                <li key={`${r.role}-${r.orgUnitId}`}>
                  {t(`auth.roles.${r.role}`)} — {unitName(r.orgUnit)}
                  {r.includeSubUnits && ` ${t('profile.withSubUnits')}`}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
    </section>
  );
}

function ChangePassword() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (password !== repeat) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    change.mutate(
      { currentPassword: current, newPassword: password },
      {
        onSuccess: () => {
          setCurrent('');
          setPassword('');
          setRepeat('');
        },
      },
    );
  };
  const error = change.error;
  const errorText =
    error instanceof ApiError && error.issues.some((i) => i.field === 'currentPassword')
      ? t('profile.password.wrongCurrent')
      : error instanceof ApiError && error.issues.some((i) => i.field === 'newPassword')
        ? t('auth.password.weak')
        : error
          ? t('profile.password.failed')
          : null;
  return (
    <section className="card section" aria-labelledby="profile-password">
      <h2 id="profile-password">{t('profile.password.title')}</h2>
      <form className="auth-form" onSubmit={onSubmit}>
        <div role="status">
          {change.isSuccess && <p className="notice notice--ok">{t('profile.password.done')}</p>}
        </div>
        <div role="alert">
          {mismatch && <p className="field__error">{t('auth.password.mismatch')}</p>}
          {errorText && <p className="field__error">{errorText}</p>}
        </div>
        <div className="field">
          <label className="field__label" htmlFor="current-password">
            {t('profile.password.current')}
          </label>
          <input
            id="current-password"
            type="password"
            autoComplete="current-password"
            required
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
          />
        </div>
        <NewPasswordFields
          password={password}
          repeat={repeat}
          onPassword={setPassword}
          onRepeat={setRepeat}
        />
        <div className="auth-form__actions">
          <button type="submit" className="button" disabled={change.isPending}>
            {t('profile.password.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}

function SignOutEverywhere() {
  const { t } = useTranslation();
  const signOut = useSignOutEverywhere();
  const navigate = useNavigate();
  return (
    <section className="card section" aria-labelledby="profile-sessions">
      <h2 id="profile-sessions">{t('profile.sessions.title')}</h2>
      <p>{t('profile.sessions.body')}</p>
      <button
        type="button"
        className="button button--secondary"
        disabled={signOut.isPending}
        onClick={() => signOut.mutate(undefined, { onSuccess: () => void navigate('/sign-in') })}
      >
        {t('profile.sessions.submit')}
      </button>
    </section>
  );
}
