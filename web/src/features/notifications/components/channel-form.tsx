import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../components/form-error.tsx';
import { type ChannelPreference, useSavePreference } from '../api/notifications.ts';

/** The person's reminder channels: in the app, by email, to a webhook; a channel switched on needs its address. */
export function ChannelForm({ initial }: { initial: ChannelPreference }) {
  const { t } = useTranslation();
  const id = useId();
  const [p, setP] = useState(initial);
  const save = useSavePreference();
  const set = (patch: Partial<ChannelPreference>) => {
    save.reset();
    setP((current) => ({ ...current, ...patch }));
  };
  return (
    <form
      className="channel-form"
      aria-label={t('notifications.channels.title')}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({
          ...p,
          email: p.email?.trim() || null,
          webhookUrl: p.webhookUrl?.trim() || null,
        });
      }}
    >
      <fieldset>
        <legend className="visually-hidden">{t('notifications.channels.inApp')}</legend>
        <label className="check">
          <input type="checkbox" checked={p.inApp} onChange={(e) => set({ inApp: e.target.checked })} />
          {t('notifications.channels.inApp')}
        </label>
      </fieldset>
      <fieldset>
        <legend className="visually-hidden">{t('notifications.channels.email')}</legend>
        <label className="check">
          <input
            type="checkbox"
            checked={p.emailEnabled}
            onChange={(e) => set({ emailEnabled: e.target.checked })}
          />
          {t('notifications.channels.email')}
        </label>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-email`}>
            {t('notifications.channels.emailAddress')}
          </label>
          <input
            id={`${id}-email`}
            type="email"
            autoComplete="email"
            value={p.email ?? ''}
            onChange={(e) => set({ email: e.target.value })}
          />
        </div>
      </fieldset>
      <fieldset>
        <legend className="visually-hidden">{t('notifications.channels.webhook')}</legend>
        <label className="check">
          <input
            type="checkbox"
            checked={p.webhookEnabled}
            onChange={(e) => set({ webhookEnabled: e.target.checked })}
          />
          {t('notifications.channels.webhook')}
        </label>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-webhook`}>
            {t('notifications.channels.webhookUrl')}
          </label>
          <input
            id={`${id}-webhook`}
            type="url"
            inputMode="url"
            placeholder="https://"
            value={p.webhookUrl ?? ''}
            onChange={(e) => set({ webhookUrl: e.target.value })}
          />
          <p className="field__hint">{t('notifications.channels.webhookHint')}</p>
        </div>
      </fieldset>
      <button type="submit" className="button" disabled={save.isPending}>
        {t('notifications.channels.save')}
      </button>
      <FormError error={save.error} />
      {save.isSuccess && (
        <p className="form-saved" role="status">
          {t('notifications.channels.saved')}
        </p>
      )}
    </form>
  );
}
