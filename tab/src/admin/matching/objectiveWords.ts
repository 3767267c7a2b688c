import type { Objective, RunProgress } from '../../api/adminTypes';

export const objectives: Objective[] = ['max-matched', 'max-score', 'max-min'];

export const objectiveWords: Record<Objective, { title: string; means: string }> = {
  'max-matched': { title: 'Most mentees matched', means: 'Matches as many mentees as possible, then the best fit among those.' },
  'max-score': { title: 'Best overall fit', means: 'The highest total score, even if a few more mentees wait.' },
  'max-min': { title: 'Fairest', means: 'Raises the lowest score, so nobody gets a poor match.' },
};

export function progressWords(p: RunProgress | null): string {
  if (!p) return 'Starting…';
  switch (p.stage) {
    case 'loading':
      return 'Loading who is waiting and who has room…';
    case 'scoring':
      return 'Scoring every possible pair…';
    case 'solving':
      return `Finding the best matches (${p.objectivesSolved} of ${p.objectives} objectives done)…`;
    case 'done':
      return 'Done.';
  }
}
