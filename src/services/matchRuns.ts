/**
 * The algorithm mode: an admin starts a run over the program's pool, gets a
 * draft assignment for each objective with its figures and reasons, and
 * publishes one, which proposes every pair to its mentor.
 */
import type { DraftAssignment, DraftPair, MatchRunResults, Objective } from '../domain/matchRuns';
import { objectives } from '../matching/candidateGraph';
import { buildCandidateGraph } from '../matching/candidates';
import type { PairVerdict } from '../matching/pairVerdict';
import type { Participant } from '../matching/participants';
import { solve } from '../matching/solver/solve';
import type { MatchRun } from '../store/repositories/matchRuns';
import type { Program } from '../store/repositories/programs';
import type { Store } from '../store/store';
import { loadMatchPool } from './matchPool';
import type { Directory } from './ports';
import type { ProposalService } from './proposals';

export type PublishResult =
  | { kind: 'published'; run: MatchRun; proposed: number; skipped: { menteeName: string; reason: string }[] }
  | { kind: 'already-published'; run: MatchRun }
  | { kind: 'unknown-run' };

export function createMatchRunService(deps: { store: Store; directory: Directory; proposals: ProposalService }) {
  const { store } = deps;

  return {
    async start(program: Program, startedByPersonId: string): Promise<MatchRun> {
      const pool = await loadMatchPool(store, deps.directory, program);
      const scoringStarted = performance.now();
      const candidates = buildCandidateGraph(pool.mentees, pool.mentors, pool.context);
      const scoringMs = performance.now() - scoringStarted;

      const menteeById = new Map(pool.mentees.map((m) => [m.personId, m]));
      const mentorById = new Map(pool.mentors.map((m) => [m.personId, m]));
      const solvingStarted = performance.now();
      const drafts: DraftAssignment[] = objectives.map((objective) => {
        const assignment = solve(candidates.graph, objective);
        return {
          objective,
          matched: assignment.matched,
          totalScore: assignment.totalScore,
          minScore: assignment.minScore,
          pairs: assignment.pairs.map((pair) =>
            draftPair(menteeById.get(pair.mentee)!, mentorById.get(pair.mentor)!, pair.score, candidates.explain(pair.mentee, pair.mentor)),
          ),
        };
      });
      const solvingMs = performance.now() - solvingStarted;

      const matchedSomewhere = new Set(drafts.flatMap((d) => d.pairs.map((p) => p.menteePersonId)));
      const withCandidates = new Set(candidates.graph.edges.map((e) => e.mentee));
      const results: MatchRunResults = {
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
      };
      const run = await store.matchRuns.create({ tenantId: program.tenantId, programId: program.id, startedByPersonId, results });
      await store.auditLog.record({
        tenantId: program.tenantId,
        actorPersonId: startedByPersonId,
        action: 'match-run.start',
        targetType: 'match_run',
        targetId: run.id,
        details: { mentees: results.pool.mentees, mentors: results.pool.mentors },
      });
      return run;
    },

    get: (tenantId: string, programId: string, runId: string) =>
      store.matchRuns.get(tenantId, runId).then((run) => (run?.programId === programId ? run : undefined)),

    list: (program: Program) => store.matchRuns.listForProgram(program.tenantId, program.id),

    /**
     * Publishes one objective's draft, once. Each pair is checked against the
     * pool as it is now: someone may have withdrawn, found a mentor or filled
     * up since the run. Those pairs are skipped and listed, never forced.
     */
    async publish(program: Program, runId: string, objective: Objective, actorPersonId: string): Promise<PublishResult> {
      const run = await store.matchRuns.get(program.tenantId, runId);
      if (!run || run.programId !== program.id) return { kind: 'unknown-run' };
      const published = await store.matchRuns.markPublished(program.tenantId, runId, objective);
      if (!published) return { kind: 'already-published', run };
      await store.auditLog.record({
        tenantId: program.tenantId,
        actorPersonId,
        action: 'match-run.publish',
        targetType: 'match_run',
        targetId: run.id,
        details: { objective },
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

function draftPair(
  mentee: Participant,
  mentor: Participant,
  score: number,
  verdict: PairVerdict,
): DraftPair {
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
