/** What a matching run and a proposal keep about each pair, in the store and over the API. */

export type Objective = 'max-matched' | 'max-score' | 'max-min';

/** The same facts about a pair, worded for each reader, largest contribution first; shown joined with " · ". */
export interface MatchReasons {
  forMentee: string[];
  forMentor: string[];
}

export interface DraftPair {
  menteePersonId: string;
  menteeEnrollmentId: string;
  menteeName: string;
  mentorPersonId: string;
  mentorEnrollmentId: string;
  mentorName: string;
  score: number;
  reasons: MatchReasons;
}

export interface DraftAssignment {
  objective: Objective;
  matched: number;
  totalScore: number;
  minScore: number | null;
  pairs: DraftPair[];
}

export interface PoolSummary {
  mentees: number;
  mentors: number;
  candidatePairs: number;
  excludedPairs: number;
  /** Set when a large pool was cut to each mentee's best candidates before solving. */
  pruning: { keptPerMentee: number; keptPerMentor: number; dropped: number } | null;
}

export interface MatchRunResults {
  pool: PoolSummary;
  drafts: DraftAssignment[];
  /** Mentees no objective could match, with the reason in words. */
  unmatched: { personId: string; name: string; reason: string }[];
  scoringMs: number;
  solvingMs: number;
}
