/**
 * One goal: what, how it is measured, by when, progress, and its milestones
 * (add, tick off, delete). `compact` is the meeting side panel's narrow view.
 */
import { useId, useState, type FormEvent } from 'react';
import { Button, Checkbox, Field, Input, ProgressBar, makeStyles, tokens } from '@fluentui/react-components';
import type { ApiClient } from '../api/apiClient';
import type { Goal } from '../api/types';
import { describeFailure, fieldError } from '../api/apiError';
import { ErrorNote } from '../shell/ErrorNote';
import { usePairAction } from './usePairAction';

const useStyles = makeStyles({
  card: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
    overflowWrap: 'anywhere',
  },
  title: { margin: 0 },
  meta: { margin: `${tokens.spacingVerticalXS} 0`, color: tokens.colorNeutralForeground2 },
  milestones: { listStyleType: 'none', padding: 0, margin: `${tokens.spacingVerticalS} 0` },
  milestone: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'flex-end' },
  grow: { flexGrow: 1, minWidth: '10rem' },
});

const STATUS_WORDS: Record<Goal['status'], string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  done: 'Done',
  dropped: 'Dropped',
};

export interface GoalCardProps {
  api: ApiClient;
  goal: Goal;
  /** Called after every change, so the pair view shows what the server now holds. */
  changed(): Promise<void>;
  compact?: boolean;
}

export function GoalCard({ api, goal, changed, compact = false }: GoalCardProps) {
  const styles = useStyles();
  const titleId = useId();
  const [milestoneTitle, setMilestoneTitle] = useState('');
  const { act, busy, error, setError } = usePairAction(changed);

  async function addMilestone(event: FormEvent) {
    event.preventDefault();
    const title = milestoneTitle.trim();
    if (!title) {
      setError(new MilestoneTitleMissing());
      return;
    }
    if (await act(() => api.addMilestone(goal.id, title, null))) setMilestoneTitle('');
  }

  const titleProblem = error instanceof MilestoneTitleMissing ? error.message : fieldError(error, 'title');
  const otherProblem = error && !titleProblem ? describeFailure(error) : null;

  return (
    <article className={styles.card} aria-labelledby={titleId}>
      <h3 id={titleId} className={styles.title}>
        {goal.title}
      </h3>
      <p className={styles.meta}>
        {STATUS_WORDS[goal.status]}
        {goal.targetDate ? ` · by ${formatDay(goal.targetDate)}` : ''}
      </p>
      {!compact && <p>Measured by: {goal.measure}</p>}
      <Field label={`Progress: ${goal.progress}%`}>
        <ProgressBar value={goal.progress / 100} thickness="large" />
      </Field>
      {goal.milestones.length > 0 && (
        <ul className={styles.milestones} aria-label={`Milestones of ${goal.title}`}>
          {goal.milestones.map((m) => (
            <li key={m.id} className={styles.milestone}>
              <Checkbox
                checked={m.done}
                disabled={busy}
                label={m.dueOn ? `${m.title} (by ${formatDay(m.dueOn)})` : m.title}
                onChange={(_, data) => void act(() => api.updateMilestone(m.id, { done: data.checked === true }))}
              />
              {!compact && (
                <Button size="small" appearance="subtle" disabled={busy} aria-label={`Delete milestone ${m.title}`} onClick={() => void act(() => api.deleteMilestone(m.id))}>
                  Delete
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      <form className={styles.row} onSubmit={(event) => void addMilestone(event)} noValidate>
        <Field className={styles.grow} label={`New milestone for ${goal.title}`} validationMessage={titleProblem}>
          <Input value={milestoneTitle} onChange={(_, data) => setMilestoneTitle(data.value)} />
        </Field>
        <Button type="submit" disabled={busy}>
          Add milestone
        </Button>
      </form>
      <ErrorNote message={otherProblem} />
      {!compact && (
        <div className={styles.row}>
          {goal.status !== 'done' && (
            <Button disabled={busy} onClick={() => void act(() => api.completeGoal(goal.id))} aria-label={`Mark ${goal.title} done`}>
              Mark done
            </Button>
          )}
          <Button appearance="subtle" disabled={busy} onClick={() => void act(() => api.deleteGoal(goal.id))} aria-label={`Delete goal ${goal.title}`}>
            Delete goal
          </Button>
        </div>
      )}
    </article>
  );
}

class MilestoneTitleMissing extends Error {
  constructor() {
    super('Name the milestone first.');
  }
}

export function formatDay(day: string): string {
  const date = new Date(`${day}T12:00:00`);
  return Number.isNaN(date.getTime()) ? day : date.toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
}
