/**
 * Where the Programs tab is: the program list, or one program's section,
 * kept in the address (?program=<id>&view=<section>) so a reload or a shared
 * link opens the same place. The server serves programs.html as a file, so
 * the query string, not the path, carries the place.
 */
import { useCallback, useEffect, useState } from 'react';

export const programViews = ['settings', 'questionnaire', 'participants', 'matching', 'health'] as const;
export type ProgramViewName = (typeof programViews)[number];

export const programViewTitles: Record<ProgramViewName, string> = {
  settings: 'Settings',
  questionnaire: 'Questionnaire',
  participants: 'Participants',
  matching: 'Matching',
  health: 'Health',
};

export type AdminRoute = { page: 'programs' } | { page: 'new' } | { page: 'program'; programId: string; view: ProgramViewName };

export function parseAdminRoute(search: string): AdminRoute {
  const params = new URLSearchParams(search);
  if (params.get('new') === '1') return { page: 'new' };
  const programId = params.get('program');
  if (!programId) return { page: 'programs' };
  const view = params.get('view');
  return { page: 'program', programId, view: (programViews as readonly string[]).includes(view ?? '') ? (view as ProgramViewName) : 'health' };
}

export function adminRouteSearch(route: AdminRoute): string {
  switch (route.page) {
    case 'programs':
      return '';
    case 'new':
      return '?new=1';
    case 'program':
      return `?program=${encodeURIComponent(route.programId)}&view=${route.view}`;
  }
}

export function useAdminRoute(): [AdminRoute, (route: AdminRoute) => void] {
  const [route, setRoute] = useState<AdminRoute>(() => parseAdminRoute(window.location.search));

  useEffect(() => {
    const onPop = () => setRoute(parseAdminRoute(window.location.search));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const navigate = useCallback((next: AdminRoute) => {
    window.history.pushState(null, '', `${window.location.pathname}${adminRouteSearch(next)}`);
    setRoute(next);
    window.scrollTo?.(0, 0);
  }, []);
  return [route, navigate];
}
