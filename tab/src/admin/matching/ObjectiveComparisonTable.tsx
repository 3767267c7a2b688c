/**
 * The three drafts side by side, one column each: mentees matched, average
 * and lowest score, and mentor load (how many mentors would have 0, 1, 2…
 * mentees), with a button to see a draft's pairs and one to publish it.
 */
import type { ReactNode } from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { Objective, ObjectiveComparison, Run } from '../../api/adminTypes';
import { decimal } from '../format';
import { objectiveWords, objectives } from './objectiveWords';

const useStyles = makeStyles({
  wrap: { overflowX: 'auto' },
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    '& th, & td': { padding: tokens.spacingHorizontalS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, verticalAlign: 'top' },
    '& thead th': { textAlign: 'left' },
  },
  shown: { backgroundColor: tokens.colorNeutralBackground1Selected },
  means: { fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground2, display: 'block' },
  load: { listStyleType: 'none', padding: 0, margin: 0 },
  loadBar: { display: 'inline-block', height: '0.7em', backgroundColor: tokens.colorBrandBackground, marginLeft: tokens.spacingHorizontalXS, verticalAlign: 'middle' },
});

function MentorLoad({ load }: { load: ObjectiveComparison['mentorLoad'] }) {
  const styles = useStyles();
  const most = Math.max(1, ...load.map((l) => l.mentors));
  return (
    <ul className={styles.load}>
      {load.map((l) => (
        <li key={l.mentees}>
          {l.mentors} with {l.mentees} mentee{l.mentees === 1 ? '' : 's'}
          <span className={styles.loadBar} style={{ width: `${(4 * l.mentors) / most}em` }} aria-hidden="true" />
        </li>
      ))}
    </ul>
  );
}

export function ObjectiveComparisonTable(props: {
  run: Run;
  shown: Objective;
  show(objective: Objective): void;
  /** Null once the run is published. */
  publish: ((objective: Objective) => void) | null;
  busy: boolean;
}) {
  const { run, shown, show, publish, busy } = props;
  const styles = useStyles();
  const byObjective = new Map(run.comparison.map((c) => [c.objective, c]));
  const cols = objectives.filter((o) => byObjective.has(o));
  const cell = (o: Objective, text: (c: ObjectiveComparison) => ReactNode) => (
    <td key={o} className={o === shown ? styles.shown : undefined}>
      {text(byObjective.get(o)!)}
    </td>
  );

  return (
    <div className={styles.wrap}>
      <table className={styles.table} aria-label="The three drafts compared">
        <thead>
          <tr>
            <td />
            {cols.map((o) => (
              <th key={o} scope="col" className={o === shown ? styles.shown : undefined}>
                {objectiveWords[o].title}
                <span className={styles.means}>{objectiveWords[o].means}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Mentees matched</th>
            {cols.map((o) => cell(o, (c) => `${c.matched} of ${c.matched + c.unmatched}`))}
          </tr>
          <tr>
            <th scope="row">Average score</th>
            {cols.map((o) => cell(o, (c) => decimal(c.averageScore)))}
          </tr>
          <tr>
            <th scope="row">Lowest score</th>
            {cols.map((o) => cell(o, (c) => decimal(c.minScore)))}
          </tr>
          <tr>
            <th scope="row">Mentor load</th>
            {cols.map((o) => cell(o, (c) => <MentorLoad load={c.mentorLoad} />))}
          </tr>
          <tr>
            <td />
            {cols.map((o) =>
              cell(o, () => (
                <>
                  <Button size="small" disabled={o === shown} onClick={() => show(o)} aria-label={`See the pairs of “${objectiveWords[o].title}”`}>
                    See pairs
                  </Button>{' '}
                  {publish && (
                    <Button size="small" appearance="primary" disabled={busy} onClick={() => publish(o)} aria-label={`Publish “${objectiveWords[o].title}”`}>
                      Publish
                    </Button>
                  )}
                  {!publish && run.publishedObjective === o && <strong>Published</strong>}
                </>
              )),
            )}
          </tr>
        </tbody>
      </table>
    </div>
  );
}
