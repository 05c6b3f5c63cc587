import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocalized } from '../../../components/use-localized.ts';
import { useTaskTargets } from '../api/get-target-links.ts';
import { LinkWarnings } from './link-warnings.tsx';
import { ProgressBadge } from './progress-badge.tsx';
import { TargetValue } from './target-value.tsx';
import '../targets.css';

/** On a task's page: the targets it serves, each with its progress class, and any warning. */
export function TaskTargets({ taskId }: { taskId: number }) {
  const { t } = useTranslation();
  const { pick } = useLocalized();
  const id = useId();
  const links = useTaskTargets(taskId);
  if (links.isPending || links.isError) return null;
  const { targets, warnings } = links.data;
  return (
    <section className="card target-links" aria-labelledby={`${id}-targets`}>
      <h2 id={`${id}-targets`}>{t('targetPage.links.targetsTitle')}</h2>
      <LinkWarnings warnings={warnings} />
      {targets.length === 0 ? (
        <p className="muted links-empty">{t('targetPage.links.noTargets')}</p>
      ) : (
        <ul className="linked-list">
          {targets.map((target) => (
            <li key={target.code} className="linked-list__item" data-target-code={target.code}>
              <div className="linked-list__head">
                <Link className="tag tag--code" to={`/targets/${encodeURIComponent(target.code)}`}>
                  {target.code}
                </Link>
                <ProgressBadge status={target.progressStatus} />
              </div>
              <p className="linked-list__text">{pick(target.textVi, target.textEn)}</p>
              <p className="muted">
                <TargetValue target={target} />
                {target.targetYear ? ` · ${target.targetYear}` : ''}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
