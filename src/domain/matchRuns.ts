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

/** Per question id, the weight to use instead of the questionnaire's, for one run. */
export type WeightOverrides = Record<string, number>;

export type RunStatus = 'running' | 'draft' | 'published' | 'discarded' | 'failed';

export interface RunProgress {
  stage: 'loading' | 'scoring' | 'solving' | 'done';
  objectivesSolved: number;
  objectives: number;
}

export interface UnmatchedMentee {
  personId: string;
  name: string;
  /** No mentor passes the rules for them at all, or the ones who do are taken in this draft. */
  cause: 'no-eligible-mentor' | 'mentors-full';
  reason: string;
  /**
   * For no-eligible-mentor: how many mentors each rule excludes (largest first). `code` is an
   * ExclusionCode of src/matching/pairVerdict.ts, typed as a string here because domain imports nothing.
   */
  exclusions: { code: string; mentors: number; words: string }[];
}

/** One objective's figures, side by side with the others. */
export interface ObjectiveComparison {
  objective: Objective;
  matched: number;
  unmatched: number;
  totalScore: number;
  averageScore: number | null;
  minScore: number | null;
  /** How many mentors would have 0, 1, 2… mentees after publishing this draft (current mentees and waiting proposals included). */
  mentorLoad: { mentees: number; mentors: number }[];
}

/*
 * The admin API's answers about runs (times as ISO 8601 UTC strings). They live here, not with
 * the routes, so the admin tab reads the very types the server sends without importing server code.
 */

/** A run in a list; `status` is 'running' until the drafts are ready ('draft'), or 'failed'. */
export interface RunSummaryView {
  id: string;
  programId: string;
  status: RunStatus;
  createdAt: string;
  publishedObjective: Objective | null;
  publishedAt: string | null;
  progress: RunProgress | null;
  /** The weights tried for this run (question id → weight), or null for the program's own. */
  weights: WeightOverrides | null;
  error: string | null;
  pool: PoolSummary;
  objectives: { objective: Objective; matched: number; totalScore: number; minScore: number | null }[];
}

/** GET /api/v1/programs/:programId/match-runs/:runId */
export interface RunView extends RunSummaryView {
  /** The three objectives side by side: matched, average and lowest score, mentor load. */
  comparison: ObjectiveComparison[];
  drafts: (DraftAssignment & { unmatched: UnmatchedMentee[] })[];
  /** Mentees no objective could match. */
  unmatched: { personId: string; name: string; reason: string }[];
  timings: { scoringMs: number; solvingMs: number };
}

/** POST /api/v1/programs/:programId/pairings/preview */
export interface PairPreviewView {
  mentee: { personId: string; name: string };
  mentor: { personId: string; name: string };
  score: number | null;
  reasons: MatchReasons;
  exclusions: { code: string; words: string }[];
}
