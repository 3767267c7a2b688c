/**
 * The questionnaire editor: every question editable, with the registration
 * card it gives shown beside it as people will see it. The card comes from
 * the server (the bot's own builder), asked again shortly after each change.
 */
import { useEffect, useMemo, useState } from 'react';
import { Button, Checkbox, Field, Select, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { ApiProblems, type AdminClient } from '../../api/adminClient';
import type { Program, Question, Questionnaire, QuestionnairePreview, RegistrationRole } from '../../api/adminTypes';
import { ApiError, describeFailure } from '../../api/apiError';
import { ErrorNote } from '../../shell/ErrorNote';
import { CardPreview } from './CardPreview';
import { newQuestion } from './questionDefaults';
import { QuestionEditor } from './QuestionEditor';
import { useDebounced } from './useDebounced';

const useStyles = makeStyles({
  layout: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXL, alignItems: 'flex-start' },
  questions: { flex: '1 1 30rem', minWidth: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  preview: { flex: '1 1 22rem', minWidth: 0, position: 'sticky', top: tokens.spacingVerticalM },
  bar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  saved: { color: tokens.colorPaletteGreenForeground1 },
  stale: { color: tokens.colorNeutralForeground2 },
});

/** How long typing must pause before the preview is asked for again. */
export const PREVIEW_DEBOUNCE_MS = 400;
const PREVIEW_RETRY_MS = 1000;

const roleWords: Record<RegistrationRole, string> = { mentee: 'a mentee', mentor: 'a mentor', both: 'someone who does both' };

/** "questionnaire.questions.2.options.0.value" → [2, "options.0.value"]. */
function questionField(field: string): [number, string] | undefined {
  const m = /^(?:questionnaire\.)?questions\.(\d+)\.(.+)$/.exec(field);
  return m ? [Number(m[1]), m[2]!] : undefined;
}

export function QuestionnaireEditor({ client, program, saved }: { client: AdminClient; program: Program; saved(program: Program): void }) {
  const styles = useStyles();
  const [questionnaire, setQuestionnaire] = useState<Questionnaire>(() => structuredClone(program.questionnaire));
  const [baseline, setBaseline] = useState(program.updatedAt);
  const [role, setRole] = useState<RegistrationRole>('mentee');
  const [preview, setPreview] = useState<QuestionnairePreview | null>(null);
  const [previewError, setPreviewError] = useState<unknown>(null);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [allowDropping, setAllowDropping] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  const settled = useDebounced(questionnaire, PREVIEW_DEBOUNCE_MS);
  useEffect(() => {
    let current = true;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const ask = (attempt: number) =>
      client.previewQuestionnaire(program.id, settled, role).then(
        (found) => {
          if (!current) return;
          setPreview(found);
          setPreviewError(null);
        },
        (failure: unknown) => {
          if (!current) return;
          // A dropped connection is worth one more try before the preview says so; a refusal is not.
          if (!(failure instanceof ApiError) && attempt === 0) retry = setTimeout(() => void ask(1), PREVIEW_RETRY_MS);
          else setPreviewError(failure);
        },
      );
    void ask(0);
    return () => {
      current = false;
      clearTimeout(retry);
    };
  }, [client, program.id, settled, role]);

  // Problems per question: what the last save refused, else what the preview found.
  const problems = useMemo(() => {
    const byQuestion = new Map<number, Record<string, string>>();
    const list =
      saveError instanceof ApiProblems
        ? saveError.problems
        : saveError instanceof ApiError && saveError.field
          ? [{ field: saveError.field, reason: saveError.message }]
          : previewError instanceof ApiError && previewError.field
            ? [{ field: previewError.field, reason: previewError.message }]
            : (preview?.problems ?? []);
    for (const p of list) {
      const at = questionField(p.field);
      if (!at) continue;
      const [index, field] = at;
      byQuestion.set(index, { [field]: p.reason, ...byQuestion.get(index) });
    }
    return byQuestion;
  }, [saveError, previewError, preview]);

  const edit = (next: Question[]) => {
    setQuestionnaire({ questions: next });
    setDone(false);
    setSaveError(null);
  };
  const questions = questionnaire.questions;
  const droppingRefused = saveError instanceof ApiError && /allowDroppingAnswers/.test(saveError.message);

  async function save() {
    setBusy(true);
    setSaveError(null);
    try {
      const next = await client.saveQuestionnaire(program.id, questionnaire, {
        expectedUpdatedAt: baseline,
        ...(allowDropping ? { allowDroppingAnswers: true } : {}),
      });
      setBaseline(next.updatedAt);
      setAllowDropping(false);
      setDone(true);
      saved(next);
    } catch (failure) {
      setSaveError(failure);
    } finally {
      setBusy(false);
    }
  }

  const unplaced = (() => {
    if (!saveError) return null;
    if (saveError instanceof ApiProblems) {
      const rest = saveError.problems.filter((p) => !questionField(p.field));
      return rest.length > 0 ? rest.map((p) => p.reason).join(' ') : 'Please check the questions marked below.';
    }
    return describeFailure(saveError);
  })();

  return (
    <section aria-labelledby="questionnaire-heading">
      <h2 id="questionnaire-heading">Questionnaire</h2>
      <p>What people answer when they register. Changes show in the preview; people see them once you save.</p>
      <div className={styles.layout}>
        <div className={styles.questions}>
          {questions.map((q, i) => (
            <QuestionEditor
              key={i}
              question={q}
              index={i}
              count={questions.length}
              all={questions}
              problems={problems.get(i) ?? {}}
              change={(next) => edit(questions.map((x, j) => (j === i ? next : x)))}
              move={(by) => {
                const next = [...questions];
                const [moved] = next.splice(i, 1);
                next.splice(i + by, 0, moved!);
                edit(next);
              }}
              remove={() => edit(questions.filter((_, j) => j !== i))}
            />
          ))}
          <div className={styles.bar}>
            <Button onClick={() => edit([...questions, newQuestion(questions)])}>Add a question</Button>
            <Button appearance="primary" disabled={busy} onClick={() => void save()}>
              Save questionnaire
            </Button>
            {done && (
              <span role="status" className={styles.saved}>
                Saved. New registrations use it now.
              </span>
            )}
          </div>
          <ErrorNote message={unplaced} />
          {droppingRefused && (
            <Checkbox
              label="Remove or change answered questions anyway (the answers are kept, but registration and matching stop reading them)"
              checked={allowDropping}
              onChange={(_, d) => setAllowDropping(d.checked === true)}
            />
          )}
        </div>
        <aside className={styles.preview} aria-labelledby="preview-heading">
          <h3 id="preview-heading">Preview</h3>
          <Field label="Show the card for">
            <Select value={role} onChange={(_, d) => setRole(d.value as RegistrationRole)}>
              {Object.entries(roleWords).map(([value, words]) => (
                <option key={value} value={value}>
                  {words}
                </option>
              ))}
            </Select>
          </Field>
          {previewError !== null && (
            <p role="alert" className={styles.stale}>
              {preview ? 'The preview shows the last version that could be drawn. ' : ''}
              {describeFailure(previewError)}
              {previewError instanceof ApiError && previewError.field ? ` (${previewError.field})` : ''}
            </p>
          )}
          {preview ? (
            <CardPreview card={preview.card} label={`Registration card for ${roleWords[preview.role]}`} />
          ) : (
            !previewError && <Spinner label="Drawing the card…" />
          )}
        </aside>
      </div>
    </section>
  );
}
