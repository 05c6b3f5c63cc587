import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../lib/format.ts';
import type { LineageEvent } from '../api/orgs.ts';

const unitLink = (code: string) => (
  <Link key={code} to={`/admin/orgs/${encodeURIComponent(code)}`} className="tag tag--code">
    {code}
  </Link>
);

const joined = (codes: string[]) =>
  codes.flatMap((code, i) => (i === 0 ? [unitLink(code)] : [', ', unitLink(code)]));

/** A rename's names, as the event's details keep them. */
function renamed(e: LineageEvent): { before?: string; after?: string } {
  const d = e.details as { before?: { nameVi?: string }; after?: { nameVi?: string } };
  return { before: d.before?.nameVi, after: d.after?.nameVi };
}

/** The changes of the map that made a unit what it is, oldest first: date, kind, from → to, legal basis. */
export function LineageEvents({ events }: { events: LineageEvent[] }) {
  const { t } = useTranslation();
  const sorted = [...events].sort((a, b) => a.effectiveDate.localeCompare(b.effectiveDate) || a.id - b.id);
  return (
    <ol className="lineage-events" data-testid="lineage-events">
      {sorted.map((e) => {
        const names = e.kind === 'rename' ? renamed(e) : null;
        return (
          <li key={e.id} className="lineage-event">
            <p className="lineage-event__head">
              <strong>{formatDate(e.effectiveDate)}</strong> ·{' '}
              <span className="badge tag">{t(`admin.orgUnit.eventKinds.${e.kind}`)}</span>
              {e.legalBasis && <span className="lineage-event__basis"> · {e.legalBasis}</span>}
            </p>
            {names ? (
              <p>
                {joined(e.to)} {t('admin.orgUnit.renamedFrom', { before: names.before, after: names.after })}
              </p>
            ) : (
              <p>
                {t('admin.orgUnit.eventFrom')} {joined(e.from)} → {t('admin.orgUnit.eventTo')} {joined(e.to)}
              </p>
            )}
            {e.note && <p className="muted">{e.note}</p>}
          </li>
        );
      })}
    </ol>
  );
}
