/**
 * One participant: their answers (sensitive ones stay hidden), their match,
 * proposals and activity, and what an admin can do: pause, resume, withdraw,
 * re-match a mentee, or pair them by hand.
 */
import { useCallback, useEffect, useState } from 'react';
import { Button, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { AdminClient } from '../../api/adminClient';
import type { ParticipantAction, ParticipantProfile, Program } from '../../api/adminTypes';
import { describeFailure } from '../../api/apiError';
import { ErrorNote } from '../../shell/ErrorNote';
import { day, decimal } from '../format';
import { ManualPairing } from './ManualPairing';
import { matchWords, roleWords, statusWords } from './participantWords';

const useStyles = makeStyles({
  panel: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
  },
  answers: { margin: 0, display: 'grid', gridTemplateColumns: 'minmax(8rem, 1fr) 2fr', gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}` },
  term: { color: tokens.colorNeutralForeground2 },
  detail: { margin: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, margin: `${tokens.spacingVerticalS} 0` },
});

const actionWords: Record<ParticipantAction, string> = { pause: 'Pause', resume: 'Resume', withdraw: 'Withdraw' };

export function ParticipantProfilePanel(props: { client: AdminClient; program: Program; personId: string; changed(): void }) {
  const { client, program, personId, changed } = props;
  const styles = useStyles();
  const [profile, setProfile] = useState<ParticipantProfile | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirmWithdraw, setConfirmWithdraw] = useState(false);

  const reload = useCallback(() => client.participant(program.id, personId).then(setProfile, setError), [client, program.id, personId]);
  useEffect(() => {
    void reload();
  }, [reload]);

  async function act(run: () => Promise<string>) {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      setNotice(await run());
      await reload();
      changed();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
      setConfirmWithdraw(false);
    }
  }

  if (!profile) return error ? <ErrorNote message={describeFailure(error)} /> : <Spinner label="Loading the profile…" />;
  const p = profile.participant;
  const isMentee = p.role !== 'mentor';
  const action = (a: ParticipantAction) => (
    <Button
      disabled={busy}
      onClick={() =>
        a === 'withdraw' && !confirmWithdraw
          ? setConfirmWithdraw(true)
          : void act(async () => {
              const after = await client.participantAction(program.id, personId, a);
              return `${after.name} is now ${statusWords[after.status].toLowerCase()}.`;
            })
      }
    >
      {a === 'withdraw' && confirmWithdraw ? `Yes, withdraw ${p.name}` : actionWords[a]}
    </Button>
  );

  return (
    <section className={styles.panel} aria-labelledby="profile-heading">
      <h3 id="profile-heading">{p.name}</h3>
      <p>
        {roleWords[p.role]} · {statusWords[p.status]} · registered {day(p.registeredAt)}
        {p.mentorCapacity !== null ? ` · takes up to ${p.mentorCapacity} mentee${p.mentorCapacity === 1 ? '' : 's'}` : ''}
      </p>
      <p>{matchWords(p)}</p>
      <div className={styles.actions} role="group" aria-label={`Actions for ${p.name}`}>
        {p.status === 'active' && action('pause')}
        {p.status === 'paused' && action('resume')}
        {p.status !== 'withdrawn' && action('withdraw')}
        {isMentee && p.status === 'active' && (
          <Button
            disabled={busy}
            onClick={() =>
              void act(async () => {
                const r = await client.rematch(program.id, personId);
                const ended = r.ended ? `The pair with ${r.ended.mentorName} has ended. ` : '';
                const proposed = r.proposal
                  ? `${r.proposal.mentorName} is proposed (score ${decimal(r.proposal.score)}).`
                  : (r.note ?? 'No other mentor could be proposed.');
                return ended + proposed;
              })
            }
          >
            Re-match
          </Button>
        )}
      </div>
      {notice && <p role="status">{notice}</p>}
      <ErrorNote message={error ? describeFailure(error) : null} />

      <h4>Answers</h4>
      <dl className={styles.answers}>
        {profile.answers.map((a) => (
          <div key={a.questionId} style={{ display: 'contents' }}>
            <dt className={styles.term}>{a.label}</dt>
            <dd className={styles.detail}>{a.hidden ? 'Private: used for matching only' : (a.answer ?? 'Not answered')}</dd>
          </div>
        ))}
      </dl>

      <h4>Activity</h4>
      <p>
        Sessions: {profile.sessions.held} held, {profile.sessions.scheduled} scheduled, {profile.sessions.missed} missed,{' '}
        {profile.sessions.cancelled} cancelled. Ratings: {profile.ratings.count}
        {profile.ratings.average !== null ? ` (average ${decimal(profile.ratings.average)})` : ''}.
      </p>
      {profile.openFlags.length > 0 && (
        <ul aria-label="Open flags">
          {profile.openFlags.map((f) => (
            <li key={f.id}>
              {f.reason} since {day(f.raisedAt)}
            </li>
          ))}
        </ul>
      )}
      {profile.relationships.length > 0 && (
        <>
          <h4>Pairs</h4>
          <ul>
            {profile.relationships.map((r) => (
              <li key={r.relationshipId}>
                {r.as === 'mentee' ? `Mentored by ${r.name}` : `Mentors ${r.name}`} · {r.status} · since {day(r.startedAt)}
                {r.endedAt ? `, ended ${day(r.endedAt)}` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
      {profile.proposals.length > 0 && (
        <>
          <h4>Proposals</h4>
          <ul>
            {profile.proposals.map((x) => (
              <li key={x.proposalId}>
                {x.as === 'mentee' ? `Mentor ${x.otherName}` : `Mentee ${x.otherName}`} · {x.status} · score {decimal(x.score)}
              </li>
            ))}
          </ul>
        </>
      )}
      {p.status === 'active' && (
        <ManualPairing client={client} program={program} participant={p} paired={(words) => void act(async () => words)} />
      )}
    </section>
  );
}
