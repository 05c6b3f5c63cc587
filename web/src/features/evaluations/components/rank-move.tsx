import { useTranslation } from 'react-i18next';
import type { RankChange } from '../api/get-evaluations.ts';
import { useEvalFormat } from './use-eval-format.ts';

/** Places gained or lost and the score change since the previous snapshot, said in words to screen readers. */
export function RankMove({ change, hasPrevious }: { change: RankChange | undefined; hasPrevious: boolean }) {
  const { t } = useTranslation();
  const f = useEvalFormat();
  if (!hasPrevious || !change) return <span className="muted">–</span>;
  if (change.previousRank === null || change.move === null) {
    return <span className="eval-move eval-move--new">{t('evaluation.moveNew')}</span>;
  }
  const delta = change.scoreDelta ?? 0;
  const moveText =
    change.move > 0
      ? t('evaluation.moveUp', { count: change.move })
      : change.move < 0
        ? t('evaluation.moveDown', { count: -change.move })
        : t('evaluation.moveSame');
  return (
    <span className="eval-move">
      <span
        className={`eval-move__rank eval-move__rank--${change.move > 0 ? 'up' : change.move < 0 ? 'down' : 'same'}`}
      >
        <span aria-hidden="true">{change.move > 0 ? '▲' : change.move < 0 ? '▼' : '='}</span>
        {change.move !== 0 && <span aria-hidden="true"> {f.number(Math.abs(change.move))}</span>}
        <span className="visually-hidden">{moveText}</span>
      </span>{' '}
      <span className="eval-move__delta">
        {t('evaluation.scoreDelta', { delta: delta === 0 ? '±0' : f.signed(delta) })}
      </span>
    </span>
  );
}
