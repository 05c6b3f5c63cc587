import { useCallback, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageTitle } from '../../../components/page-title.tsx';
import { ErrorMessage, Loading } from '../../../components/query-state.tsx';
import { useLocalized } from '../../../components/use-localized.ts';
import { useNumberFormat } from '../../../components/use-number.ts';
import { useSearchText } from '../../../components/use-search-text.ts';
import { foldText } from '../../../lib/text.ts';
import { type Target, useTargets } from '../api/get-targets.ts';
import { TARGET_YEARS, targetSearchFromUrl } from '../target-search.ts';
import { TargetValue } from './target-value.tsx';

interface IndicatorGroup {
  key: string;
  no: number | null;
  title: string;
  targets: Target[];
}

function byIndicatorGroup(targets: Target[]): IndicatorGroup[] {
  const groups = new Map<string, IndicatorGroup>();
  for (const target of targets) {
    const key = target.indicatorGroup ? String(target.indicatorGroup.no) : 'none';
    let group = groups.get(key);
    if (!group) {
      group = {
        key,
        no: target.indicatorGroup?.no ?? null,
        title: target.indicatorGroup?.titleVi ?? '',
        targets: [],
      };
      groups.set(key, group);
    }
    group.targets.push(target);
  }
  return [...groups.values()].sort((a, b) => (a.no ?? 999) - (b.no ?? 999));
}

export function TargetsPage() {
  const { t } = useTranslation();
  const { english, pick } = useLocalized();
  const number = useNumberFormat();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const search = targetSearchFromUrl(params);
  const targets = useTargets(search);
  const setParam = useCallback(
    (key: 'q' | 'year', value: string, replace: boolean) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (value) next.set(key, value);
          else next.delete(key);
          return next;
        },
        { replace, preventScrollReset: true },
      ),
    [setParams],
  );
  const commitSearch = useCallback((q: string) => setParam('q', q, true), [setParam]);
  const [text, setText] = useSearchText(search.q ?? '', commitSearch);
  const setYear = (year: string) => setParam('year', year, false);

  const groups = byIndicatorGroup(targets.data?.items ?? []);
  const agencyName = (target: Target) => {
    const agency = target.monitoringAgency;
    if (!agency) return null;
    const name = agency.nameVi ? pick(agency.nameVi, agency.nameEn) : (agency.asWritten ?? '');
    const differs =
      agency.asWritten && agency.nameVi && foldText(agency.asWritten) !== foldText(agency.nameVi);
    return differs ? `${name} (${t('agency.asWritten', { name: agency.asWritten })})` : name;
  };

  return (
    <div className="page page--wide">
      <PageTitle title={t('targets.title')} />
      <p className="lead">{t('targets.intro')}</p>
      <search aria-label={t('targets.filtersLabel')}>
        <form className="filters filters--compact" onSubmit={(e) => e.preventDefault()}>
          <div className="field field--wide">
            <label htmlFor={`${id}-q`} className="field__label">
              {t('targets.search')}
            </label>
            <input
              id={`${id}-q`}
              type="search"
              value={text}
              onChange={(e) => setText(e.target.value)}
              placeholder={t('targets.searchPlaceholder')}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-year`} className="field__label">
              {t('targets.year')}
            </label>
            <select
              id={`${id}-year`}
              value={search.year ? String(search.year) : ''}
              onChange={(e) => setYear(e.target.value)}
            >
              <option value="">{t('targets.anyYear')}</option>
              {TARGET_YEARS.map((year) => (
                <option key={year} value={year}>
                  {year}
                </option>
              ))}
            </select>
          </div>
        </form>
      </search>
      <p className="results__count" role="status" aria-live="polite" aria-atomic="true">
        {targets.data &&
          t('targets.resultCount', {
            count: targets.data.total,
            n: number(targets.data.total),
            groups: number(groups.length),
          })}
      </p>
      {targets.isPending && <Loading />}
      {targets.isError && <ErrorMessage error={targets.error} onRetry={() => void targets.refetch()} />}
      {groups.map((group) => (
        <section key={group.key} className="card indicator-group" aria-labelledby={`${id}-g${group.key}`}>
          <h2 id={`${id}-g${group.key}`}>
            {group.no !== null
              ? t('targets.indicatorGroup', { no: group.no })
              : t('targets.noIndicatorGroup')}
            {group.title && <span className="indicator-group__title">{group.title}</span>}
          </h2>
          <ul className="target-list">
            {group.targets.map((target) => (
              <li key={target.id} className="target">
                <p className="target__text" lang="vi">
                  <span className="tag tag--code">{target.code}</span> {target.textVi}
                </p>
                {english && target.textEn && (
                  <p className="target__gloss" lang="en">
                    {target.textEn}
                  </p>
                )}
                <dl className="target__facts">
                  <div>
                    <dt>{t('targets.value')}</dt>
                    <dd>
                      <TargetValue target={target} />
                    </dd>
                  </div>
                  {target.unit && (
                    <div>
                      <dt>{t('targets.unit')}</dt>
                      <dd>{target.unit}</dd>
                    </div>
                  )}
                  <div>
                    <dt>{t('targets.year')}</dt>
                    <dd>{target.targetYear ?? <span className="muted">{t('targets.noYear')}</span>}</dd>
                  </div>
                  <div>
                    <dt>{t('targets.monitoringAgency')}</dt>
                    <dd>{agencyName(target) ?? <span className="muted">{t('common.notStated')}</span>}</dd>
                  </div>
                </dl>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
