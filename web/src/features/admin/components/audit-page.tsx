import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { DateField } from '../../../components/date-field.tsx';
import { PageTitle } from '../../../components/page-title.tsx';
import { Pagination } from '../../../components/pagination.tsx';
import { ErrorMessage, Loading } from '../../../components/query-state.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { AUDIT_PAGE_SIZE, type AuditSearch, auditQuery, verifyAudit } from '../api/get-audit.ts';
import { auditSearchFromUrl, AUDIT_FILTERS as FILTERS } from '../audit-search.ts';
import '../admin.css';

/** The audit trail: who did what to which object, when; filters in the address; the hash chain check. */
export function AuditPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const search = auditSearchFromUrl(params);
  const events = useQuery({ ...auditQuery(search), placeholderData: keepPreviousData });
  const [draft, setDraft] = useState<AuditSearch>(search);
  const verify = useMutation({ mutationFn: verifyAudit });

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const key of FILTERS) {
      const value = draft[key]?.trim();
      if (value) next.set(key, value);
    }
    setParams(next);
  };
  const hrefFor = (page: number) => {
    const next = new URLSearchParams(params);
    if (page > 1) next.set('page', String(page));
    else next.delete('page');
    return `?${next.toString()}`;
  };

  return (
    <div className="page page--wide">
      <PageTitle title={t('admin.audit.title')} />
      <section className="card section" aria-labelledby="audit-verify">
        <h2 id="audit-verify">{t('admin.audit.verifyTitle')}</h2>
        <p>{t('admin.audit.verifyIntro')}</p>
        <button type="button" className="button" disabled={verify.isPending} onClick={() => verify.mutate()}>
          {t('admin.audit.verify')}
        </button>
        <div role="status" aria-live="polite">
          {verify.data?.ok && (
            <p className="notice notice--ok">{t('admin.audit.verifyOk', { count: verify.data.checked })}</p>
          )}
          {verify.data && !verify.data.ok && (
            <p className="notice notice--warn">
              {t('admin.audit.verifyBroken', {
                id: verify.data.brokenAt,
                reason: t(`admin.audit.reasons.${verify.data.reason ?? 'hash_mismatch'}`),
              })}
            </p>
          )}
          {verify.isError && <p className="field__error">{t('error.load')}</p>}
        </div>
      </section>
      <form className="filters" onSubmit={apply} aria-label={t('admin.audit.filters')}>
        {(['entityType', 'actor', 'action'] as const).map((key) => (
          <div className="field" key={key}>
            <label className="field__label" htmlFor={`audit-${key}`}>
              {t(`admin.audit.fields.${key}`)}
            </label>
            <input
              id={`audit-${key}`}
              value={draft[key] ?? ''}
              onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
            />
          </div>
        ))}
        <DateField
          label={t('admin.audit.fields.from')}
          value={draft.from ?? ''}
          onChange={(from) => setDraft({ ...draft, from })}
        />
        <DateField
          label={t('admin.audit.fields.to')}
          value={draft.to ?? ''}
          onChange={(to) => setDraft({ ...draft, to })}
        />
        <div className="field">
          <button type="submit" className="button">
            {t('admin.audit.apply')}
          </button>
        </div>
      </form>
      {events.isPending ? (
        <Loading />
      ) : events.isError ? (
        <ErrorMessage error={events.error} onRetry={() => void events.refetch()} />
      ) : (
        <div className="results" aria-busy={events.isFetching}>
          <p className="results__count" role="status">
            {t('admin.audit.count', { count: events.data.total })}
          </p>
          <div className="table-scroll">
            <table className="data-table audit-table">
              <thead>
                <tr>
                  <th scope="col">{t('admin.audit.columns.when')}</th>
                  <th scope="col">{t('admin.audit.columns.actor')}</th>
                  <th scope="col">{t('admin.audit.columns.action')}</th>
                  <th scope="col">{t('admin.audit.columns.entity')}</th>
                </tr>
              </thead>
              <tbody>
                {events.data.items.map((e) => (
                  <tr key={e.id}>
                    <td>{formatDateTime(e.occurredAt)}</td>
                    <td>{e.actorLabel}</td>
                    <td>
                      <code>{e.action}</code>
                    </td>
                    <td>
                      {e.entityType}
                      {e.entityId && ` #${e.entityId}`}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination
            page={events.data.page}
            pageCount={Math.max(1, Math.ceil(events.data.total / AUDIT_PAGE_SIZE))}
            hrefFor={hrefFor}
          />
        </div>
      )}
    </div>
  );
}
