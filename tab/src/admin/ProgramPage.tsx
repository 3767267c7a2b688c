/**
 * One program: its name and state, opening or closing registration, and its
 * sections (settings, questionnaire, participants, matching, health).
 */
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { Badge, Button, Spinner, Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import type { AdminClient } from '../api/adminClient';
import type { AdminMe, Program, ProgramStatus } from '../api/adminTypes';
import { describeFailure } from '../api/apiError';
import { ErrorNote } from '../shell/ErrorNote';
import { programViews, programViewTitles, type ProgramViewName } from './adminRoute';
import { ProgramSettingsForm } from './programs/ProgramSettingsForm';
import { ParticipantsPanel } from './participants/ParticipantsPanel';
import { MatchingReview } from './matching/MatchingReview';
import { HealthDashboard } from './health/HealthDashboard';

// The editor brings the Adaptive Cards SDK for its preview: loaded only when opened.
const QuestionnaireEditor = lazy(() => import('./questionnaire/QuestionnaireEditor').then((m) => ({ default: m.QuestionnaireEditor })));

const useStyles = makeStyles({
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, marginLeft: 'auto' },
  tabs: { margin: `${tokens.spacingVerticalM} 0`, overflowX: 'auto' },
});

export const statusWords: Record<ProgramStatus, string> = {
  draft: 'Draft: registration not open',
  open: 'Registration open',
  closed: 'Closed',
};

export function ProgramPage(props: {
  client: AdminClient;
  programId: string;
  view: ProgramViewName;
  programs: AdminMe['programs'];
  show(view: ProgramViewName): void;
  switchProgram(programId: string): void;
  changed(): void;
}) {
  const { client, programId, view, programs, show, switchProgram, changed } = props;
  const styles = useStyles();
  const [program, setProgram] = useState<Program | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const reload = useCallback(() => client.program(programId).then(setProgram, setError), [client, programId]);
  useEffect(() => {
    void reload();
  }, [reload]);

  const saved = (next: Program) => {
    setProgram(next);
    changed();
  };

  async function transition(to: 'open' | 'close') {
    setBusy(true);
    setError(null);
    try {
      saved(await (to === 'open' ? client.openRegistration(programId) : client.close(programId)));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  if (!program) return error ? <ErrorNote message={describeFailure(error)} /> : <Spinner label="Loading the program…" />;
  return (
    <section aria-labelledby="program-heading">
      <div className={styles.head}>
        <h1 id="program-heading">{program.name}</h1>
        <Badge appearance="tint" color={program.status === 'open' ? 'success' : program.status === 'closed' ? 'subtle' : 'warning'}>
          {statusWords[program.status]}
        </Badge>
        <div className={styles.actions}>
          {program.status !== 'open' && (
            <Button appearance="primary" disabled={busy} onClick={() => void transition('open')}>
              {program.status === 'closed' ? 'Reopen registration' : 'Open registration'}
            </Button>
          )}
          {program.status !== 'closed' && (
            <Button disabled={busy} onClick={() => void transition('close')}>
              Close the program
            </Button>
          )}
        </div>
      </div>
      <ErrorNote message={error ? describeFailure(error) : null} />
      <TabList
        className={styles.tabs}
        selectedValue={view}
        onTabSelect={(_, data) => show(data.value as ProgramViewName)}
        aria-label="Program sections"
      >
        {programViews.map((v) => (
          <Tab key={v} value={v}>
            {programViewTitles[v]}
          </Tab>
        ))}
      </TabList>
      {view === 'settings' && <ProgramSettingsForm client={client} program={program} saved={saved} />}
      {view === 'questionnaire' && (
        <Suspense fallback={<Spinner label="Loading the editor…" />}>
          <QuestionnaireEditor client={client} program={program} saved={saved} />
        </Suspense>
      )}
      {view === 'participants' && <ParticipantsPanel client={client} program={program} />}
      {view === 'matching' && <MatchingReview client={client} program={program} />}
      {view === 'health' && <HealthDashboard client={client} program={program} programs={programs} switchProgram={switchProgram} />}
    </section>
  );
}
