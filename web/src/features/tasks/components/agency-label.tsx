import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocalized } from '../../../components/use-localized.ts';
import { foldText } from '../../../lib/text.ts';
import type { AgencyRef } from '../api/get-tasks.ts';

/** The name an agency reference shows today: its body's name, a collective's label, or the text as written. */
export function useAgencyName() {
  const { t } = useTranslation();
  const { pick } = useLocalized();
  return (agency: AgencyRef) => {
    if (agency.collective) return t(`collective.${agency.collective}`);
    if (agency.code && agency.nameVi) {
      return pick(agency.nameVi, agency.nameEn);
    }
    return agency.nameAsWritten;
  };
}

/**
 * One lead or partner: the body it maps to today (linked to its page), and the name as the document
 * wrote it when that differs, e.g. a ministry merged in 2025. Unmapped names are flagged, not hidden.
 */
export function AgencyLabel({ agency, link = true }: { agency: AgencyRef; link?: boolean }) {
  const { t } = useTranslation();
  const name = useAgencyName()(agency);
  const written = foldText(agency.nameAsWritten);
  // An abbreviation the shown name already carries ("Vietnam Television (VTV)") need not be repeated.
  const abbreviationShown = !written.includes(' ') && foldText(name).includes(`(${written})`);
  const writtenDiffers =
    agency.mapped &&
    !abbreviationShown &&
    written !== foldText(agency.collective ? name : (agency.nameVi ?? ''));
  return (
    <span className="agency-label">
      {agency.code && link ? <Link to={`/agencies/${agency.code}`}>{name}</Link> : <span>{name}</span>}
      {writtenDiffers && (
        <span className="agency-label__written">
          {' '}
          ({t('agency.asWrittenLabel')}: <span lang="vi">{agency.nameAsWritten}</span>)
        </span>
      )}
      {!agency.mapped && <span className="badge badge--warn"> {t('agency.unmapped')}</span>}
    </span>
  );
}

export function AgencyList({ agencies, link = true }: { agencies: AgencyRef[]; link?: boolean }) {
  const { t } = useTranslation();
  if (agencies.length === 0) return <span className="muted">{t('common.none')}</span>;
  return (
    <ul className="agency-list">
      {agencies.map((agency) => (
        <li key={`${agency.role}-${agency.nameAsWritten}`}>
          <AgencyLabel agency={agency} link={link} />
        </li>
      ))}
    </ul>
  );
}
