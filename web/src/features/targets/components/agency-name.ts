import { useTranslation } from 'react-i18next';
import { useLocalized } from '../../../components/use-localized.ts';
import { foldText } from '../../../lib/text.ts';
import type { Target } from '../api/get-targets.ts';

/** The monitoring agency's current name, with the name the document used when it differs. */
export function useAgencyName() {
  const { t } = useTranslation();
  const { pick } = useLocalized();
  return (target: Target) => {
    const agency = target.monitoringAgency;
    if (!agency) return null;
    const name = agency.nameVi ? pick(agency.nameVi, agency.nameEn) : (agency.asWritten ?? '');
    const differs =
      agency.asWritten && agency.nameVi && foldText(agency.asWritten) !== foldText(agency.nameVi);
    return differs ? `${name} (${t('agency.asWritten', { name: agency.asWritten })})` : name;
  };
}
