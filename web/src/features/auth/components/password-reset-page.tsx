import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageTitle } from '../../../components/page-title.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { useConfirmPasswordReset, useRequestPasswordReset } from '../api/auth-actions.ts';
import '../auth.css';

/** "Forgot password": ask for a link by email; the answer is the same whether the address exists or not. */
export function PasswordResetRequestPage() {
  const { t } = useTranslation();
  const request = useRequestPasswordReset();
  const [email, setEmail] = useState('');
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    request.mutate({ email });
  };
  return (
    <div className="page auth-page">
      <PageTitle title={t('auth.reset.requestTitle')} />
      {request.isSuccess ? (
        <p className="notice notice--ok" role="status">
          {t('auth.reset.requestSent')}
        </p>
      ) : (
        <form className="card auth-form" onSubmit={onSubmit}>
          <p>{t('auth.reset.requestIntro')}</p>
          <div role="alert">
            {request.isError && (
              <p className="field__error">
                {request.error instanceof ApiError && request.error.status === 429
                  ? t('auth.signIn.errors.locked')
                  : t('auth.reset.requestFailed')}
              </p>
            )}
          </div>
          <div className="field">
            <label className="field__label" htmlFor="reset-email">
              {t('auth.fields.email')}
            </label>
            <input
              id="reset-email"
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          </div>
          <div className="auth-form__actions">
            <button type="submit" className="button" disabled={request.isPending}>
              {t('auth.reset.requestSubmit')}
            </button>
            <Link to="/sign-in">{t('auth.reset.back')}</Link>
          </div>
        </form>
      )}
    </div>
  );
}

/**
 * The new-password form, from the emailed link: /password-reset/:token, or /reset-password#token=…
 * (the address the server's mail uses).
 */
export function PasswordResetConfirmPage() {
  const { t } = useTranslation();
  const params = useParams();
  const token = params.token ?? new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';
  const confirm = useConfirmPasswordReset();
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
    confirm.mutate({ token, newPassword: password });
  };
  return (
    <div className="page auth-page">
      <PageTitle title={t('auth.reset.confirmTitle')} />
      {confirm.isSuccess ? (
        <p className="notice notice--ok" role="status">
          {t('auth.reset.confirmDone')} <Link to="/sign-in">{t('auth.signIn.link')}</Link>
        </p>
      ) : (
        <form className="card auth-form" onSubmit={onSubmit}>
          <div role="alert">
            {mismatch && <p className="field__error">{t('auth.password.mismatch')}</p>}
            {confirm.isError && (
              <p className="field__error">
                {confirm.error instanceof ApiError && confirm.error.code === 'validation_failed'
                  ? t('auth.password.weak')
                  : t('auth.reset.linkInvalid')}
              </p>
            )}
          </div>
          <NewPasswordFields
            password={password}
            repeat={repeat}
            onPassword={setPassword}
            onRepeat={setRepeat}
          />
          <div className="auth-form__actions">
            <button type="submit" className="button" disabled={confirm.isPending || !token}>
              {t('auth.reset.confirmSubmit')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}

export function NewPasswordFields({
  password,
  repeat,
  onPassword,
  onRepeat,
}: {
  password: string;
  repeat: string;
  onPassword: (v: string) => void;
  onRepeat: (v: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <div className="field">
        <label className="field__label" htmlFor="new-password">
          {t('auth.password.new')}
        </label>
        <input
          id="new-password"
          type="password"
          autoComplete="new-password"
          required
          aria-describedby="new-password-hint"
          value={password}
          onChange={(e) => onPassword(e.target.value)}
        />
        <span id="new-password-hint" className="field__hint">
          {t('auth.password.hint')}
        </span>
      </div>
      <div className="field">
        <label className="field__label" htmlFor="repeat-password">
          {t('auth.password.repeat')}
        </label>
        <input
          id="repeat-password"
          type="password"
          autoComplete="new-password"
          required
          value={repeat}
          onChange={(e) => onRepeat(e.target.value)}
        />
      </div>
    </>
  );
}
