/**
 * The meeting side panel: the pair's next agenda and its goals, narrow enough
 * for Teams' side panel (320 px). The pair is the one in the address
 * (?relationship=), the only active one, or the one picked here.
 */
import { useEffect, useState } from 'react';
import { Field, Select, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { ApiClient } from '../api/apiClient';
import type { Relationship } from '../api/types';
import { describeFailure } from '../api/apiError';
import { stages } from '../content/stages';
import { AgendaEditor } from '../pairs/AgendaEditor';
import { GoalCard } from '../pairs/GoalCard';
import { describePair } from '../pairs/PairList';
import { usePairView } from '../pairs/usePairView';
import { ErrorNote } from '../shell/ErrorNote';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '28rem' },
});

export function SidePanel({ api, relationshipId }: { api: ApiClient; relationshipId?: string }) {
  const styles = useStyles();
  const [pairs, setPairs] = useState<Relationship[] | null>(null);
  const [chosen, setChosen] = useState<string | undefined>(relationshipId);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    api.relationships().then((found) => {
      setPairs(found);
      const active = found.filter((r) => r.status === 'active');
      setChosen((current) => current ?? (active.length === 1 ? active[0]!.id : undefined));
    }, setError);
  }, [api]);

  if (!pairs) return error ? <ErrorNote message={describeFailure(error)} /> : <Spinner label="Loading…" />;
  return (
    <div className={styles.panel}>
      {pairs.length === 0 && <p>You are not in a mentoring pair yet.</p>}
      {pairs.length > 1 && (
        <Field label="Pair">
          <Select value={chosen ?? ''} onChange={(_, data) => setChosen(data.value || undefined)}>
            <option value="">Choose a pair…</option>
            {pairs.map((r) => (
              <option key={r.id} value={r.id}>
                {describePair(r)}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {chosen && <SidePanelPair key={chosen} api={api} relationshipId={chosen} />}
    </div>
  );
}

function SidePanelPair({ api, relationshipId }: { api: ApiClient; relationshipId: string }) {
  const { view, error, reload } = usePairView(api, relationshipId);
  if (!view) return error ? <ErrorNote message={describeFailure(error)} /> : <Spinner label="Loading your pair…" />;
  const stage = stages.find((s) => s.id === view.relationship.stage);
  return (
    <>
      <p>
        {describePair(view.relationship)} · {stage?.title}
      </p>
      {view.nextSession ? (
        <AgendaEditor api={api} session={view.nextSession} stage={view.relationship.stage} changed={reload} />
      ) : (
        <p>No upcoming session: its agenda appears here once one is booked.</p>
      )}
      <section aria-labelledby="side-goals-heading">
        <h2 id="side-goals-heading">Goals</h2>
        {view.goals.length === 0 && <p>No goals yet. Add them in the My mentoring tab.</p>}
        {view.goals.map((goal) => (
          <GoalCard key={goal.id} api={api} goal={goal} changed={reload} compact />
        ))}
      </section>
    </>
  );
}
