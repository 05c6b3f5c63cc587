import { useTranslation } from 'react-i18next';
import { useNumberFormat } from '../../../components/use-number.ts';
import type { Target } from '../api/get-targets.ts';

const SYMBOLS: Record<string, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<' };
/** i18n keys for comparisons; the API's symbols are not usable as keys. */
const COMPARISON_KEYS: Record<Target['comparison'], string> = {
  '>=': 'atLeast',
  '>': 'moreThan',
  '<=': 'atMost',
  '<': 'lessThan',
  'rank<=': 'rankAtMost',
  range: 'range',
  qualitative: 'qualitative',
  qualitative_rank: 'qualitativeRank',
};

/** A target's value as its comparison reads: "≥ 30 %", "hạng ≤ 3", "40–50", or the qualitative text. */
export function TargetValue({ target }: { target: Target }) {
  const { t } = useTranslation();
  const number = useNumberFormat();
  const unit = target.unit ? ` ${target.unit}` : '';
  const value = target.targetValue === null ? target.targetValueText : number(target.targetValue);
  let text: string;
  switch (target.comparison) {
    case 'range':
      text =
        target.targetValue !== null && target.targetValueMax !== null
          ? `${number(target.targetValue)}–${number(target.targetValueMax)}${unit}`
          : `${target.targetValueText}${unit}`;
      break;
    case 'rank<=':
      text = t('targets.rankAtMost', { value });
      break;
    case 'qualitative':
    case 'qualitative_rank':
      text = target.targetValueText;
      break;
    default:
      text = `${SYMBOLS[target.comparison] ?? target.comparison} ${value}${unit}`;
  }
  return (
    <span className="target-value">
      <span className="target-value__text">{text}</span>
      <span className="tag">{t(`comparison.${COMPARISON_KEYS[target.comparison]}`)}</span>
      {target.comparisonInferred && (
        <span className="badge badge--warn" title={t('targets.inferredHint')}>
          {t('targets.inferred')}
        </span>
      )}
    </span>
  );
}
