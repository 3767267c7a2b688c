import { lazy, Suspense } from 'react';
import { startTab } from '../shell/startTab';
import { PersonalTab } from './PersonalTab';

// One app package, one content URL: inside a meeting, Teams may open this page in the side panel.
const SidePanel = lazy(() => import('../sidepanel/SidePanel').then((m) => ({ default: m.SidePanel })));

void startTab((api, host) =>
  host.frameContext === 'sidePanel' || host.frameContext === 'meetingStage' ? (
    <Suspense fallback={null}>
      <SidePanel api={api} relationshipId={new URLSearchParams(window.location.search).get('relationship') ?? undefined} />
    </Suspense>
  ) : (
    <PersonalTab api={api} basePath={import.meta.env.BASE_URL} />
  ),
);
