/**
 * The guided SMART goal form: what (specific), how it is measured, and by
 * when; achievable and relevant are prompts in the hints. Problems, ours or
 * the server's, appear under the field they are about.
 */
import { useId, useState, type FormEvent } from 'react';
import { Button, Field, Input, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import type { NewGoal } from '../api/types';
import { ApiError, describeFailure } from '../api/apiError';
import { ErrorNote } from '../shell/ErrorNote';
import { checkSmartGoal, localToday, toNewGoal, type SmartGoalDraft, type SmartGoalProblems } from './smartGoal';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '40rem' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

const EMPTY: SmartGoalDraft = { title: '', measure: '', targetDate: '' };

export interface GoalFormProps {
  save(goal: NewGoal): Promise<void>;
  cancel?: () => void;
  /** Injected so tests and people in any time zone agree on what "today" is. */
  today?: string;
}

export function GoalForm({ save, cancel, today = localToday() }: GoalFormProps) {
  const styles = useStyles();
  const headingId = useId();
  const [draft, setDraft] = useState<SmartGoalDraft>(EMPTY);
  const [problems, setProblems] = useState<SmartGoalProblems>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const change = (field: keyof SmartGoalDraft) => (value: string) => setDraft((d) => ({ ...d, [field]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const found = checkSmartGoal(draft, today);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await save(toNewGoal(draft));
      setDraft(EMPTY);
    } catch (error) {
      if (error instanceof ApiError && error.field && error.field in EMPTY) setProblems({ [error.field]: error.message });
      else setFailure(describeFailure(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className={styles.form} aria-labelledby={headingId} onSubmit={(event) => void submit(event)} noValidate>
      <h3 id={headingId}>A new goal</h3>
      <Field
        label="What do you want to achieve?"
        required
        hint="Specific and worth it to you: “Lead the team retrospective on my own”, not “get better at meetings”."
        validationMessage={problems.title}
      >
        <Input value={draft.title} onChange={(_, data) => change('title')(data.value)} />
      </Field>
      <Field
        label="How will you know you have got there?"
        required
        hint="Something you can count or see, and within reach: “Run three retros and ask the team for feedback”."
        validationMessage={problems.measure}
      >
        <Textarea value={draft.measure} onChange={(_, data) => change('measure')(data.value)} resize="vertical" />
      </Field>
      <Field label="By when?" hint="A date gives the goal a pace. You can change it later." validationMessage={problems.targetDate}>
        <Input type="date" min={today} value={draft.targetDate} onChange={(_, data) => change('targetDate')(data.value)} />
      </Field>
      <ErrorNote message={failure} />
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={busy}>
          Add goal
        </Button>
        {cancel && (
          <Button type="button" onClick={cancel}>
            Cancel
          </Button>
        )}
      </div>
    </form>
  );
}
