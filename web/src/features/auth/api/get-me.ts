import { queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '../../../lib/api-client.ts';

export type Role =
  | 'system_admin'
  | 'coordinator'
  | 'focal_officer'
  | 'agency_head'
  | 'steering_viewer'
  | 'auditor';

/** A unit as GET /api/me names it. */
export interface MeUnit {
  id: number;
  code: string;
  nameVi: string;
  nameEn: string | null;
}

export interface Me {
  user: {
    id: number;
    name: string;
    email: string;
    title: string | null;
    orgUnitId: number;
    orgUnit: MeUnit;
    demo: boolean;
  };
  roles: { role: Role; orgUnitId: number; orgUnit: MeUnit; includeSubUnits: boolean }[];
  /** The UI policies (src/modules/access/policies.ts, UI_POLICIES) and whether this person holds them. */
  can: Record<string, boolean>;
}

/** GET /api/me answers 200 to everyone; signed out, `user` is null and every `can` false. */
type MeAnswer = Omit<Me, 'user'> & { user: Me['user'] | null };

/** The signed-in person, or null when nobody is signed in. */
export async function getMe(signal?: AbortSignal): Promise<Me | null> {
  const answer = await getJson<MeAnswer>('/me', {}, signal);
  return answer.user ? (answer as Me) : null;
}

export const ME_KEY = ['me'] as const;

export const meQuery = () =>
  queryOptions({ queryKey: ME_KEY, queryFn: ({ signal }) => getMe(signal), staleTime: 5 * 60_000 });

/** `data` is the person, null when signed out, undefined while loading. */
export const useMe = () => useQuery(meQuery());

/** Whether the signed-in person holds a policy (false while loading or signed out). */
export function useCan(policy: string): boolean {
  const { data } = useMe();
  return data?.can[policy] === true;
}
