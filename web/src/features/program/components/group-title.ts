import { useLocalized } from '../../../components/use-localized.ts';

/** A task group's title in the reader's language; the Vietnamese title when no English one exists. */
export function useGroupTitle() {
  const { pick } = useLocalized();
  return (group: { titleVi: string; titleEn: string | null }) => pick(group.titleVi, group.titleEn);
}
