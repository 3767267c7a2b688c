/**
 * Pairs at risk, each with why and what the admin can do: resolve an open
 * flag once dealt with, nudge the pair (both get the nudge card now, at most
 * once a day, never outside their working hours: the notice says who was
 * not reached and from when they can be), or re-match the mentee (ends the
 * pair and proposes the next best mentor).
 */
import { useState } from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { AdminClient } from '../../api/adminClient';
import type { PairAtRisk } from '../../api/adminTypes';
import { describeFailure } from '../../api/apiError';
import { ErrorNote } from '../../shell/ErrorNote';
import { day } from '../format';
import { nudgeWords, riskWords } from './healthWords';

const useStyles = makeStyles({
  wrap: { overflowX: 'auto' },
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    '& th, & td': { padding: tokens.spacingHorizontalS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, textAlign: 'left', verticalAlign: 'top' },
  },
  reasons: { margin: 0, paddingLeft: '1.2em' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
});

export function PairsAtRisk(props: { client: AdminClient; programId: string; pairs: PairAtRisk[]; total: number; changed(): void }) {
  const { client, programId, pairs, total, changed } = props;
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);

  async function act(run: () => Promise<string>, refresh = true) {
    setBusy(true);
    setError(null);
    try {
      setNotice(await run());
      // A nudge changes no figure: the dashboard need not be read again.
      if (refresh) changed();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
      setConfirming(null);
    }
  }

  return (
    <section aria-labelledby="at-risk-heading">
      <h3 id="at-risk-heading">Pairs at risk</h3>
      {notice && <p role="status">{notice}</p>}
      <ErrorNote message={error ? describeFailure(error) : null} />
      {pairs.length === 0 ? (
        <p>No pair needs attention.</p>
      ) : (
        <div className={styles.wrap}>
          {total > pairs.length && <p>The {pairs.length} most pressing of {total} are listed.</p>}
          <table className={styles.table} aria-label="Pairs at risk">
            <thead>
              <tr>
                <th scope="col">Pair</th>
                <th scope="col">Why</th>
                <th scope="col">Last session</th>
                <th scope="col">What you can do</th>
              </tr>
            </thead>
            <tbody>
              {pairs.map((p) => (
                <tr key={p.relationshipId}>
                  <td>
                    {p.mentee.name} with {p.mentor.name}
                  </td>
                  <td>
                    <ul className={styles.reasons}>
                      {p.reasons.map((r) => (
                        <li key={`${r.reason}-${r.flagId ?? 'now'}`}>
                          {riskWords[r.reason]} (since {day(r.since)})
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>{p.lastHeldSessionAt ? day(p.lastHeldSessionAt) : 'None yet'}</td>
                  <td>
                    <div className={styles.actions}>
                      {p.actions.map((a) => {
                        if (a.kind === 'resolve-flag') {
                          const reason = p.reasons.find((r) => r.flagId === a.flagId)?.reason;
                          return (
                            <Button
                              key={a.flagId}
                              size="small"
                              disabled={busy}
                              onClick={() =>
                                void act(async () => {
                                  await client.resolveFlag(programId, a.flagId);
                                  return `Marked “${reason ? riskWords[reason] : 'flag'}” for ${p.mentee.name} and ${p.mentor.name} as dealt with.`;
                                })
                              }
                            >
                              Resolve “{reason ? riskWords[reason] : 'flag'}”
                            </Button>
                          );
                        }
                        if (a.kind === 'nudge-pair') {
                          return (
                            <Button
                              key="nudge-pair"
                              size="small"
                              disabled={busy}
                              onClick={() => void act(async () => nudgeWords(await client.nudgePair(programId, p.relationshipId)), false)}
                            >
                              Nudge both
                            </Button>
                          );
                        }
                        if (a.kind === 're-match') {
                          const asking = confirming === p.relationshipId;
                          return (
                            <Button
                              key="re-match"
                              size="small"
                              disabled={busy}
                              onClick={() =>
                                asking
                                  ? void act(async () => {
                                      const r = await client.rematch(programId, p.mentee.personId);
                                      return r.proposal
                                        ? `${p.mentee.name}’s pair has ended; ${r.proposal.mentorName} is proposed.`
                                        : `${p.mentee.name}’s pair has ended. ${r.note ?? 'No other mentor could be proposed yet.'}`;
                                    })
                                  : setConfirming(p.relationshipId)
                              }
                            >
                              {asking ? `Yes, end the pair and re-match ${p.mentee.name}` : 'Re-match'}
                            </Button>
                          );
                        }
                        return null;
                      })}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
