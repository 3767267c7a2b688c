/**
 * The admin "Programs" tab: for the people who run mentoring programs. Anyone
 * else is told, in a sentence, that this tab is for program admins.
 */
import { useCallback, useEffect, useState } from 'react';
import { Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { AdminClient } from '../api/adminClient';
import type { AdminMe } from '../api/adminTypes';
import { describeFailure } from '../api/apiError';
import { ErrorNote } from '../shell/ErrorNote';
import { InAppLink } from '../shell/InAppLink';
import { adminRouteSearch, useAdminRoute, type AdminRoute } from './adminRoute';
import { ProgramList } from './programs/ProgramList';
import { NewProgram } from './programs/NewProgram';
import { ProgramPage } from './ProgramPage';

const useStyles = makeStyles({
  main: { maxWidth: '72rem', margin: '0 auto' },
  nav: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, marginBottom: tokens.spacingVerticalM },
});

export const NOT_AN_ADMIN =
  'This tab is for the people who run mentoring programs. You do not administer any program in Tandem; if you should, ask your organisation’s Tandem admin to add you.';

export function ProgramsTab({ client }: { client: AdminClient }) {
  const styles = useStyles();
  const [me, setMe] = useState<AdminMe | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [route, navigate] = useAdminRoute();

  const reloadMe = useCallback(() => client.me().then(setMe, setError), [client]);
  useEffect(() => {
    void reloadMe();
  }, [reloadMe]);

  if (!me) return error ? <ErrorNote message={describeFailure(error)} /> : <Spinner label="Loading your programs…" />;
  if (!me.tenantAdmin && me.programs.length === 0) {
    return (
      <main className={styles.main}>
        <h1>Programs</h1>
        <p>{NOT_AN_ADMIN}</p>
      </main>
    );
  }

  const link = (to: AdminRoute, text: string) => (
    <InAppLink href={adminRouteSearch(to) || '?'} current={route.page === to.page} open={() => navigate(to)}>
      {text}
    </InAppLink>
  );

  return (
    <div className={styles.main}>
      <nav aria-label="Programs" className={styles.nav}>
        {link({ page: 'programs' }, 'All programs')}
        {me.canCreatePrograms && link({ page: 'new' }, 'New program')}
      </nav>
      <main>
        {route.page === 'programs' && (
          <ProgramList client={client} me={me} open={(programId) => navigate({ page: 'program', programId, view: 'health' })} />
        )}
        {route.page === 'new' && (
          <NewProgram
            client={client}
            created={(programId) => {
              void reloadMe();
              navigate({ page: 'program', programId, view: 'settings' });
            }}
          />
        )}
        {route.page === 'program' && (
          <ProgramPage
            key={route.programId}
            client={client}
            programId={route.programId}
            view={route.view}
            programs={me.programs}
            show={(view) => navigate({ page: 'program', programId: route.programId, view })}
            switchProgram={(programId) => navigate({ page: 'program', programId, view: route.view })}
            changed={() => void reloadMe()}
          />
        )}
      </main>
    </div>
  );
}
