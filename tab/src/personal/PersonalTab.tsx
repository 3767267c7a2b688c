/** The personal tab "My mentoring": my pairs, one pair, and the guides (loaded only when opened). */
import { lazy, Suspense } from 'react';
import { Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { ApiClient } from '../api/apiClient';
import { PairList } from '../pairs/PairList';
import { PairView } from '../pairs/PairView';
import { InAppLink } from '../shell/InAppLink';
import { tabRouteHref, useTabRoute, type TabRoute } from './tabRoute';

const GuidesPage = lazy(() => import('../guides/GuidesPage'));

const useStyles = makeStyles({
  nav: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, marginBottom: tokens.spacingVerticalM },
  main: { maxWidth: '60rem', margin: '0 auto' },
});

export function PersonalTab({ api, basePath }: { api: ApiClient; basePath: string }) {
  const styles = useStyles();
  const [route, navigate] = useTabRoute(basePath);

  const link = (to: TabRoute, text: string) => (
    <InAppLink href={tabRouteHref(basePath, to)} current={route.page === to.page} open={() => navigate(to)}>
      {text}
    </InAppLink>
  );

  return (
    <div className={styles.main}>
      <nav aria-label="Tandem" className={styles.nav}>
        {link({ page: 'pairs' }, 'My pairs')}
        {link({ page: 'guides' }, 'Guides')}
      </nav>
      <main>
        {route.page === 'pairs' && (
          <PairList
            api={api}
            pairHref={(relationshipId) => tabRouteHref(basePath, { page: 'pair', relationshipId })}
            openPair={(relationshipId) => navigate({ page: 'pair', relationshipId })}
          />
        )}
        {route.page === 'pair' && (
          <PairView
            key={route.relationshipId}
            api={api}
            relationshipId={route.relationshipId}
            openGuide={(guide, section) => navigate({ page: 'guides', guide, section })}
          />
        )}
        {route.page === 'guides' && (
          <Suspense fallback={<Spinner label="Loading the guides…" />}>
            <GuidesPage key={`${route.guide}#${route.section}`} initialGuide={route.guide} initialSection={route.section} />
          </Suspense>
        )}
      </main>
    </div>
  );
}
