import { useCallback, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageTitle } from '../../../components/page-title.tsx';
import { ErrorMessage, Loading } from '../../../components/query-state.tsx';
import { useLocalized } from '../../../components/use-localized.ts';
import { useNumberFormat } from '../../../components/use-number.ts';
import { useSearchText } from '../../../components/use-search-text.ts';
import { PROGRESS_STATUSES, type ProgressStatus, type Target, useTargets } from '../api/get-targets.ts';
import { statusFromUrl, TARGET_YEARS, targetSearchFromUrl } from '../target-search.ts';
import { useAgencyName } from './agency-name.ts';
import { HowProgressIsClassed } from './how-progress.tsx';
import { ProgressBadge } from './progress-badge.tsx';
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
  const { english } = useLocalized();
  const number = useNumberFormat();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const search = targetSearchFromUrl(params);
  const targets = useTargets(search);
  const setParam = useCallback(
    (key: 'q' | 'year' | 'status', value: string, replace: boolean) =>
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

  const status = statusFromUrl(params);
  const setStatus = (value: ProgressStatus | null) => setParam('status', value ?? '', false);
  const all = targets.data?.items ?? [];
  const counts = countByStatus(all);
  const shown = status ? all.filter((target) => target.progressStatus === status) : all;
  const groups = byIndicatorGroup(shown);
  const agencyName = useAgencyName();

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
      {targets.data && (
        <section className="card status-summary" aria-labelledby={`${id}-status`}>
          <h2 id={`${id}-status`}>{t('targets.byStatus')}</h2>
          <ul className="status-summary__list">
            <li>
              <button
                type="button"
                className="status-filter"
                aria-pressed={status === null}
                onClick={() => setStatus(null)}
              >
                {t('targets.allStatuses')} <span className="count">{number(all.length)}</span>
              </button>
            </li>
            {PROGRESS_STATUSES.map((s) => (
              <li key={s}>
                <button
                  type="button"
                  className={`status-filter status-filter--${s}`}
                  aria-pressed={status === s}
                  disabled={counts[s] === 0 && status !== s}
                  onClick={() => setStatus(status === s ? null : s)}
                >
                  <ProgressBadge status={s} /> <span className="count">{number(counts[s])}</span>
                </button>
              </li>
            ))}
          </ul>
          <p className="downloads">
            {t('targets.download')}{' '}
            <a href="/api/public/targets.csv" download>
              CSV
            </a>{' '}
            ·{' '}
            <a href="/api/public/targets.json" download>
              JSON
            </a>{' '}
            <span className="muted">{t('targets.downloadNote')}</span>
          </p>
        </section>
      )}
      <p className="results__count" role="status" aria-live="polite" aria-atomic="true">
        {targets.data &&
          t(status ? 'targets.resultCountStatus' : 'targets.resultCount', {
            count: shown.length,
            n: number(shown.length),
            groups: number(groups.length),
            status: status ? t(`progressStatus.${status}`) : '',
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
                  <Link to={`/targets/${encodeURIComponent(target.code)}`} className="target__link">
                    <span className="tag tag--code">{target.code}</span> {target.textVi}
                  </Link>{' '}
                  <ProgressBadge status={target.progressStatus} />
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
      <HowProgressIsClassed />
    </div>
  );
}

function countByStatus(targets: Target[]): Record<ProgressStatus, number> {
  const counts = Object.fromEntries(PROGRESS_STATUSES.map((s) => [s, 0])) as Record<ProgressStatus, number>;
  for (const target of targets) counts[target.progressStatus] += 1;
  return counts;
}
