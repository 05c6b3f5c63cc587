import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api-client.ts';

/**
 * What to tell the person when a write is refused. The API's own message is specific and already
 * names the field ("deadline: is before the assignment date"); we add only what the status means
 * when the API sent no message we can show.
 */
export function apiErrorText(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError)) return t('common.errors.network');
  if (error.issues.length) return error.issues.map((i) => `${i.field}: ${i.problem}`).join('; ');
  if (error.status === 401) return t('common.errors.signedOut');
  if (error.status === 403) return t('common.errors.forbidden');
  if (error.status === 413) return t('common.errors.tooLarge');
  if (error.status === 429) return t('common.errors.rateLimited');
  if (error.status >= 500) return t('common.errors.server');
  return error.message || t('common.errors.failed');
}

/** A refused write's message, announced to screen readers; nothing when there is no error. */
export function FormError({ error, id }: { error: unknown; id?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <p className="form-error" role="alert" id={id}>
      {apiErrorText(t, error)}
    </p>
  );
}
