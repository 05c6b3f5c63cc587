import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormError } from '../../../components/form-error.tsx';
import { PageTitle } from '../../../components/page-title.tsx';
import { ErrorMessage, Loading } from '../../../components/query-state.tsx';
import { useNumberFormat } from '../../../components/use-number.ts';
import { formatNumber } from '../../../lib/format.ts';
import { foldText } from '../../../lib/text.ts';
import {
  ITEM_LINK_STATUSES,
  type ItemLink,
  type ItemLinkStatus,
  useDecideLink,
  useItemLinks,
  useSuggestLinks,
} from '../api/item-links.ts';
import { formatVietnamTime } from '../vietnam-time.ts';
import '../register.css';

/** Items shown at once; "show more" adds as many again. */
const PAGE = 20;

/**
 * /register/links: which tasks carry out each section II item. The server suggests links by text
 * similarity (TF-IDF); nothing is asserted until the coordinator confirms it, and a rejected link
 * stays rejected when suggestions are computed again.
 */
export function ItemLinksPage() {
  const { t, i18n } = useTranslation();
  const number = useNumberFormat();
  const id = useId();
  const links = useItemLinks();
  const suggest = useSuggestLinks();
  const decide = useDecideLink();
  const [status, setStatus] = useState<ItemLinkStatus | ''>('suggested');
  const [q, setQ] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const [message, setMessage] = useState('');

  const all = links.data?.links ?? [];
  const counts = useMemo(
    () => Object.fromEntries(ITEM_LINK_STATUSES.map((s) => [s, all.filter((l) => l.status === s).length])),
    [all],
  );
  const byItem = useMemo(() => {
    const words = foldText(q).split(' ').filter(Boolean);
    const groups = new Map<string, ItemLink[]>();
    for (const link of all) {
      if (status && link.status !== status) continue;
      const text = foldText(`${link.itemCode} ${link.itemText} ${link.taskCode} ${link.taskContent}`);
      if (!words.every((w) => text.includes(w))) continue;
      groups.set(link.itemCode, [...(groups.get(link.itemCode) ?? []), link]);
    }
    for (const list of groups.values()) list.sort((a, b) => b.score - a.score);
    return [...groups.entries()];
  }, [all, status, q]);
  const shown = byItem.slice(0, limit);

  const act = (link: ItemLink, next: ItemLinkStatus) =>
    decide.mutate(
      { id: link.id, status: next },
      {
        onSuccess: () =>
          setMessage(t(`register.links.done.${next}`, { item: link.itemCode, task: link.taskCode })),
      },
    );

  return (
    <div className="page page--wide register-links">
      <p className="breadcrumb">
        <Link to="/register">{t('register.title')}</Link> <span aria-hidden="true">›</span>{' '}
        {t('register.links.title')}
      </p>
      <PageTitle title={t('register.links.title')} />
      <p className="lead">{t('register.links.intro')}</p>

      <section className="card" aria-labelledby={`${id}-suggest`}>
        <h2 id={`${id}-suggest`}>{t('register.links.suggestTitle')}</h2>
        <p className="muted">{t('register.links.suggestIntro')}</p>
        <button
          type="button"
          className="button"
          disabled={suggest.isPending}
          onClick={() => suggest.mutate(undefined, { onSuccess: () => setStatus('suggested') })}
        >
          {suggest.isPending ? t('register.links.suggesting') : t('register.links.suggest')}
        </button>
        <FormError error={suggest.error} />
        {suggest.data && (
          <p className="notice notice--ok" role="status">
            {t('register.links.suggested', {
              added: number(suggest.data.added),
              rescored: number(suggest.data.rescored),
              withdrawn: number(suggest.data.withdrawn),
              kept: number(suggest.data.keptDecisions),
            })}
          </p>
        )}
      </section>

      <div className="filters filters--compact">
        <div className="field">
          <label htmlFor={`${id}-q`} className="field__label">
            {t('register.links.search')}
          </label>
          <input
            id={`${id}-q`}
            type="search"
            value={q}
            placeholder={t('register.filters.searchPlaceholder')}
            onChange={(e) => {
              setQ(e.target.value);
              setLimit(PAGE);
            }}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-status`} className="field__label">
            {t('register.links.show')}
          </label>
          <select
            id={`${id}-status`}
            value={status}
            onChange={(e) => {
              setStatus(e.target.value as ItemLinkStatus | '');
              setLimit(PAGE);
            }}
          >
            {ITEM_LINK_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`register.links.status.${s}`)} ({number(counts[s] ?? 0)})
              </option>
            ))}
            <option value="">
              {t('register.links.all')} ({number(all.length)})
            </option>
          </select>
        </div>
      </div>
      <p role="status" className="results__count">
        {message ||
          (links.data && byItem.length > 0
            ? t('register.links.count', { shown: number(shown.length), total: number(byItem.length) })
            : '')}
      </p>
      <FormError error={decide.error} />

      {links.isPending && <Loading />}
      {links.isError && <ErrorMessage error={links.error} onRetry={() => void links.refetch()} />}
      {links.data && byItem.length === 0 && (
        <p className="empty-state">
          {all.length === 0 ? t('register.links.noneYet') : t('register.links.noneHere')}
        </p>
      )}
      <ol className="register-links__items">
        {shown.map(([itemCode, itemLinks]) => (
          <li key={itemCode} className="card register-links__item">
            <h2 className="register-links__item-title">
              <span className="tag tag--code">{itemCode}</span>{' '}
              <span className="register-clamp" lang="vi">
                {itemLinks[0]?.itemText}
              </span>
            </h2>
            <ul className="register-links__tasks">
              {itemLinks.map((link) => (
                <li key={link.id} className="register-links__task" data-link={link.id}>
                  <div>
                    <Link to={`/register/tasks/${link.taskId}`} className="tag tag--code">
                      {t('register.links.task', { code: link.taskCode })}
                    </Link>{' '}
                    <span className="register-clamp" lang="vi">
                      {link.taskContent}
                    </span>
                  </div>
                  <div className="register-links__meta">
                    <span>
                      {t('register.links.score', {
                        score: formatNumber(link.score, i18n.resolvedLanguage ?? 'vi'),
                      })}
                    </span>
                    <span className={`badge register-link--${link.status}`}>
                      {t(`register.links.status.${link.status}`)}
                    </span>
                    {link.decidedBy && link.decidedAt && (
                      <span className="muted">
                        {t('register.links.decided', {
                          by: link.decidedBy,
                          at: formatVietnamTime(link.decidedAt),
                        })}
                      </span>
                    )}
                  </div>
                  <div className="register-links__buttons">
                    {link.status === 'suggested' ? (
                      <>
                        <button
                          type="button"
                          className="button"
                          disabled={decide.isPending}
                          aria-label={t('register.links.confirmLabel', {
                            item: itemCode,
                            task: link.taskCode,
                          })}
                          onClick={() => act(link, 'confirmed')}
                        >
                          {t('register.links.confirm')}
                        </button>
                        <button
                          type="button"
                          className="button button--secondary"
                          disabled={decide.isPending}
                          aria-label={t('register.links.rejectLabel', {
                            item: itemCode,
                            task: link.taskCode,
                          })}
                          onClick={() => act(link, 'rejected')}
                        >
                          {t('register.links.reject')}
                        </button>
                      </>
                    ) : (
                      <button
                        type="button"
                        className="button button--secondary"
                        disabled={decide.isPending}
                        aria-label={t('register.links.reopenLabel', { item: itemCode, task: link.taskCode })}
                        onClick={() => act(link, 'suggested')}
                      >
                        {t('register.links.reopen')}
                      </button>
                    )}
                  </div>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
      {byItem.length > limit && (
        <button type="button" className="button button--secondary" onClick={() => setLimit(limit + PAGE)}>
          {t('register.links.more', { count: Math.min(PAGE, byItem.length - limit) })}
        </button>
      )}
    </div>
  );
}
