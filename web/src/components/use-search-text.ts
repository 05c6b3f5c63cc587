import { useEffect, useState } from 'react';

const SEARCH_DELAY_MS = 300;

/**
 * A search box's text, committed (to the URL) after a short pause in typing, so the URL and the
 * request change once per search rather than per key. `commit` should be stable (useCallback).
 */
export function useSearchText(committed: string, commit: (text: string) => void) {
  const [text, setText] = useState(committed);
  useEffect(() => setText(committed), [committed]);
  useEffect(() => {
    if (text.trim() === committed) return;
    const timer = setTimeout(() => commit(text.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, committed, commit]);
  return [text, setText] as const;
}
