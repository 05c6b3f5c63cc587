import { useTranslation } from 'react-i18next';
import type { ProgressStatus } from '../api/get-targets.ts';

/** A target's progress class as a coloured badge; the colour repeats the words, never replaces them. */
export function ProgressBadge({ status }: { status: ProgressStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge progress-badge progress-badge--${status}`} data-status={status}>
      {t(`progressStatus.${status}`)}
    </span>
  );
}
