/** My mentoring relationships, current ones first, each a link to its pair view. */
import { useEffect, useState } from 'react';
import { Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { ApiClient } from '../api/apiClient';
import type { Relationship } from '../api/types';
import { describeFailure } from '../api/apiError';
import { ErrorNote } from '../shell/ErrorNote';
import { InAppLink } from '../shell/InAppLink';

const useStyles = makeStyles({
  list: { listStyleType: 'none', padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  pair: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
  },
  meta: { color: tokens.colorNeutralForeground2, margin: 0 },
});

export function describePair(r: Relationship): string {
  return r.myRole === 'mentor' ? `You mentor ${r.other.name}` : `${r.other.name} mentors you`;
}

export interface PairListProps {
  api: ApiClient;
  /** Where a pair's view is, for the link's address. */
  pairHref(relationshipId: string): string;
  openPair(relationshipId: string): void;
}

export function PairList({ api, pairHref, openPair }: PairListProps) {
  const styles = useStyles();
  const [pairs, setPairs] = useState<Relationship[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    api.relationships().then(setPairs, setError);
  }, [api]);

  if (!pairs) return error ? <ErrorNote message={describeFailure(error)} /> : <Spinner label="Loading your pairs…" />;
  return (
    <section aria-labelledby="pairs-heading">
      <h1 id="pairs-heading">My mentoring</h1>
      {pairs.length === 0 ? (
        <p>You are not in a mentoring pair yet. Once Tandem matches you and you both accept, your pair appears here.</p>
      ) : (
        <ul className={styles.list}>
          {pairs.map((r) => (
            <li key={r.id} className={styles.pair}>
              <InAppLink href={pairHref(r.id)} open={() => openPair(r.id)}>
                {describePair(r)}
              </InAppLink>
              <p className={styles.meta}>
                {r.stageTitle}
                {r.status !== 'active' ? ` · ${r.status}` : ''}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
