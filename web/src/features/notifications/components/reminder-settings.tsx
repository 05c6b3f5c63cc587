import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../components/form-error.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import {
  type ReminderSettings as Settings,
  useReminderSettings,
  useRunReminders,
  useSaveReminderSettings,
} from '../api/notifications.ts';
import '../notifications.css';

/**
 * The coordinator's reminder settings (reminders.configure): working days before a deadline to remind,
 * working days overdue before escalating to the head, and sending today's reminders now.
 */
export function ReminderSettingsSection() {
  const { t } = useTranslation();
  const id = useId();
  const settings = useReminderSettings(true);
  return (
    <section className="section card reminder-settings" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('notifications.reminders.title')}</h2>
      <p>{t('notifications.reminders.intro')}</p>
      <QueryState query={settings}>{(s) => <SettingsForm initial={s} />}</QueryState>
      <RunNow />
    </section>
  );
}

const parseDays = (text: string) =>
  text
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map(Number);

function SettingsForm({ initial }: { initial: Settings }) {
  const { t } = useTranslation();
  const id = useId();
  const [days, setDays] = useState(initial.daysBefore.join(', '));
  const [escalate, setEscalate] = useState(String(initial.escalateAfterDays));
  const save = useSaveReminderSettings();
  return (
    <form
      aria-label={t('notifications.reminders.title')}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(
          { daysBefore: parseDays(days), escalateAfterDays: Number(escalate) },
          { onSuccess: (saved) => setDays(saved.daysBefore.join(', ')) },
        );
      }}
    >
      <div className="field">
        <label className="field__label" htmlFor={`${id}-days`}>
          {t('notifications.reminders.daysBefore')}
        </label>
        <input
          id={`${id}-days`}
          type="text"
          inputMode="numeric"
          value={days}
          onChange={(e) => {
            save.reset();
            setDays(e.target.value);
          }}
        />
        <p className="field__hint">{t('notifications.reminders.daysBeforeHint')}</p>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-escalate`}>
          {t('notifications.reminders.escalateAfter')}
        </label>
        <input
          id={`${id}-escalate`}
          type="number"
          min={0}
          max={60}
          value={escalate}
          onChange={(e) => {
            save.reset();
            setEscalate(e.target.value);
          }}
        />
      </div>
      <div className="reminder-settings__actions">
        <button type="submit" className="button" disabled={save.isPending}>
          {t('notifications.reminders.save')}
        </button>
      </div>
      <FormError error={save.error} />
      {save.isSuccess && (
        <p className="form-saved" role="status">
          {t('notifications.reminders.saved')}
        </p>
      )}
    </form>
  );
}

function RunNow() {
  const { t } = useTranslation();
  const run = useRunReminders();
  return (
    <div className="reminder-settings__actions">
      <button
        type="button"
        className="button button--secondary"
        disabled={run.isPending}
        onClick={() => run.mutate()}
      >
        {t('notifications.reminders.runNow')}
      </button>
      <FormError error={run.error} />
      {run.data && (
        <p className="form-saved" role="status" data-testid="reminder-run">
          {t('notifications.reminders.ran', { ...run.data })}
        </p>
      )}
    </div>
  );
}
