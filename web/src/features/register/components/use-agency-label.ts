import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '../../../components/use-localized.ts';
import { useAgencies } from '../../agencies/api/get-agencies.ts';
import { COLLECTIVES } from '../../tasks/api/get-tasks.ts';
import type { RegisterAgency } from '../api/register-tasks.ts';

/**
 * An agency of the register in the reader's language: a collective by its translated name, a body by
 * its English name when the public list has one, else as the register names it.
 */
export function useAgencyLabel() {
  const { t } = useTranslation();
  const { english } = useLocalized();
  const agencies = useAgencies({});
  const englishNames = useMemo(
    () => new Map((agencies.data?.items ?? []).map((a) => [a.code, a.nameEn])),
    [agencies.data],
  );
  return useCallback(
    (a: RegisterAgency) => {
      if (a.collective) return t(`collective.${a.collective}`);
      const en = english && a.code ? englishNames.get(a.code) : null;
      return en || a.nameVi || a.nameAsWritten;
    },
    [t, english, englishNames],
  );
}

/** An agency reference of the form (a code or a collective) as a name in the reader's language. */
export function useRefLabel() {
  const { t } = useTranslation();
  const { pick } = useLocalized();
  const agencies = useAgencies({});
  const byCode = useMemo(
    () => new Map((agencies.data?.items ?? []).map((a) => [a.code, a])),
    [agencies.data],
  );
  return useCallback(
    (ref: string) => {
      if ((COLLECTIVES as readonly string[]).includes(ref)) return t(`collective.${ref}`);
      const agency = byCode.get(ref);
      return agency ? pick(agency.nameVi, agency.nameEn) : ref;
    },
    [t, pick, byCode],
  );
}
