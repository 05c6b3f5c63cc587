import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageTitle } from '../../../components/page-title.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { useLocalized } from '../../../components/use-localized.ts';
import { formatDate } from '../../../lib/format.ts';
import { useMethod } from '../api/get-evaluations.ts';
import '../evaluations.css';
import { MethodSection } from './method-section.tsx';

/** One scoring method version on its own public page: "how is this score computed?" for any screen. */
export function MethodPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { pick } = useLocalized();
  const method = useMethod(Number(id));
  return (
    <QueryState query={method}>
      {(m) => (
        <div className="page">
          <p className="breadcrumb">
            <Link to="/evaluations">{t('evaluation.listTitle')}</Link>
          </p>
          <PageTitle
            title={t('evaluation.methodPage.title', { name: pick(m.nameVi, m.nameEn), version: m.version })}
          />
          <p className="muted">
            {t('evaluation.methodPage.created', { date: formatDate(m.createdAt), code: m.code })}
          </p>
          <MethodSection method={m} />
        </div>
      )}
    </QueryState>
  );
}
