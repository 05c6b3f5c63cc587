import { queryOptions, useQuery } from '@tanstack/react-query';
import { ApiError, getJson } from '../../../lib/api-client.ts';

export type Role =
  | 'system_admin'
  | 'coordinator'
  | 'focal_officer'
  | 'agency_head'
  | 'steering_viewer'
  | 'auditor';

export interface Me {
  user: { id: number; name: string; email: string; title: string | null; orgUnitId: number; demo: boolean };
  roles: { role: Role; orgUnitId: number; includeSubUnits: boolean }[];
  /** The UI policies (src/modules/access/policies.ts, UI_POLICIES) and whether this person holds them. */
  can: Record<string, boolean>;
}

/** The signed-in person, or null when nobody is signed in (the API answers 401). */
export async function getMe(signal?: AbortSignal): Promise<Me | null> {
  try {
    return await getJson<Me>('/me', {}, signal);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
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
