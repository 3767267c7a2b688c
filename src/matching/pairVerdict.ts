/** What scoring says about one mentee–mentor pair: a scored candidate with its reasons, or why not. */
import type { MatchReasons } from '../domain/matchRuns';

export type ScoredRule = 'same' | 'different' | 'overlap' | 'wants-offers' | 'distance';

export interface Contribution {
  questionId: string;
  rule: ScoredRule;
  weight: number;
  /** How well the pair meets the question's rule, 0..1; 0.5 when one of them did not answer. */
  points: number;
  /** What this question adds to the score out of 100. */
  scorePoints: number;
  /** False when one of the two did not answer and the question counted as neutral. */
  bothAnswered: boolean;
  /** Sensitive answers are never put into words; admin views should hide these too. */
  sensitive: boolean;
}

export type { MatchReasons };

export type ExclusionCode =
  'same-person' | 'reporting-line' | 'paired-before' | 'time-zone-gap' | 'no-shared-language' | 'not-active' | 'no-capacity';

export interface Exclusion {
  code: ExclusionCode;
  /** Plain words about the pair, for the admin or the mentee asking why. */
  words: string;
}

export type PairVerdict =
  | { kind: 'candidate'; score: number; contributions: Contribution[]; reasons: MatchReasons }
  | { kind: 'excluded'; exclusions: Exclusion[] };
