import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '../../../components/use-localized.ts';
import { type Method, useMethod, WEIGHT_CRITERIA } from '../api/get-evaluations.ts';
import { useEvalFormat } from './use-eval-format.ts';

/** "How is this score computed?": the method version the snapshot used, its weights, penalty and formula. */
export function MethodSection({ method }: { method: Method }) {
  const { t } = useTranslation();
  const { pick } = useLocalized();
  const f = useEvalFormat();
  const id = useId();
  // The snapshot carries the weights it was computed with; the method endpoint adds its note.
  const detail = useMethod(method.id);
  const weightSum = WEIGHT_CRITERIA.reduce((s, k) => s + method.weights[k], 0);
  return (
    <section className="section card eval-method" id="method" aria-labelledby={id}>
      <h2 id={id}>{t('evaluation.howTitle')}</h2>
      <p>
        {t('evaluation.methodUsed', {
          name: pick(method.nameVi, method.nameEn),
          version: method.version,
        })}
      </p>
      {detail.data?.note && (
        <p className="muted">
          {t('evaluation.methodNote')} <span lang="vi">{detail.data.note}</span>
        </p>
      )}
      <table className="data-table eval-weights">
        <caption>{t('evaluation.weightsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('evaluation.criterion')}</th>
            <th scope="col">{t('evaluation.ratioCol')}</th>
            <th scope="col" className="num">
              {t('evaluation.weight')}
            </th>
          </tr>
        </thead>
        <tbody>
          {WEIGHT_CRITERIA.map((c) => (
            <tr key={c}>
              <th scope="row">{t(`evaluation.criteria.${c}`)}</th>
              <td>{t(`evaluation.ratios.${c}`)}</td>
              <td className="num">{f.number(method.weights[c])}</td>
            </tr>
          ))}
          <tr className="eval-weights__penalty">
            <th scope="row">{t('evaluation.criteria.overdue')}</th>
            <td>{t('evaluation.ratios.overdue')}</td>
            <td className="num">−{f.number(method.penalties.overdue)}</td>
          </tr>
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              {t('evaluation.weightSum')}
            </th>
            <td className="num">{f.number(weightSum)}</td>
          </tr>
        </tfoot>
      </table>
      <h3>{t('evaluation.formulaTitle')}</h3>
      <p className="eval-formula">{t('evaluation.formula')}</p>
      <ul className="eval-rules">
        <li>{t('evaluation.rulePartner', { share: f.number(method.partnerShare) })}</li>
        <li>{t('evaluation.ruleDue')}</li>
        <li>{t('evaluation.ruleApplies')}</li>
        <li>{t('evaluation.ruleUnranked')}</li>
        <li>{t('evaluation.ruleTies')}</li>
        <li>{t('evaluation.ruleLateness')}</li>
      </ul>
      <p className="muted">{t('evaluation.methodDocs')}</p>
    </section>
  );
}
