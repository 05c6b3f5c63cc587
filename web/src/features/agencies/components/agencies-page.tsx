import { useCallback, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageTitle } from '../../../components/page-title.tsx';
import { ErrorMessage, Loading } from '../../../components/query-state.tsx';
import { useLocalized } from '../../../components/use-localized.ts';
import { useNumberFormat } from '../../../components/use-number.ts';
import { useSearchText } from '../../../components/use-search-text.ts';
import { type Agency, PROVINCIAL_KINDS, useAgencies } from '../api/get-agencies.ts';

function AgencyTable({ title, agencies, id }: { title: string; agencies: Agency[]; id: string }) {
  const { t } = useTranslation();
  const number = useNumberFormat();
  const { english, pick } = useLocalized();
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>
        {title} <span className="count">({number(agencies.length)})</span>
      </h2>
      {agencies.length === 0 ? (
        <p className="muted">{t('agencies.noneFound')}</p>
      ) : (
        <table className="data-table agency-table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('agencies.name')}</th>
              <th scope="col" className="wide-only">
                {t('agencies.kind')}
              </th>
              <th scope="col" className="num">
                {t('agencies.leadCount')}
              </th>
              <th scope="col" className="num">
                {t('agencies.partnerCount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {agencies.map((agency) => (
              <tr key={agency.code}>
                <th scope="row">
                  <Link to={`/agencies/${agency.code}`}>{pick(agency.nameVi, agency.nameEn)}</Link>
                  {english && agency.nameEn && (
                    <span className="muted agency-table__alt" lang="vi">
                      {agency.nameVi}
                    </span>
                  )}
                </th>
                <td className="wide-only">{t(`agencyKind.${agency.kind}`)}</td>
                <td className="num">{number(agency.leadCount)}</td>
                <td className="num">{number(agency.partnerCount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function AgenciesPage() {
  const { t } = useTranslation();
  const number = useNumberFormat();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const agencies = useAgencies(q ? { q } : {});
  const commitSearch = useCallback(
    (text: string) => setParams(text ? { q: text } : {}, { replace: true, preventScrollReset: true }),
    [setParams],
  );
  const [text, setText] = useSearchText(q, commitSearch);

  const items = agencies.data?.items ?? [];
  const central = items.filter((a) => !PROVINCIAL_KINDS.includes(a.kind));
  const provincial = items.filter((a) => PROVINCIAL_KINDS.includes(a.kind));

  return (
    <div className="page page--wide">
      <PageTitle title={t('agencies.title')} />
      <p className="lead">{t('agencies.intro')}</p>
      <search aria-label={t('agencies.search')}>
        <form className="filters filters--compact" onSubmit={(e) => e.preventDefault()}>
          <div className="field field--wide">
            <label htmlFor={`${id}-q`} className="field__label">
              {t('agencies.search')}
            </label>
            <input
              id={`${id}-q`}
              type="search"
              value={text}
              onChange={(e) => setText(e.target.value)}
              placeholder={t('agencies.searchPlaceholder')}
              aria-describedby={`${id}-hint`}
            />
            <p id={`${id}-hint`} className="field__hint">
              {t('agencies.searchHint')}
            </p>
          </div>
        </form>
      </search>
      <p className="results__count" role="status" aria-live="polite" aria-atomic="true">
        {agencies.data && t('agencies.resultCount', { count: items.length, n: number(items.length) })}
      </p>
      {agencies.isPending && <Loading />}
      {agencies.isError && <ErrorMessage error={agencies.error} onRetry={() => void agencies.refetch()} />}
      {agencies.data && (
        <div className="columns">
          <AgencyTable title={t('agencies.central')} agencies={central} id={`${id}-central`} />
          <AgencyTable title={t('agencies.provincial')} agencies={provincial} id={`${id}-provincial`} />
        </div>
      )}
    </div>
  );
}
