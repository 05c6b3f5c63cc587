import { useTranslation } from 'react-i18next';
import { useNumberFormat } from '../../../components/use-number.ts';

export const HOW_PROGRESS_ID = 'how-progress';

/** "How is progress classed?": the method in plain words, the same on every page that shows a class. */
export function HowProgressIsClassed() {
  const { t } = useTranslation();
  const n = useNumberFormat();
  return (
    <section className="card how-progress" id={HOW_PROGRESS_ID} aria-labelledby={`${HOW_PROGRESS_ID}-title`}>
      <h2 id={`${HOW_PROGRESS_ID}-title`}>{t('howProgress.title')}</h2>
      <p>{t('howProgress.method')}</p>
      <ol>
        <li>{t('howProgress.observed')}</li>
        <li>{t('howProgress.needed')}</li>
        <li>{t('howProgress.ratio')}</li>
      </ol>
      <table className="data-table how-progress__table">
        <caption>{t('howProgress.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('howProgress.condition')}</th>
            <th scope="col">{t('howProgress.class')}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>{t('howProgress.conditionMet')}</td>
            <td>{t('progressStatus.target_achieved')}</td>
          </tr>
          <tr>
            <td>R ≥ {n(0.95)}</td>
            <td>{t('progressStatus.substantial_progress')}</td>
          </tr>
          <tr>
            <td>
              {n(0.6)} ≤ R &lt; {n(0.95)}
            </td>
            <td>{t('progressStatus.moderate_progress')}</td>
          </tr>
          <tr>
            <td>
              {n(0)} ≤ R &lt; {n(0.6)}
            </td>
            <td>{t('progressStatus.limited_progress')}</td>
          </tr>
          <tr>
            <td>R &lt; 0</td>
            <td>{t('progressStatus.deterioration')}</td>
          </tr>
        </tbody>
      </table>
      <p>{t('howProgress.accepted')}</p>
      <p>{t('howProgress.qualitative')}</p>
      <p>{t('howProgress.insufficient')}</p>
    </section>
  );
}
