/**
 * The personal tab's addresses, under the tab's base path (/tab/): the pair
 * list, a pair, and the guides. The server answers index.html for all of
 * them, so each can be reloaded or linked to.
 */
import { useCallback, useEffect, useState } from 'react';

export type TabRoute =
  | { page: 'pairs' }
  | { page: 'pair'; relationshipId: string }
  | { page: 'guides'; guide?: 'mentor' | 'mentee' | 'agreement' | 'activities'; section?: string };

const GUIDE_IDS = new Set(['mentor', 'mentee', 'agreement', 'activities']);

export function parseTabRoute(basePath: string, pathname: string, search: string, hash: string): TabRoute {
  const rest = pathname.startsWith(basePath) ? pathname.slice(basePath.length) : pathname.replace(/^\//, '');
  const pair = /^pairs\/([^/]+)\/?$/.exec(rest);
  if (pair?.[1]) return { page: 'pair', relationshipId: decodeURIComponent(pair[1]) };
  if (/^guides\/?$/.test(rest)) {
    const guide = new URLSearchParams(search).get('guide') ?? undefined;
    const section = hash.replace(/^#/, '') || undefined;
    return { page: 'guides', guide: guide && GUIDE_IDS.has(guide) ? (guide as 'mentor') : undefined, section };
  }
  return { page: 'pairs' };
}

export function tabRouteHref(basePath: string, route: TabRoute): string {
  switch (route.page) {
    case 'pairs':
      return basePath;
    case 'pair':
      return `${basePath}pairs/${encodeURIComponent(route.relationshipId)}`;
    case 'guides':
      return `${basePath}guides${route.guide ? `?guide=${route.guide}` : ''}${route.section ? `#${route.section}` : ''}`;
  }
}

export function useTabRoute(basePath: string): [TabRoute, (route: TabRoute) => void] {
  const read = useCallback(
    () => parseTabRoute(basePath, window.location.pathname, window.location.search, window.location.hash),
    [basePath],
  );
  const [route, setRoute] = useState<TabRoute>(read);

  useEffect(() => {
    const onPop = () => setRoute(read());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [read]);

  const navigate = useCallback(
    (next: TabRoute) => {
      window.history.pushState(null, '', tabRouteHref(basePath, next));
      setRoute(next);
      window.scrollTo?.(0, 0);
    },
    [basePath],
  );
  return [route, navigate];
}
