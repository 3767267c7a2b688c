/**
 * A program's settings, for a new program (program null) or an existing one:
 * type, cohort or evergreen with dates, matching mode, rhythm, capacity,
 * reminders and admins. The server checks everything again and names the
 * field it refuses; the form shows the refusal beside that field.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { Button, Field, Input, Select, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import type { AdminClient } from '../../api/adminClient';
import type { MatchingMode, Participant, Program, ProgramChanges, ProgramShape, ProgramType } from '../../api/adminTypes';
import { ErrorNote } from '../../shell/ErrorNote';
import { minutesInWords, parseOffsets } from '../format';
import { fieldProblems } from '../problems';
import { matchingModeWords, programTypeWords, shapeWords } from './programWords';

const useStyles = makeStyles({
  form: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(16rem, 1fr))', gap: tokens.spacingVerticalM + ' ' + tokens.spacingHorizontalL },
  wide: { gridColumn: '1 / -1' },
  admins: { listStyleType: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  admin: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  saved: { color: tokens.colorPaletteGreenForeground1 },
});

/** What the form holds: text as typed, turned into numbers only when saving. */
interface Draft {
  name: string;
  description: string;
  type: ProgramType;
  shape: ProgramShape;
  startsOn: string;
  endsOn: string;
  matchingMode: MatchingMode;
  cadenceDays: string;
  sessionMinutes: string;
  mentorCapacityDefault: string;
  reminderOffsets: string;
  ratingDelayMinutes: string;
  maxTimeZoneGapHours: string;
  proposalExpiryDays: string;
}

const DEFAULTS: Draft = {
  name: '',
  description: '',
  type: 'one-to-one',
  shape: 'evergreen',
  startsOn: '',
  endsOn: '',
  matchingMode: 'algorithm',
  cadenceDays: '30',
  sessionMinutes: '60',
  mentorCapacityDefault: '2',
  reminderOffsets: '1 day, 15 min',
  ratingDelayMinutes: '5',
  maxTimeZoneGapHours: '6',
  proposalExpiryDays: '3',
};

function draftOf(p: Program): Draft {
  return {
    name: p.name,
    description: p.description,
    type: p.type,
    shape: p.shape,
    startsOn: p.startsOn ?? '',
    endsOn: p.endsOn ?? '',
    matchingMode: p.matchingMode,
    cadenceDays: String(p.cadenceDays),
    sessionMinutes: String(p.sessionMinutes),
    mentorCapacityDefault: String(p.mentorCapacityDefault),
    reminderOffsets: p.reminderOffsetsMinutes.map(minutesInWords).join(', '),
    ratingDelayMinutes: String(p.ratingDelayMinutes),
    maxTimeZoneGapHours: p.maxTimeZoneGapHours === null ? '' : String(p.maxTimeZoneGapHours),
    proposalExpiryDays: String(p.proposalExpiryDays),
  };
}

const FORM_FIELDS = new Set([
  'name',
  'description',
  'type',
  'shape',
  'startsOn',
  'endsOn',
  'matchingMode',
  'cadenceDays',
  'sessionMinutes',
  'mentorCapacityDefault',
  'reminderOffsetsMinutes',
  'ratingDelayMinutes',
  'maxTimeZoneGapHours',
  'proposalExpiryDays',
  'adminPersonIds',
]);

export interface ProgramSettingsFormProps {
  client: AdminClient;
  program: Program | null;
  saved(program: Program): void;
}

export function ProgramSettingsForm({ client, program, saved }: ProgramSettingsFormProps) {
  const styles = useStyles();
  const [draft, setDraft] = useState<Draft>(() => (program ? draftOf(program) : DEFAULTS));
  const [admins, setAdmins] = useState(program?.admins ?? []);
  const [candidates, setCandidates] = useState<Participant[]>([]);
  const [addAdmin, setAddAdmin] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [localProblems, setLocalProblems] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  // New admins are picked from the program's participants: the people Tandem knows in it.
  useEffect(() => {
    if (!program) return;
    client.participants(program.id, { limit: 200 }).then(
      (found) => setCandidates(found.participants),
      () => setCandidates([]),
    );
  }, [client, program]);

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setDone(false);
  };
  const problems = fieldProblems(error, (field) => FORM_FIELDS.has(field.split('.')[0] ?? ''));
  const problem = (field: string) =>
    localProblems[field] ?? problems.byField[field] ?? Object.entries(problems.byField).find(([f]) => f.startsWith(`${field}.`))?.[1];

  function changes(): ProgramChanges | undefined {
    const local: Record<string, string> = {};
    const number = (field: keyof Draft & keyof ProgramChanges, text: string): number => {
      const n = Number(text.trim());
      if (text.trim() === '' || !Number.isInteger(n)) local[field] = 'Enter a whole number.';
      return n;
    };
    const offsets = parseOffsets(draft.reminderOffsets);
    if (!offsets) local.reminderOffsetsMinutes = 'Write each reminder as a time before the session, e.g. “1 day, 2 h, 15 min”.';
    const body: ProgramChanges = {
      name: draft.name,
      description: draft.description,
      type: draft.type,
      shape: draft.shape,
      startsOn: draft.shape === 'cohort' ? draft.startsOn || null : null,
      endsOn: draft.shape === 'cohort' ? draft.endsOn || null : null,
      matchingMode: draft.matchingMode,
      cadenceDays: number('cadenceDays', draft.cadenceDays),
      sessionMinutes: number('sessionMinutes', draft.sessionMinutes),
      mentorCapacityDefault: number('mentorCapacityDefault', draft.mentorCapacityDefault),
      reminderOffsetsMinutes: offsets ?? [],
      ratingDelayMinutes: number('ratingDelayMinutes', draft.ratingDelayMinutes),
      maxTimeZoneGapHours: draft.maxTimeZoneGapHours.trim() === '' ? null : number('maxTimeZoneGapHours', draft.maxTimeZoneGapHours),
      proposalExpiryDays: number('proposalExpiryDays', draft.proposalExpiryDays),
    };
    if (!draft.name.trim()) local.name = 'Give the program a name.';
    if (draft.shape === 'cohort' && !draft.startsOn) local.startsOn = 'A cohort needs a start date.';
    if (draft.shape === 'cohort' && !draft.endsOn) local.endsOn = 'A cohort needs an end date.';
    setLocalProblems(local);
    if (Object.keys(local).length > 0) return undefined;
    if (program) body.adminPersonIds = admins.map((a) => a.personId);
    return body;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const body = changes();
    if (!body) return;
    setBusy(true);
    try {
      const result = program ? await client.updateProgram(program.id, body) : await client.createProgram({ ...body, name: draft.name });
      setDone(true);
      saved(result);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  const text = (field: keyof Draft, label: string, hint?: string, type: 'text' | 'number' | 'date' = 'number') => (
    <Field label={label} hint={hint} validationMessage={problem(field === 'reminderOffsets' ? 'reminderOffsetsMinutes' : field)}>
      <Input type={type} value={draft[field]} onChange={(_, data) => set(field, data.value)} />
    </Field>
  );

  return (
    <form className={styles.form} onSubmit={(event) => void submit(event)} noValidate aria-label="Program settings">
      <Field className={styles.wide} label="Name" required validationMessage={problem('name')}>
        <Input value={draft.name} onChange={(_, data) => set('name', data.value)} />
      </Field>
      <Field className={styles.wide} label="Description" hint="Shown to people when they register." validationMessage={problem('description')}>
        <Textarea value={draft.description} onChange={(_, data) => set('description', data.value)} />
      </Field>
      <Field label="Type" validationMessage={problem('type')}>
        <Select value={draft.type} onChange={(_, data) => set('type', data.value as ProgramType)}>
          {Object.entries(programTypeWords).map(([value, words]) => (
            <option key={value} value={value}>
              {words}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Runs as" validationMessage={problem('shape')}>
        <Select value={draft.shape} onChange={(_, data) => set('shape', data.value as ProgramShape)}>
          {Object.entries(shapeWords).map(([value, words]) => (
            <option key={value} value={value}>
              {words}
            </option>
          ))}
        </Select>
      </Field>
      {draft.shape === 'cohort' && (
        <>
          {text('startsOn', 'Starts on', undefined, 'date')}
          {text('endsOn', 'Ends on', undefined, 'date')}
        </>
      )}
      <Field className={styles.wide} label="Matching" validationMessage={problem('matchingMode')}>
        <Select value={draft.matchingMode} onChange={(_, data) => set('matchingMode', data.value as MatchingMode)}>
          {Object.entries(matchingModeWords).map(([value, words]) => (
            <option key={value} value={value}>
              {words}
            </option>
          ))}
        </Select>
      </Field>
      {text('cadenceDays', 'Days between sessions', 'How often a pair is expected to meet (7–120).')}
      {text('sessionMinutes', 'Session length in minutes', '15–240.')}
      {text('mentorCapacityDefault', 'Mentees per mentor', 'Unless a mentor says otherwise (1–20).')}
      {text('reminderOffsets', 'Reminders before a session', 'Up to five, e.g. “1 day, 15 min”.', 'text')}
      {text('ratingDelayMinutes', 'Ask for a rating after (minutes)', 'After the session ends.')}
      {text('maxTimeZoneGapHours', 'Largest time-zone gap in hours', 'Leave empty for no limit.')}
      {text('proposalExpiryDays', 'Days to answer a proposal', '1–30.')}
      {program && (
        <Field className={styles.wide} label="Program admins" validationMessage={problem('adminPersonIds')}>
          <ul className={styles.admins}>
            {admins.length === 0 && <li>Only your organisation’s Tandem admins.</li>}
            {admins.map((a) => (
              <li key={a.personId} className={styles.admin}>
                <span>{a.name}</span>
                <Button size="small" onClick={() => setAdmins(admins.filter((x) => x.personId !== a.personId))} aria-label={`Remove ${a.name} as admin`}>
                  Remove
                </Button>
              </li>
            ))}
          </ul>
          <div className={styles.admin}>
            <Select aria-label="Add an admin" value={addAdmin} onChange={(_, data) => setAddAdmin(data.value)}>
              <option value="">Choose a participant…</option>
              {candidates
                .filter((c) => !admins.some((a) => a.personId === c.personId))
                .map((c) => (
                  <option key={c.personId} value={c.personId}>
                    {c.name}
                  </option>
                ))}
            </Select>
            <Button
              disabled={!addAdmin}
              onClick={() => {
                const person = candidates.find((c) => c.personId === addAdmin);
                if (person) setAdmins([...admins, { personId: person.personId, name: person.name }]);
                setAddAdmin('');
              }}
            >
              Add admin
            </Button>
          </div>
        </Field>
      )}
      <div className={styles.wide}>
        <ErrorNote message={problems.general} />
        <Button type="submit" appearance="primary" disabled={busy}>
          {program ? 'Save settings' : 'Create program'}
        </Button>{' '}
        {done && program && (
          <span role="status" className={styles.saved}>
            Saved.
          </span>
        )}
      </div>
    </form>
  );
}
