/**
 * The five stages as an ordered list with the current one marked, its one-line
 * hint, a link to its guide, and buttons to move forward or back one stage.
 */
import { useState } from 'react';
import { Button, Link, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { stages, type StageInfo } from '../content/stages';
import type { Stage } from '../api/types';
import { describeFailure } from '../api/apiError';
import { ErrorNote } from '../shell/ErrorNote';

const useStyles = makeStyles({
  steps: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, listStyleType: 'none', padding: 0, margin: 0 },
  step: {
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusCircular,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    color: tokens.colorNeutralForeground2,
  },
  done: { color: tokens.colorNeutralForeground1 },
  current: {
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandBackground}`,
    fontWeight: tokens.fontWeightSemibold,
  },
  hint: { margin: `${tokens.spacingVerticalS} 0` },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

export interface StageStepperProps {
  stage: Stage;
  /** False when the relationship is paused or over: the stage is shown but cannot move. */
  canMove: boolean;
  moveTo(stage: Stage): Promise<void>;
  openGuide(stage: StageInfo): void;
}

export function StageStepper({ stage, canMove, moveTo, openGuide }: StageStepperProps) {
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const index = Math.max(
    0,
    stages.findIndex((s) => s.id === stage),
  );
  const current = stages[index]!;
  const previous = stages[index - 1];
  const next = stages[index + 1];

  async function move(to: StageInfo) {
    setBusy(true);
    setError(null);
    try {
      await moveTo(to.id);
    } catch (failure) {
      setError(describeFailure(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="stage-heading">
      <h2 id="stage-heading">Stage</h2>
      <ol className={styles.steps} aria-label="Mentoring stages">
        {stages.map((s, i) => (
          <li
            key={s.id}
            aria-current={s.id === current.id ? 'step' : undefined}
            className={mergeClasses(styles.step, i < index && styles.done, s.id === current.id && styles.current)}
          >
            {i < index ? '✓ ' : ''}
            {s.title}
          </li>
        ))}
      </ol>
      <p className={styles.hint}>
        <strong>{current.title}:</strong> {current.hint}{' '}
        <Link href={`#${current.guideSection}`} onClick={(event) => {
            event.preventDefault();
            openGuide(current);
          }}>
          Read the guide for this stage
        </Link>
      </p>
      {canMove && (
        <div className={styles.actions}>
          {previous && (
            <Button disabled={busy} onClick={() => void move(previous)}>
              Back to {previous.title}
            </Button>
          )}
          {next && (
            <Button appearance="primary" disabled={busy} onClick={() => void move(next)}>
              Move on to {next.title}
            </Button>
          )}
        </div>
      )}
      <ErrorNote message={error} />
    </section>
  );
}
