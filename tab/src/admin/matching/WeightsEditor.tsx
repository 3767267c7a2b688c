/** Question weights to try for a run: the program keeps its own; a run with other weights is a preview. */
import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import type { Program } from '../../api/adminTypes';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(14rem, 1fr))', gap: tokens.spacingHorizontalM },
  box: { marginTop: tokens.spacingVerticalXL },
});

export function programWeights(program: Program): Record<string, number> {
  return Object.fromEntries(program.questionnaire.questions.filter((q) => q.matching.rule !== 'none').map((q) => [q.id, q.matching.weight]));
}

export function WeightsEditor(props: {
  program: Program;
  weights: Record<string, number>;
  change(weights: Record<string, number>): void;
  preview(): void;
  busy: boolean;
}) {
  const { program, weights, change, preview, busy } = props;
  const styles = useStyles();
  const scored = program.questionnaire.questions.filter((q) => q.matching.rule !== 'none');
  if (scored.length === 0) return null;
  const own = programWeights(program);
  const changed = scored.some((q) => weights[q.id] !== own[q.id]);
  return (
    <section className={styles.box} aria-labelledby="weights-heading">
      <h3 id="weights-heading">Try other weights</h3>
      <p>How much each question counts, from 0 to 10. Changing them here starts a new run to compare; the program keeps its own.</p>
      <div className={styles.grid}>
        {scored.map((q) => (
          <Field key={q.id} label={q.label}>
            <Input
              type="number"
              min={0}
              max={10}
              value={String(weights[q.id] ?? '')}
              onChange={(_, d) => change({ ...weights, [q.id]: d.value === '' ? 0 : Math.min(10, Math.max(0, Number(d.value))) })}
            />
          </Field>
        ))}
      </div>
      <p>
        <Button disabled={busy || !changed} onClick={preview}>
          Preview with these weights
        </Button>{' '}
        <Button disabled={!changed} onClick={() => change(own)}>
          Back to the program’s weights
        </Button>
      </p>
    </section>
  );
}
