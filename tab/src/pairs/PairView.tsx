/**
 * One mentoring pair: the stage stepper with its hint and guide, goals with
 * the SMART form, the next session's agenda, and upcoming and past sessions.
 */
import { useState } from 'react';
import { Button, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { ApiClient } from '../api/apiClient';
import { describeFailure } from '../api/apiError';
import type { StageInfo } from '../content/stages';
import { ErrorNote } from '../shell/ErrorNote';
import { AgendaEditor } from './AgendaEditor';
import { GoalCard } from './GoalCard';
import { GoalForm } from './GoalForm';
import { SessionList } from './SessionList';
import { StageStepper } from './StageStepper';
import { usePairView } from './usePairView';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  goals: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export interface PairViewProps {
  api: ApiClient;
  relationshipId: string;
  openGuide(guide: 'mentor' | 'mentee', section: string): void;
  today?: string;
}

export function PairView({ api, relationshipId, openGuide, today }: PairViewProps) {
  const styles = useStyles();
  const { view, error, reload } = usePairView(api, relationshipId);
  const [addingGoal, setAddingGoal] = useState(false);

  if (!view) return error ? <ErrorNote message={describeFailure(error)} /> : <Spinner label="Loading your pair…" />;
  const { relationship, goals, sessions, nextSession } = view;
  const pairLine =
    relationship.myRole === 'mentor' ? `You are mentoring ${relationship.other.name}.` : `${relationship.other.name} is mentoring you.`;

  return (
    <div className={styles.page}>
      <header>
        <h1>
          {relationship.myRole === 'mentor' ? 'Mentoring' : 'Mentored by'} {relationship.other.name}
        </h1>
        <p>
          {pairLine}
          {relationship.status !== 'active' ? ` This relationship is ${relationship.status}.` : ''}
        </p>
      </header>
      <StageStepper
        stage={relationship.stage}
        canMove={relationship.status === 'active'}
        moveTo={async (stage) => {
          await api.setStage(relationship.id, stage);
          await reload();
        }}
        openGuide={(stage: StageInfo) => openGuide(relationship.myRole, stage.guideSection)}
      />
      <section aria-labelledby="goals-heading" className={styles.goals}>
        <h2 id="goals-heading">Goals</h2>
        {goals.length === 0 && <p>No goals yet. Good goals are specific, measurable, achievable, relevant and time-bound.</p>}
        {goals.map((goal) => (
          <GoalCard key={goal.id} api={api} goal={goal} changed={reload} />
        ))}
        {addingGoal ? (
          <GoalForm
            today={today}
            save={async (goal) => {
              await api.createGoal(relationship.id, goal);
              await reload();
              setAddingGoal(false);
            }}
            cancel={() => setAddingGoal(false)}
          />
        ) : (
          <div>
            <Button appearance="primary" onClick={() => setAddingGoal(true)}>
              Add a goal
            </Button>
          </div>
        )}
      </section>
      {nextSession ? (
        <AgendaEditor api={api} session={nextSession} stage={relationship.stage} changed={reload} />
      ) : (
        <section aria-labelledby="agenda-heading">
          <h2 id="agenda-heading">Agenda</h2>
          <p>Once your next session is booked, its agenda appears here.</p>
        </section>
      )}
      <SessionList upcoming={sessions.upcoming} past={sessions.past} />
    </div>
  );
}
