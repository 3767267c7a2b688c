/**
 * Matching review: start a run, follow it while it works, compare its three
 * drafts side by side, try other question weights (a new run, nothing saved),
 * and publish the draft that suits the program: its proposals go out.
 */
import { useCallback, useEffect, useState } from 'react';
import { Button, ProgressBar, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { AdminClient } from '../../api/adminClient';
import type { Objective, Program, PublishOutcome, Run, RunSummary } from '../../api/adminTypes';
import { describeFailure } from '../../api/apiError';
import { ErrorNote } from '../../shell/ErrorNote';
import { day } from '../format';
import { ObjectiveComparisonTable } from './ObjectiveComparisonTable';
import { DraftDetails } from './DraftDetails';
import { objectiveWords, progressWords } from './objectiveWords';
import { WeightsEditor, programWeights } from './WeightsEditor';

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center', margin: `${tokens.spacingVerticalS} 0` },
});

/** How often a running run is asked for its progress. */
export const POLL_MS = 1000;

export function MatchingReview({ client, program }: { client: AdminClient; program: Program }) {
  const styles = useStyles();
  const [run, setRun] = useState<Run | RunSummary | null | undefined>(undefined);
  const [weights, setWeights] = useState<Record<string, number>>(() => programWeights(program));
  const [shown, setShown] = useState<Objective>('max-matched');
  const [published, setPublished] = useState<PublishOutcome | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  // The latest run, so coming back to this section shows where matching stands.
  useEffect(() => {
    client.runs(program.id).then(async (runs) => {
      const latest = runs[0];
      setRun(latest ? await client.run(program.id, latest.id) : null);
    }, setError);
  }, [client, program.id]);

  const running = run?.status === 'running';
  useEffect(() => {
    if (!running || !run) return;
    const timer = setTimeout(() => {
      client.run(program.id, run.id).then(setRun, setError);
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [client, program.id, run, running]);

  const start = useCallback(
    async (withWeights: boolean) => {
      setBusy(true);
      setError(null);
      setPublished(null);
      try {
        const changed = Object.entries(weights).filter(([id, w]) => w !== programWeights(program)[id]);
        const started = await client.startRun(program.id, withWeights && changed.length > 0 ? Object.fromEntries(changed) : undefined);
        setRun(started.status === 'running' ? started : await client.run(program.id, started.id));
      } catch (failure) {
        setError(failure);
      } finally {
        setBusy(false);
      }
    },
    [client, program, weights],
  );

  async function publish(objective: Objective) {
    if (!run) return;
    setBusy(true);
    setError(null);
    try {
      const outcome = await client.publish(program.id, run.id, objective);
      setPublished(outcome);
      setRun(await client.run(program.id, run.id));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  const full = run && 'comparison' in run ? run : null;
  return (
    <section aria-labelledby="matching-heading">
      <h2 id="matching-heading">Matching</h2>
      <p>
        A run finds three drafts, each best by a different measure. Nobody hears anything until you publish one: then each matched
        mentee and mentor is asked to accept.
      </p>
      <div className={styles.bar}>
        <Button appearance="primary" disabled={busy || running} onClick={() => void start(false)}>
          Start a matching run
        </Button>
      </div>
      <ErrorNote message={error ? describeFailure(error) : null} />
      {run === undefined && !error && <Spinner label="Loading the latest run…" />}
      {run === null && <p>No run yet.</p>}
      {run && running && (
        <div role="status" aria-live="polite">
          <p>{progressWords(run.progress)}</p>
          <ProgressBar
            value={run.progress ? (run.progress.stage === 'solving' ? 0.5 + (0.5 * run.progress.objectivesSolved) / Math.max(1, run.progress.objectives) : run.progress.stage === 'scoring' ? 0.25 : 0.05) : 0}
            aria-label="Matching progress"
          />
        </div>
      )}
      {run?.status === 'failed' && <p role="alert">This run failed: {run.error ?? 'no reason was recorded'}. Start a new run.</p>}
      {published && (
        <p role="status">
          Published “{objectiveWords[published.run.publishedObjective ?? shown].title}”: {published.proposed} proposal
          {published.proposed === 1 ? '' : 's'} sent.
          {published.skipped.length > 0 && ` Skipped: ${published.skipped.map((s) => `${s.menteeName} (${s.reason})`).join('; ')}.`}
        </p>
      )}
      {full && (full.status === 'draft' || full.status === 'published') && (
        <>
          <p>
            Run of {day(full.createdAt)}: {full.pool.mentees} mentees waiting, {full.pool.mentors} mentors with room
            {full.weights ? ', with the weights you tried' : ''}.
            {full.pool.pruning
              ? ` A large pool: each mentee’s ${full.pool.pruning.keptPerMentee} best candidates were kept.`
              : ''}
            {full.status === 'published' && full.publishedObjective
              ? ` Published “${objectiveWords[full.publishedObjective].title}” on ${day(full.publishedAt)}.`
              : ''}
          </p>
          <ObjectiveComparisonTable
            run={full}
            shown={shown}
            show={setShown}
            publish={full.status === 'draft' ? (objective) => void publish(objective) : null}
            busy={busy}
          />
          <DraftDetails run={full} objective={shown} />
        </>
      )}
      <WeightsEditor program={program} weights={weights} change={setWeights} preview={() => void start(true)} busy={busy || running} />
    </section>
  );
}
