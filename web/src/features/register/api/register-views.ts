import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getJson, sendJson } from '../../../lib/api-client.ts';
import type { ViewSettings } from '../register-search.ts';

/** One of my saved views of the register (GET /api/register/views): only its owner ever sees it. */
export interface RegisterView {
  id: number;
  name: string;
  settings: ViewSettings;
  createdAt: string;
  updatedAt: string;
}

const VIEWS_KEY = ['register', 'views'] as const;

export const registerViewsQuery = () =>
  queryOptions({
    queryKey: VIEWS_KEY,
    queryFn: ({ signal }) => getJson<{ items: RegisterView[] }>('/register/views', {}, signal),
  });

export const useRegisterViews = () => useQuery(registerViewsQuery());

function useViewWrite<V, R>(send: (v: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => void client.invalidateQueries({ queryKey: VIEWS_KEY }),
  });
}

export const useSaveView = () =>
  useViewWrite((body: { name: string; settings: ViewSettings }) =>
    sendJson<RegisterView>('POST', '/register/views', body),
  );

export const useReplaceView = () =>
  useViewWrite(({ id, ...body }: { id: number; name: string; settings: ViewSettings }) =>
    sendJson<RegisterView>('PUT', `/register/views/${id}`, body),
  );

export const useDeleteView = () => useViewWrite((id: number) => sendJson('DELETE', `/register/views/${id}`));
