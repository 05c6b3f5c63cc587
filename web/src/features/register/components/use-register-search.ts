import { useCallback, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { type RegisterSearch, registerSearchFromUrl, registerSearchToUrl } from '../register-search.ts';

/**
 * The register page's state from the URL, and a way to change part of it. A change builds on the
 * latest URL asked for, not the one last shown: navigations settle asynchronously, and two quick
 * changes (a filter, then a sort) must both land. Once the URL shown catches up with what was asked,
 * it is the base again (so Back, or a link, still works).
 */
export function useRegisterSearch() {
  const [params, setParams] = useSearchParams();
  const asked = useRef<string[]>([]);
  const shown = params.toString();
  const caughtUp = asked.current.indexOf(shown);
  if (caughtUp >= 0) asked.current = asked.current.slice(caughtUp + 1);

  const update = useCallback(
    (patch: Partial<RegisterSearch>, options?: { replace?: boolean }) => {
      const base = asked.current.at(-1) ?? window.location.search.slice(1);
      const next = registerSearchToUrl({ ...registerSearchFromUrl(new URLSearchParams(base)), ...patch });
      asked.current.push(next.toString());
      setParams(next, { replace: options?.replace ?? false, preventScrollReset: true });
    },
    [setParams],
  );
  return [registerSearchFromUrl(params), update] as const;
}
