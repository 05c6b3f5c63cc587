import { useTranslation } from 'react-i18next';
import { useNumberFormat } from '../../../components/use-number.ts';
import type { TargetObservation } from '../../targets/api/get-target.ts';
import { periodLabel } from '../../targets/chart-data.ts';
import type { ValueStatus } from '../api/target-values.ts';

/** A value's period, with its breakdown when it has one ("2026 · province=01"). */
export function PeriodCell({
  value,
}: {
  value: Pick<TargetObservation, 'year' | 'period' | 'disaggregation'>;
}) {
  const { t } = useTranslation();
  return (
    <>
      {periodLabel(value)}
      <br />
      <span className="muted">
        {value.disaggregation
          ? `${value.disaggregation.key}=${value.disaggregation.value}`
          : t('targetAdmin.national')}
      </span>
    </>
  );
}

/** The number with its unit, or the assessed class of a qualitative target. */
export function MeasuredValue({
  value,
}: {
  value: Pick<TargetObservation, 'value' | 'unit' | 'assessedClass'>;
}) {
  const { t } = useTranslation();
  const number = useNumberFormat();
  if (value.value !== null) return <>{`${number(value.value)}${value.unit ? ` ${value.unit}` : ''}`}</>;
  if (value.assessedClass) return <>{t(`progressStatus.${value.assessedClass}`)}</>;
  return <>—</>;
}

/** A value's review state in words, coloured by what it asks of the reader. */
export function ValueStatusBadge({ status }: { status: ValueStatus }) {
  const { t } = useTranslation();
  const tone = status === 'accepted' ? ' badge--ok' : status === 'returned' ? ' badge--warn' : '';
  return (
    <span className={`badge value-status value-status--${status}${tone}`} data-status={status}>
      {t(`targetAdmin.status.${status}`)}
    </span>
  );
}
