import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FIVE_R_PARTS, type FiveRPart } from '../api/register-tasks.ts';
import { checkFiveR, type FiveRFacts, missingOf } from '../five-r-live.ts';

/**
 * The 5 rõ checklist: each part present or missing, and for a missing part exactly what to give.
 * In the editor it follows the form as it is typed; `details` shows what the task states per part.
 */
export function FiveRChecklist({
  facts,
  details,
}: {
  facts: FiveRFacts;
  details?: Partial<Record<FiveRPart, ReactNode>>;
}) {
  const { t } = useTranslation();
  const check = checkFiveR(facts);
  const missing = missingOf(check);
  const problem = (part: FiveRPart) =>
    part === 'responsibility' && facts.leadCount > 1
      ? t('register.checklist.problem.severalLeads', { count: facts.leadCount })
      : t(`register.checklist.problem.${part}`);
  return (
    <section className="card register-checklist" aria-labelledby="register-checklist-title">
      <h2 id="register-checklist-title">{t('register.checklist.title')}</h2>
      <p
        className={missing.length ? 'notice notice--warn' : 'notice notice--ok'}
        aria-live="polite"
        data-testid="five-r-summary"
      >
        {missing.length
          ? t('fiveR.summaryMissing', {
              count: missing.length,
              parts: missing.map((part) => t(`fiveR.${part}.title`)).join(', '),
            })
          : t('register.checklist.complete')}
      </p>
      <ol className="register-checklist__list">
        {FIVE_R_PARTS.map((part) => (
          <li
            key={part}
            className={`register-checklist__item register-checklist__item--${check[part] ? 'ok' : 'missing'}`}
            data-part={part}
          >
            <span className="register-checklist__mark" aria-hidden="true">
              {check[part] ? '✓' : '!'}
            </span>
            <div>
              <strong>{t(`fiveR.${part}.title`)}</strong>{' '}
              <span className={`badge ${check[part] ? 'badge--ok' : 'badge--warn'}`}>
                {check[part] ? t('fiveR.present') : t('fiveR.missing')}
              </span>
              {!check[part] && <p className="register-checklist__problem">{problem(part)}</p>}
              {details?.[part] && <div className="register-checklist__facts">{details[part]}</div>}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
