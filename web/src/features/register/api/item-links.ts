import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getJson, sendJson } from '../../../lib/api-client.ts';

export const ITEM_LINK_STATUSES = ['suggested', 'confirmed', 'rejected'] as const;
export type ItemLinkStatus = (typeof ITEM_LINK_STATUSES)[number];

/** A suggested or decided link between a section II item and a task; only a confirmed one is asserted. */
export interface ItemLink {
  id: number;
  itemCode: string;
  itemText: string;
  taskId: number;
  taskCode: string;
  taskContent: string;
  score: number;
  method: string;
  status: ItemLinkStatus;
  decidedBy: string | null;
  decidedAt: string | null;
}

export interface SuggestSummary {
  method: string;
  added: number;
  rescored: number;
  withdrawn: number;
  keptDecisions: number;
}

const LINKS_KEY = ['item-links'] as const;

export const itemLinksQuery = () =>
  queryOptions({
    queryKey: LINKS_KEY,
    queryFn: ({ signal }) => getJson<{ programCode: string; links: ItemLink[] }>('/item-links', {}, signal),
  });

export const useItemLinks = () => useQuery(itemLinksQuery());

/** Recomputes the suggestions on the server (TF-IDF); links already decided are kept as they are. */
export function useSuggestLinks() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => sendJson<SuggestSummary>('POST', '/item-links/suggest'),
    onSuccess: () => void client.invalidateQueries({ queryKey: LINKS_KEY }),
  });
}

export function useDecideLink() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, status }: { id: number; status: ItemLinkStatus }) =>
      sendJson<{ id: number; status: ItemLinkStatus }>('PATCH', `/item-links/${id}`, { status }),
    onSuccess: ({ id, status }) => {
      // The decision shows at once; the list is read again for who decided and when.
      client.setQueryData<{ programCode: string; links: ItemLink[] }>(
        LINKS_KEY,
        (old) => old && { ...old, links: old.links.map((l) => (l.id === id ? { ...l, status } : l)) },
      );
      void client.invalidateQueries({ queryKey: LINKS_KEY });
    },
  });
}
