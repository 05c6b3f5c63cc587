import { queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '../../../lib/api-client.ts';

export interface Meta {
  demo: boolean;
  oidc: boolean;
  version: string;
}

export const metaQuery = () =>
  queryOptions({
    queryKey: ['meta'],
    queryFn: ({ signal }) => getJson<Meta>('/meta', {}, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });

export const useMeta = () => useQuery(metaQuery());
