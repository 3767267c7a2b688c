/** One question of the questionnaire: its wording, type, options, who answers it and how matching uses it. */
import { Button, Checkbox, Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import type { Audience, ChoiceOption, MatchingRuleName, Question, QuestionType } from '../../api/adminTypes';
import { audienceWords, questionTypeWords, ruleWords, rulesFor, withRule, withType } from './questionDefaults';

const useStyles = makeStyles({
  question: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    margin: 0,
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(12rem, 1fr))',
    gap: tokens.spacingVerticalS + ' ' + tokens.spacingHorizontalM,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
  wide: { gridColumn: '1 / -1' },
  options: { listStyleType: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  option: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'end' },
  tools: { gridColumn: '1 / -1', display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export interface QuestionEditorProps {
  question: Question;
  index: number;
  count: number;
  all: Question[];
  /** Problems by field within this question ("label", "options.1.value", "matching.counterpart"). */
  problems: Record<string, string>;
  change(next: Question): void;
  move(by: -1 | 1): void;
  remove(): void;
}

export function QuestionEditor({ question: q, index, count, all, problems, change, move, remove }: QuestionEditorProps) {
  const styles = useStyles();
  const n = index + 1;
  const problem = (field: string) => problems[field] ?? Object.entries(problems).find(([f]) => f.startsWith(`${field}.`))?.[1];
  const optional = (text: string) => (text.trim() === '' ? undefined : text);
  const setOption = (i: number, next: Partial<ChoiceOption>) =>
    change({ ...q, options: (q.options ?? []).map((o, j) => (j === i ? { ...o, ...next } : o)) });
  const numberOr = (text: string, fallback: number) => (text.trim() === '' || Number.isNaN(Number(text)) ? fallback : Number(text));

  return (
    <fieldset className={styles.question} aria-label={`Question ${n}`}>
      <legend className={styles.legend}>
        Question {n}: {q.label}
      </legend>
      <Field className={styles.wide} label="Question" validationMessage={problem('label')}>
        <Input value={q.label} onChange={(_, d) => change({ ...q, label: d.value })} />
      </Field>
      <Field label="Id" hint="Stays the same once people answer." validationMessage={problem('id')}>
        <Input value={q.id} onChange={(_, d) => change({ ...q, id: d.value })} />
      </Field>
      <Field label="Type" validationMessage={problem('type')}>
        <Select value={q.type} onChange={(_, d) => change(withType(q, d.value as QuestionType))}>
          {Object.entries(questionTypeWords).map(([value, words]) => (
            <option key={value} value={value}>
              {words}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Who answers" validationMessage={problem('audience')}>
        <Select value={q.audience} onChange={(_, d) => change({ ...q, audience: d.value as Audience })}>
          {Object.entries(audienceWords).map(([value, words]) => (
            <option key={value} value={value}>
              {words}
            </option>
          ))}
        </Select>
      </Field>
      <Field validationMessage={problem('required') ?? problem('sensitive')}>
        <Checkbox label="Required" checked={q.required} onChange={(_, d) => change({ ...q, required: d.checked === true })} />
        <Checkbox
          label="Sensitive (never shown to the other person)"
          checked={q.sensitive ?? false}
          onChange={(_, d) => change({ ...q, sensitive: d.checked === true ? true : undefined })}
        />
      </Field>
      <Field className={styles.wide} label="Help text" validationMessage={problem('help')}>
        <Input value={q.help ?? ''} onChange={(_, d) => change({ ...q, help: optional(d.value) })} />
      </Field>
      {q.options && (
        <Field className={styles.wide} label="Options" validationMessage={problem('options')}>
          <ol className={styles.options}>
            {q.options.map((o, i) => (
              <li key={i} className={styles.option}>
                <Field label={`Option ${i + 1} text`} validationMessage={problems[`options.${i}.title`]}>
                  <Input value={o.title} onChange={(_, d) => setOption(i, { title: d.value })} />
                </Field>
                <Field label={`Option ${i + 1} value`} validationMessage={problems[`options.${i}.value`]}>
                  <Input value={o.value} onChange={(_, d) => setOption(i, { value: d.value })} />
                </Field>
                <Button
                  aria-label={`Remove option ${i + 1}`}
                  onClick={() => change({ ...q, options: (q.options ?? []).filter((_, j) => j !== i) })}
                >
                  Remove
                </Button>
              </li>
            ))}
          </ol>
          <div>
            <Button
              onClick={() => {
                const options = q.options ?? [];
                change({ ...q, options: [...options, { value: `option-${options.length + 1}`, title: `Option ${options.length + 1}` }] });
              }}
            >
              Add option
            </Button>
          </div>
        </Field>
      )}
      {q.type === 'multi-choice' && (
        <Field label="Most choices" hint="Empty: no limit." validationMessage={problem('maxChoices')}>
          <Input
            type="number"
            value={q.maxChoices === undefined ? '' : String(q.maxChoices)}
            onChange={(_, d) => change({ ...q, maxChoices: d.value === '' ? undefined : numberOr(d.value, 1) })}
          />
        </Field>
      )}
      {q.type === 'number' && (
        <>
          <Field label="Lowest" validationMessage={problem('min')}>
            <Input type="number" value={String(q.min ?? '')} onChange={(_, d) => change({ ...q, min: numberOr(d.value, 0) })} />
          </Field>
          <Field label="Highest" validationMessage={problem('max')}>
            <Input type="number" value={String(q.max ?? '')} onChange={(_, d) => change({ ...q, max: numberOr(d.value, 0) })} />
          </Field>
        </>
      )}
      <Field label="Matching rule" validationMessage={problem('matching.rule')}>
        <Select value={q.matching.rule} onChange={(_, d) => change(withRule(q, d.value as MatchingRuleName, all))}>
          {rulesFor[q.type].map((rule) => (
            <option key={rule} value={rule}>
              {ruleWords[rule]}
            </option>
          ))}
        </Select>
      </Field>
      {q.matching.rule !== 'none' && (
        <Field label="Weight" hint="0 to 10: how much this question counts." validationMessage={problem('matching.weight')}>
          <Input
            type="number"
            min={0}
            max={10}
            value={String(q.matching.weight)}
            onChange={(_, d) => change({ ...q, matching: { ...q.matching, weight: numberOr(d.value, 0) } as Question['matching'] })}
          />
        </Field>
      )}
      {q.matching.rule === 'wants-offers' && (
        <Field label="The mentor's question" validationMessage={problem('matching.counterpart')}>
          <Select
            value={q.matching.counterpart}
            onChange={(_, d) => change({ ...q, matching: { ...q.matching, counterpart: d.value } as Question['matching'] })}
          >
            <option value="">Choose…</option>
            {all
              .filter((o) => o.id !== q.id)
              .map((o) => (
                <option key={o.id} value={o.id}>
                  {o.label}
                </option>
              ))}
          </Select>
        </Field>
      )}
      {q.matching.rule === 'distance' && (
        <>
          <Field label="Ideal difference" validationMessage={problem('matching.ideal')}>
            <Input
              type="number"
              value={String(q.matching.ideal)}
              onChange={(_, d) => change({ ...q, matching: { ...q.matching, ideal: numberOr(d.value, 0) } as Question['matching'] })}
            />
          </Field>
          <Field label="Tolerance" validationMessage={problem('matching.tolerance')}>
            <Input
              type="number"
              value={String(q.matching.tolerance)}
              onChange={(_, d) => change({ ...q, matching: { ...q.matching, tolerance: numberOr(d.value, 0) } as Question['matching'] })}
            />
          </Field>
        </>
      )}
      <div className={styles.tools}>
        <Button size="small" disabled={index === 0} onClick={() => move(-1)} aria-label={`Move question ${n} up`}>
          Move up
        </Button>
        <Button size="small" disabled={index === count - 1} onClick={() => move(1)} aria-label={`Move question ${n} down`}>
          Move down
        </Button>
        <Button size="small" onClick={remove} aria-label={`Remove question ${n}`}>
          Remove
        </Button>
      </div>
    </fieldset>
  );
}
