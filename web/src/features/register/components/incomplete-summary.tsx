import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/query-state.tsx';
import { useNumberFormat } from '../../../components/use-number.ts';
import { useIncompleteByAgency } from '../api/register-tasks.ts';
import { useRefLabel } from './use-agency-label.ts';

const SHOWN = 6;

/**
 * Per lead agency, how many of its tasks still lack a 5 rõ part (GET /register/incomplete-by-agency).
 * Each agency opens the register filtered to its incomplete tasks.
 */
export function IncompleteSummary({ onPick }: { onPick: (lead: string) => void }) {
  const { t } = useTranslation();
  const number = useNumberFormat();
  const summary = useIncompleteByAgency();
  const refLabel = useRefLabel();
  const [all, setAll] = useState(false);
  // Folded on a phone, where the table matters more; open on wider screens.
  const [openAtFirst] = useState(() => window.matchMedia('(min-width: 48rem)').matches);
  if (summary.isError) return <ErrorMessage error={summary.error} onRetry={() => void summary.refetch()} />;
  const items = (summary.data?.items ?? []).filter((a) => a.incomplete > 0);
  const total = items.reduce((n, a) => n + a.incomplete, 0);
  const shown = all ? items : items.slice(0, SHOWN);
  return (
    <section className="card register-summary" aria-labelledby="register-summary-title">
      <h2 id="register-summary-title">{t('register.summary.title')}</h2>
      {summary.isPending ? null : items.length === 0 ? (
        <p className="notice notice--ok">{t('register.summary.none')}</p>
      ) : (
        <>
          <p>{t('register.summary.intro', { count: total, total: number(total) })}</p>
          <details open={openAtFirst}>
            <summary>{t('register.summary.byAgency', { count: items.length })}</summary>
            <ul className="register-summary__list">
              {shown.map((a) => (
                <li key={a.lead}>
                  {a.lead === '(none)' ? (
                    <span>{t('register.summary.noLead')}</span>
                  ) : (
                    <button type="button" className="link-button" onClick={() => onPick(a.lead)}>
                      {refLabel(a.lead) === a.lead ? (a.nameVi ?? a.lead) : refLabel(a.lead)}
                    </button>
                  )}{' '}
                  <span className="register-summary__count">
                    {t('register.summary.count', {
                      incomplete: number(a.incomplete),
                      tasks: number(a.tasks),
                    })}
                  </span>
                </li>
              ))}
            </ul>
            {items.length > SHOWN && (
              <button type="button" className="link-button" aria-expanded={all} onClick={() => setAll(!all)}>
                {all ? t('register.summary.fewer') : t('register.summary.all', { count: items.length })}
              </button>
            )}
          </details>
        </>
      )}
    </section>
  );
}
