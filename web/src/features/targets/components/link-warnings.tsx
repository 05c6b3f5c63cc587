import { useTranslation } from 'react-i18next';
import type { LinkWarning } from '../api/get-target-links.ts';

/** Where tasks and the target they serve disagree, in words (rules: docs/targets-progress.md). */
export function LinkWarnings({ warnings }: { warnings: LinkWarning[] }) {
  const { t } = useTranslation();
  if (warnings.length === 0) return null;
  return (
    <ul className="link-warnings">
      {warnings.map((w) => (
        <li key={`${w.kind}-${w.targetCode}`} className="notice notice--warn link-warning" data-kind={w.kind}>
          <strong>{t(`targetPage.links.warning.${w.kind}.title`)}</strong>{' '}
          {t(`targetPage.links.warning.${w.kind}.body`, {
            target: w.targetCode,
            status: t(`progressStatus.${w.progressStatus}`),
            tasks: w.taskCodes.join(', '),
          })}
        </li>
      ))}
    </ul>
  );
}
