import type { QueryClient } from '@tanstack/react-query';
import { agenciesQuery } from '../agencies/api/get-agencies.ts';
import { meQuery } from '../auth/api/get-me.ts';
import { overviewQuery } from '../overview/api/get-overview.ts';
import { itemLinksQuery } from './api/item-links.ts';
import {
  incompleteByAgencyQuery,
  registerAsOfQuery,
  registerTaskQuery,
  registerTasksQuery,
  taskHistoryQuery,
} from './api/register-tasks.ts';
import { registerViewsQuery } from './api/register-views.ts';
import { registerSearchFromUrl } from './register-search.ts';

/**
 * The register pages' loaders start their requests only for someone who may read them, so a signed-out
 * visitor (sent to sign in) or a person without the role causes no refused request.
 */
async function allowed(client: QueryClient, policy: string): Promise<boolean> {
  try {
    const me = await client.ensureQueryData(meQuery());
    return me?.can[policy] === true;
  } catch {
    // A cancelled or failed sign-in check: the page asks again and shows its own state.
    return false;
  }
}

export async function loadRegister(client: QueryClient, url: URL): Promise<void> {
  if (!(await allowed(client, 'register.read'))) return;
  const search = registerSearchFromUrl(url.searchParams);
  if (search.at) void client.prefetchQuery(registerAsOfQuery(search.at));
  else {
    void client.prefetchQuery(registerTasksQuery());
    void client.prefetchQuery(incompleteByAgencyQuery());
  }
  void client.prefetchQuery(registerViewsQuery());
  void client.prefetchQuery(agenciesQuery({}));
  void client.prefetchQuery(overviewQuery());
}

export async function loadRegisterTask(client: QueryClient, id: number): Promise<void> {
  if (!(await allowed(client, 'register.read'))) return;
  if (Number.isInteger(id) && id > 0) void client.prefetchQuery(registerTaskQuery(id));
  void client.prefetchQuery(agenciesQuery({}));
  void client.prefetchQuery(overviewQuery());
}

export async function loadTaskHistory(client: QueryClient, id: number): Promise<void> {
  if (!(await allowed(client, 'register.read'))) return;
  if (Number.isInteger(id) && id > 0) void client.prefetchQuery(taskHistoryQuery(id));
}

export async function loadItemLinks(client: QueryClient): Promise<void> {
  if (await allowed(client, 'register.manage')) void client.prefetchQuery(itemLinksQuery());
}
