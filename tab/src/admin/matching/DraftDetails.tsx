/** One draft's pairs with their score and reasons, and the mentees it leaves waiting, with why. */
import { makeStyles, tokens } from '@fluentui/react-components';
import type { Objective, Run } from '../../api/adminTypes';
import { decimal } from '../format';
import { objectiveWords } from './objectiveWords';

const useStyles = makeStyles({
  wrap: { overflowX: 'auto' },
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    '& th, & td': { padding: tokens.spacingHorizontalS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, textAlign: 'left', verticalAlign: 'top' },
  },
  reasons: { color: tokens.colorNeutralForeground2 },
});

export function DraftDetails({ run, objective }: { run: Run; objective: Objective }) {
  const styles = useStyles();
  const draft = run.drafts.find((d) => d.objective === objective);
  if (!draft) return null;
  const title = objectiveWords[objective].title;
  return (
    <section aria-label={`Pairs of “${title}”`}>
      <h3>
        “{title}”: {draft.pairs.length} pair{draft.pairs.length === 1 ? '' : 's'}
      </h3>
      {draft.pairs.length > 0 && (
        <div className={styles.wrap}>
          <table className={styles.table} aria-label={`Pairs of “${title}”`}>
            <thead>
              <tr>
                <th scope="col">Mentee</th>
                <th scope="col">Mentor</th>
                <th scope="col">Score</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {draft.pairs.map((p) => (
                <tr key={p.menteePersonId}>
                  <td>{p.menteeName}</td>
                  <td>{p.mentorName}</td>
                  <td>{decimal(p.score)}</td>
                  <td className={styles.reasons}>{p.reasons.forMentee.join(' · ') || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {draft.unmatched.length > 0 && (
        <>
          <h4>Left waiting</h4>
          <ul aria-label={`Mentees “${title}” leaves waiting`}>
            {draft.unmatched.map((u) => (
              <li key={u.personId}>
                <strong>{u.name}</strong>: {u.reason}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
