/**
 * Pairing by hand: choose the other person, see the pair's score and why
 * (or which of the program's rules exclude it), then propose it. A pair the
 * rules exclude can still be proposed, deliberately, with the override.
 */
import { useEffect, useState } from 'react';
import { Button, Checkbox, Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import type { AdminClient } from '../../api/adminClient';
import type { PairPreview, Participant, Program } from '../../api/adminTypes';
import { describeFailure } from '../../api/apiError';
import { ErrorNote } from '../../shell/ErrorNote';
import { decimal } from '../format';

const useStyles = makeStyles({
  box: { borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, marginTop: tokens.spacingVerticalM },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'end' },
});

export function ManualPairing(props: { client: AdminClient; program: Program; participant: Participant; paired(words: string): void }) {
  const { client, program, participant, paired } = props;
  const styles = useStyles();
  // A mentor is paired with a mentee and the other way round; someone registered as both is paired as a mentee here.
  const asMentor = participant.role === 'mentor';
  const [others, setOthers] = useState<Participant[]>([]);
  const [otherId, setOtherId] = useState('');
  const [preview, setPreview] = useState<PairPreview | null>(null);
  const [override, setOverride] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    client
      .participants(program.id, { role: asMentor ? 'mentee' : 'mentor', status: 'active', limit: 200 })
      .then((found) => setOthers(found.participants.filter((o) => o.personId !== participant.personId)), setError);
  }, [client, program.id, asMentor, participant.personId]);

  const pairOf = (otherPersonId: string) =>
    asMentor
      ? { menteePersonId: otherPersonId, mentorPersonId: participant.personId }
      : { menteePersonId: participant.personId, mentorPersonId: otherPersonId };

  useEffect(() => {
    setPreview(null);
    setOverride(false);
    setError(null);
    if (!otherId) return;
    const { menteePersonId, mentorPersonId } = pairOf(otherId);
    let current = true;
    client.previewPairing(program.id, menteePersonId, mentorPersonId).then(
      (found) => current && setPreview(found),
      (failure: unknown) => current && setError(failure),
    );
    return () => {
      current = false;
    };
    // pairOf depends only on the participant, which keys this component.
  }, [client, program.id, otherId]);

  async function propose() {
    if (!preview) return;
    setBusy(true);
    setError(null);
    try {
      const { menteePersonId, mentorPersonId } = pairOf(otherId);
      const made = await client.pair(program.id, menteePersonId, mentorPersonId, override);
      setOtherId('');
      paired(`Proposed ${made.mentor.name} as ${made.mentee.name}’s mentor. Both have been asked.`);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  const excluded = (preview?.exclusions.length ?? 0) > 0;
  return (
    <section className={styles.box} aria-labelledby="manual-pairing-heading">
      <h4 id="manual-pairing-heading">Pair by hand</h4>
      <div className={styles.row}>
        <Field label={asMentor ? 'Mentee' : 'Mentor'}>
          <Select value={otherId} onChange={(_, d) => setOtherId(d.value)}>
            <option value="">Choose…</option>
            {others.map((o) => (
              <option key={o.personId} value={o.personId}>
                {o.name}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {preview && (
        <div aria-live="polite">
          <p>
            <strong>Score {preview.score === null ? '—' : decimal(preview.score)}</strong>
            {preview.reasons.forMentee.length > 0 ? `: ${preview.reasons.forMentee.join(' · ')}` : ''}
          </p>
          {excluded && (
            <>
              <p>The program’s rules exclude this pair: {preview.exclusions.map((e) => e.words).join('; ')}.</p>
              <Checkbox label="Propose it anyway" checked={override} onChange={(_, d) => setOverride(d.checked === true)} />
            </>
          )}
          <Button appearance="primary" disabled={busy || (excluded && !override)} onClick={() => void propose()}>
            Propose this pair
          </Button>
        </div>
      )}
      <ErrorNote message={error ? describeFailure(error) : null} />
    </section>
  );
}
