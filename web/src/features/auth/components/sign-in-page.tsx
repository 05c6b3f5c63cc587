import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { PageTitle } from '../../../components/page-title.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { useSignIn } from '../api/auth-actions.ts';
import { useMe } from '../api/get-me.ts';
import { useMeta } from '../api/get-meta.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../demo-accounts.ts';
import '../auth.css';

/** Only same-site paths: `next` comes from the address bar and must not send anyone elsewhere. */
export function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

/** The message for a failed sign-in: neutral whatever went wrong, except that too many tries says so. */
export function signInErrorKey(error: unknown): string {
  if (error instanceof ApiError && error.status === 429) return 'auth.signIn.errors.locked';
  if (error instanceof ApiError && error.status >= 400 && error.status < 500)
    return 'auth.signIn.errors.invalid';
  return 'auth.signIn.errors.unavailable';
}

export function SignInPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const me = useMe();
  const meta = useMeta();
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const ssoFailed = params.get('error') === 'invalid_credentials';

  if (me.data && !signIn.isSuccess) return <Navigate to={next} replace />;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate({ email, password }, { onSuccess: () => void navigate(next, { replace: true }) });
  };

  const errorKey = signIn.isError
    ? signInErrorKey(signIn.error)
    : ssoFailed
      ? 'auth.signIn.errors.invalid'
      : null;

  return (
    <div className="page auth-page">
      <PageTitle title={t('auth.signIn.title')} />
      <form
        className="card auth-form"
        onSubmit={onSubmit}
        noValidate={false}
        aria-describedby="sign-in-error"
      >
        <div id="sign-in-error" role="alert" aria-live="assertive">
          {errorKey && <p className="field__error">{t(errorKey)}</p>}
        </div>
        <div className="field">
          <label className="field__label" htmlFor="sign-in-email">
            {t('auth.fields.email')}
          </label>
          <input
            id="sign-in-email"
            name="email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="sign-in-password">
            {t('auth.fields.password')}
          </label>
          <input
            id="sign-in-password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        <div className="auth-form__actions">
          <button type="submit" className="button" disabled={signIn.isPending}>
            {signIn.isPending ? t('auth.signIn.submitting') : t('auth.signIn.submit')}
          </button>
          <Link to="/password-reset">{t('auth.signIn.forgot')}</Link>
        </div>
        {meta.data?.oidc && (
          <p className="auth-form__sso">
            <a className="button button--secondary" href="/api/auth/oidc/start">
              {t('auth.signIn.sso')}
            </a>
          </p>
        )}
      </form>
      {meta.data?.demo && (
        <section className="section demo-accounts" aria-labelledby="demo-accounts-title">
          <h2 id="demo-accounts-title">{t('auth.demo.accountsTitle')}</h2>
          <p>
            {t('auth.demo.accountsIntro')} <code className="demo-accounts__password">{DEMO_PASSWORD}</code>
          </p>
          <ul className="demo-accounts__list">
            {DEMO_ACCOUNTS.map((a) => (
              <li key={a.email}>
                <span className="demo-accounts__role">{t(`auth.roles.${a.role}`)}</span>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    setEmail(a.email);
                    setPassword(DEMO_PASSWORD);
                  }}
                  aria-label={t('auth.demo.use', { email: a.email })}
                >
                  {a.email}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
