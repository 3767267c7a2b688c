/**
 * The algorithm mode: an admin starts a run over the program's pool, gets a
 * draft assignment for each objective with its figures and reasons, and
 * publishes one, which proposes every pair to its mentor.
 *
 * A run works in the background: `start` stores it as 'running' and returns
 * at once, so a large pool never holds a request open; the stored run shows
 * its progress until it becomes a 'draft' (or 'failed'). An admin may try
 * other question weights for one run without changing the program: the run
 * keeps the weights it used, and its pairs, scores and reasons follow them.
 */
import type {
  DraftAssignment,
  DraftPair,
  MatchRunResults,
  Objective,
  ObjectiveComparison,
  RunProgress,
  UnmatchedMentee,
  WeightOverrides,
} from '../domain/matchRuns';
import { MAX_WEIGHT } from '../domain/questionnaireRules';
import { objectives } from '../matching/candidateGraph';
import { buildCandidateGraph, type CandidatePool } from '../matching/candidates';
import type { ExclusionCode, PairVerdict } from '../matching/pairVerdict';
import type { Participant } from '../matching/participants';
import { solve } from '../matching/solver/solve';
import type { MatchRun } from '../store/repositories/matchRuns';
import type { Program } from '../store/repositories/programs';
import type { Store } from '../store/store';
import { loadMatchPool, type MatchPool } from './matchPool';
import type { Clock, Directory } from './ports';
import type { ProposalService } from './proposals';

export type PublishResult =
  | { kind: 'published'; run: MatchRun; proposed: number; skipped: { menteeName: string; reason: string }[] }
  | { kind: 'already-published'; run: MatchRun }
  | { kind: 'not-ready'; run: MatchRun }
  | { kind: 'unknown-run' };

// The run's shapes are pure and the admin tab reads them too, so they live in the domain.
export type { ObjectiveComparison, RunProgress, UnmatchedMentee, WeightOverrides } from '../domain/matchRuns';

export type StartResult = { kind: 'started'; run: MatchRun } | { kind: 'invalid'; field: string; reason: string };

/** What a run stores beyond the drafts: progress while it works, the weights it used, the comparison. */
export interface MatchRunDetails extends MatchRunResults {
  progress?: RunProgress;
  weights?: WeightOverrides | null;
  comparison?: ObjectiveComparison[];
  unmatchedByObjective?: Partial<Record<Objective, UnmatchedMentee[]>>;
  error?: string;
}

/** A run still 'running' this long after it started was cut short (the instance stopped): it is shown as failed. */
export const RUN_STALE_AFTER_MS = 15 * 60 * 1000;
/** Unmatched mentees whose exclusions are counted mentor by mentor; past this, the reason stays general. */
const EXPLAINED_UNMATCHED = 200;

const EXCLUSION_WORDS: Record<ExclusionCode, string> = {
  'same-person': 'is the mentee',
  'reporting-line': 'in their reporting line',
  'paired-before': 'paired with them before',
  'time-zone-gap': 'too many hours apart',
  'no-shared-language': 'no shared language',
  'not-active': 'not active',
  'no-capacity': 'no room for another mentee',
};

const emptyResults = (progress: RunProgress, weights: WeightOverrides | null): MatchRunDetails => ({
  pool: { mentees: 0, mentors: 0, candidatePairs: 0, excludedPairs: 0, pruning: null },
  drafts: [],
  unmatched: [],
  scoringMs: 0,
  solvingMs: 0,
  progress,
  weights,
});

export function details(run: MatchRun): MatchRunDetails {
  return run.results as MatchRunDetails;
}

/** The program with some questions weighted differently, for one run; the stored program is untouched. */
export function withWeights(program: Program, weights: WeightOverrides | null): Program {
  if (!weights || Object.keys(weights).length === 0) return program;
  return {
    ...program,
    questionnaire: {
      questions: program.questionnaire.questions.map((q) =>
        q.id in weights && q.matching.rule !== 'none' ? { ...q, matching: { ...q.matching, weight: weights[q.id]! } } : q,
      ),
    },
  };
}

export function createMatchRunService(deps: {
  store: Store;
  directory: Directory;
  proposals: ProposalService;
  clock?: Clock;
  /** Told when a background run fails; it is also stored on the run. */
  onRunFailed?: (error: unknown, run: { tenantId: string; id: string }) => void;
}) {
  const { store } = deps;
  const now = () => (deps.clock ? deps.clock.now() : new Date());
  const inFlight = new Map<string, Promise<void>>();

  /** Scores, solves and stores the drafts of a running run; the run ends 'draft', or 'failed' with the error. */
  async function work(run: MatchRun, program: Program, weights: WeightOverrides | null): Promise<void> {
    const progress = (stage: RunProgress['stage'], objectivesSolved = 0): MatchRunDetails =>
      emptyResults({ stage, objectivesSolved, objectives: objectives.length }, weights);
    try {
      const weighted = withWeights(program, weights);
      const pool = await loadMatchPool(store, deps.directory, weighted);
      await store.matchRuns.updateRunning(run.tenantId, run.id, progress('scoring'), 'running');
      const scoringStarted = performance.now();
      const candidates = buildCandidateGraph(pool.mentees, pool.mentors, pool.context);
      const scoringMs = performance.now() - scoringStarted;
      await store.matchRuns.updateRunning(run.tenantId, run.id, progress('solving'), 'running');

      const menteeById = new Map(pool.mentees.map((m) => [m.personId, m]));
      const mentorById = new Map(pool.mentors.map((m) => [m.personId, m]));
      let solvingMs = 0;
      const drafts: DraftAssignment[] = [];
      for (const objective of objectives) {
        const solvingStarted = performance.now();
        const assignment = solve(candidates.graph, objective);
        solvingMs += performance.now() - solvingStarted;
        drafts.push({
          objective,
          matched: assignment.matched,
          totalScore: assignment.totalScore,
          minScore: assignment.minScore,
          pairs: assignment.pairs.map((pair) =>
            draftPair(menteeById.get(pair.mentee)!, mentorById.get(pair.mentor)!, pair.score, candidates.explain(pair.mentee, pair.mentor)),
          ),
        });
        await store.matchRuns.updateRunning(run.tenantId, run.id, progress('solving', drafts.length), 'running');
      }

      const matchedSomewhere = new Set(drafts.flatMap((d) => d.pairs.map((p) => p.menteePersonId)));
      const withCandidates = new Set(candidates.graph.edges.map((e) => e.mentee));
      const unmatchedByObjective = unmatchedPerObjective(pool, candidates, drafts, withCandidates);
      const results: MatchRunDetails = {
        pool: {
          mentees: pool.mentees.length,
          mentors: pool.mentors.length,
          candidatePairs: candidates.graph.edges.length,
          excludedPairs: candidates.excludedCount,
          pruning: candidates.pruning,
        },
        drafts,
        unmatched: pool.mentees
          .filter((m) => !matchedSomewhere.has(m.personId))
          .map((m) => ({
            personId: m.personId,
            name: m.name,
            reason: withCandidates.has(m.personId)
              ? 'Every mentor who suits them is full in this assignment.'
              : 'No mentor passes the program’s rules for them (time zone, language, reporting line, past pairs or capacity).',
          })),
        scoringMs: Math.round(scoringMs),
        solvingMs: Math.round(solvingMs),
        progress: { stage: 'done', objectivesSolved: objectives.length, objectives: objectives.length },
        weights,
        comparison: drafts.map((d) => compare(d, pool)),
        unmatchedByObjective,
      };
      await store.matchRuns.updateRunning(run.tenantId, run.id, results, 'draft');
    } catch (error) {
      deps.onRunFailed?.(error, run);
      const failed: MatchRunDetails = { ...progress('done'), error: 'The run failed. Try again; if it fails again, tell your Tandem operator.' };
      await store.matchRuns.updateRunning(run.tenantId, run.id, failed, 'failed').catch(() => undefined);
    }
  }

  function staleAware(run: MatchRun): MatchRun {
    if (run.status !== 'running' || now().getTime() - run.createdAt.getTime() < RUN_STALE_AFTER_MS || inFlight.has(run.id)) return run;
    return { ...run, status: 'failed', results: { ...details(run), error: 'The run was interrupted (the service restarted). Start a new run.' } as MatchRunResults };
  }

  return {
    /**
     * Starts a run and returns it 'running'; the work goes on in the
     * background. Weights name scored questions of the program, 0 to 10.
     */
    async start(program: Program, startedByPersonId: string, options: { weights?: WeightOverrides } = {}): Promise<StartResult> {
      const weights = options.weights && Object.keys(options.weights).length > 0 ? options.weights : null;
      for (const [questionId, weight] of Object.entries(weights ?? {})) {
        const question = program.questionnaire.questions.find((q) => q.id === questionId);
        const field = `weights.${questionId}`;
        if (!question) return { kind: 'invalid', field, reason: 'is not a question of this program' };
        if (question.matching.rule === 'none') return { kind: 'invalid', field, reason: 'this question is not scored (its rule is none)' };
        if (!(weight >= 0 && weight <= MAX_WEIGHT)) return { kind: 'invalid', field, reason: `must be from 0 to ${MAX_WEIGHT}` };
      }
      const run = await store.matchRuns.createRunning({
        tenantId: program.tenantId,
        programId: program.id,
        startedByPersonId,
        results: emptyResults({ stage: 'loading', objectivesSolved: 0, objectives: objectives.length }, weights),
      });
      await store.auditLog.record({
        tenantId: program.tenantId,
        actorPersonId: startedByPersonId,
        action: 'match-run.start',
        targetType: 'match_run',
        targetId: run.id,
        details: { programId: program.id, weights },
      });
      const job = work(run, program, weights).finally(() => inFlight.delete(run.id));
      inFlight.set(run.id, job);
      return { kind: 'started', run };
    },

    /** Waits up to `ms` for a run started here to finish; the run as it stands then. */
    async settle(tenantId: string, runId: string, ms: number): Promise<MatchRun | undefined> {
      const job = inFlight.get(runId);
      if (job) {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([job, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
        clearTimeout(timer);
      }
      const run = await store.matchRuns.get(tenantId, runId);
      return run && staleAware(run);
    },

    /** Resolves when no run started here is still working (before the database closes). */
    async idle(): Promise<void> {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight.values()]);
    },

    get: (tenantId: string, programId: string, runId: string) =>
      store.matchRuns.get(tenantId, runId).then((run) => (run?.programId === programId ? staleAware(run) : undefined)),

    list: async (program: Program) => (await store.matchRuns.listForProgram(program.tenantId, program.id)).map(staleAware),

    /**
     * Publishes one objective's draft, once. Each pair is checked against the
     * pool as it is now: someone may have withdrawn, found a mentor or filled
     * up since the run. Those pairs are skipped and listed, never forced.
     */
    async publish(program: Program, runId: string, objective: Objective, actorPersonId: string): Promise<PublishResult> {
      const run = await store.matchRuns.get(program.tenantId, runId);
      if (!run || run.programId !== program.id) return { kind: 'unknown-run' };
      if (run.status === 'running' || run.status === 'failed') return { kind: 'not-ready', run: staleAware(run) };
      const published = await store.matchRuns.markPublished(program.tenantId, runId, objective);
      if (!published) return { kind: 'already-published', run };
      await store.auditLog.record({
        tenantId: program.tenantId,
        actorPersonId,
        action: 'match-run.publish',
        targetType: 'match_run',
        targetId: run.id,
        details: { programId: program.id, objective },
      });

      const draft = run.results.drafts.find((d) => d.objective === objective)!;
      const pool = await loadMatchPool(store, deps.directory, program);
      const mentees = new Map(pool.mentees.map((m) => [m.personId, m]));
      const mentors = new Map(pool.mentors.map((m) => [m.personId, { ...m }]));
      let proposed = 0;
      const skipped: { menteeName: string; reason: string }[] = [];
      for (const pair of draft.pairs) {
        const mentee = mentees.get(pair.menteePersonId);
        const mentor = mentors.get(pair.mentorPersonId);
        const reason = !mentee
          ? 'no longer waiting for a mentor'
          : !mentor || mentor.capacity < 1
            ? `${pair.mentorName} has no room now`
            : undefined;
        if (reason || !mentee || !mentor) {
          skipped.push({ menteeName: pair.menteeName, reason: reason ?? 'no longer available' });
          continue;
        }
        const notice = await deps.proposals.propose(
          pool,
          { mentee, mentor, score: pair.score, reasons: pair.reasons },
          { source: 'algorithm', runId: run.id },
        );
        if (notice) {
          mentor.capacity -= 1;
          proposed += 1;
        } else skipped.push({ menteeName: pair.menteeName, reason: 'already has a proposal waiting' });
      }
      return { kind: 'published', run: published, proposed, skipped };
    },
  };
}

export type MatchRunService = ReturnType<typeof createMatchRunService>;

function draftPair(mentee: Participant, mentor: Participant, score: number, verdict: PairVerdict): DraftPair {
  return {
    menteePersonId: mentee.personId,
    menteeEnrollmentId: mentee.enrollmentId,
    menteeName: mentee.name,
    mentorPersonId: mentor.personId,
    mentorEnrollmentId: mentor.enrollmentId,
    mentorName: mentor.name,
    score,
    reasons: verdict.kind === 'candidate' ? verdict.reasons : { forMentee: [], forMentor: [] },
  };
}

const round2 = (n: number) => Math.round(n * 100) / 100;

function compare(draft: DraftAssignment, pool: MatchPool): ObjectiveComparison {
  const load = new Map<string, number>();
  for (const mentor of pool.mentors) {
    const enrolled = pool.enrollments.get(mentor.personId);
    const capacity = enrolled?.mentorCapacity ?? pool.program.mentorCapacityDefault;
    load.set(mentor.personId, Math.max(0, capacity - mentor.capacity));
  }
  for (const pair of draft.pairs) load.set(pair.mentorPersonId, (load.get(pair.mentorPersonId) ?? 0) + 1);
  const histogram = new Map<number, number>();
  for (const mentees of load.values()) histogram.set(mentees, (histogram.get(mentees) ?? 0) + 1);
  return {
    objective: draft.objective,
    matched: draft.matched,
    unmatched: pool.mentees.length - draft.matched,
    totalScore: round2(draft.totalScore),
    averageScore: draft.matched > 0 ? round2(draft.totalScore / draft.matched) : null,
    minScore: draft.minScore === null ? null : round2(draft.minScore),
    mentorLoad: [...histogram.entries()].sort(([a], [b]) => a - b).map(([mentees, mentors]) => ({ mentees, mentors })),
  };
}

function unmatchedPerObjective(
  pool: MatchPool,
  candidates: CandidatePool,
  drafts: DraftAssignment[],
  withCandidates: Set<string>,
): Partial<Record<Objective, UnmatchedMentee[]>> {
  const whyNone = new Map<string, UnmatchedMentee['exclusions']>();
  let explained = 0;
  const exclusionsOf = (mentee: Participant): UnmatchedMentee['exclusions'] => {
    const known = whyNone.get(mentee.personId);
    if (known) return known;
    if (explained >= EXPLAINED_UNMATCHED) return [];
    explained += 1;
    const counts = new Map<ExclusionCode, number>();
    for (const mentor of pool.mentors) {
      const verdict = candidates.explain(mentee.personId, mentor.personId);
      if (verdict.kind !== 'excluded') continue;
      for (const code of new Set(verdict.exclusions.map((e) => e.code))) counts.set(code, (counts.get(code) ?? 0) + 1);
    }
    const summary = [...counts.entries()]
      .sort(([, a], [, b]) => b - a)
      .map(([code, mentors]) => ({ code, mentors, words: `${EXCLUSION_WORDS[code]}: ${mentors} mentor${mentors === 1 ? '' : 's'}` }));
    whyNone.set(mentee.personId, summary);
    return summary;
  };

  const byObjective: Partial<Record<Objective, UnmatchedMentee[]>> = {};
  for (const draft of drafts) {
    const matched = new Set(draft.pairs.map((p) => p.menteePersonId));
    byObjective[draft.objective] = pool.mentees
      .filter((m) => !matched.has(m.personId))
      .map((m): UnmatchedMentee => {
        if (withCandidates.has(m.personId)) {
          return {
            personId: m.personId,
            name: m.name,
            cause: 'mentors-full',
            reason: 'Every mentor who suits them is taken by other mentees in this draft.',
            exclusions: [],
          };
        }
        const exclusions = exclusionsOf(m);
        return {
          personId: m.personId,
          name: m.name,
          cause: 'no-eligible-mentor',
          reason:
            exclusions.length > 0
              ? `No mentor passes the program’s rules for them: ${exclusions.map((e) => e.words).join(' · ')}.`
              : 'No mentor passes the program’s rules for them.',
          exclusions,
        };
      });
  }
  return byObjective;
}
