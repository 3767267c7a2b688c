/**
 * The admin matching API: runs with a draft per objective, publishing one,
 * and pairing two people by hand. Every route checks the caller is an admin
 * of the program (or of the tenant) before it reads or changes anything.
 */
import type restify from 'restify';
import type { Request, Response } from 'restify';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Caller } from '../../auth/caller';
import { requireProgramAdmin } from '../../auth/roles';
import type { Objective } from '../../domain/matchRuns';
import type { AdminPairingService } from '../../services/adminPairing';
import type { MatchRunService } from '../../services/matchRuns';
import type { MatchRun } from '../../store/repositories/matchRuns';
import type { Program } from '../../store/repositories/programs';
import type { Store } from '../../store/store';
import { handle, HttpProblem, parseBody } from '../problems';

export interface MatchingRouteDeps {
  authenticate(req: Request): Promise<Caller>;
  store: Store;
  matchRuns: MatchRunService;
  adminPairing: AdminPairingService;
  logger: Logger;
}

const objective = z.enum(['max-matched', 'max-score', 'max-min'], {
  errorMap: () => ({ message: 'must be one of max-matched, max-score, max-min' }),
});
const publishBody = z.object({ objective }).strict();
const personId = z.string({ required_error: 'is required' }).uuid('must be a person id (a uuid)');
const pairBody = z.object({ menteePersonId: personId, mentorPersonId: personId, override: z.boolean().optional() }).strict();
const previewBody = pairBody.omit({ override: true });

export function registerMatchingRoutes(server: restify.Server, deps: MatchingRouteDeps): void {
  const { store, logger } = deps;

  /** The program named in the path, for one of its admins; 403 before anything is read. */
  async function adminProgram(req: Request): Promise<{ caller: Caller; program: Program }> {
    const caller = await deps.authenticate(req);
    const programId = String(req.params.programId);
    await requireProgramAdmin(store, caller, programId);
    const program = await store.programs.get(caller.tenantId, programId);
    if (!program) throw new HttpProblem(404, 'There is no such program.');
    return { caller, program };
  }

  async function runOf(program: Program, runId: string): Promise<MatchRun> {
    const run = z.string().uuid().safeParse(runId).success
      ? await deps.matchRuns.get(program.tenantId, program.id, runId)
      : undefined;
    if (!run) throw new HttpProblem(404, 'There is no such matching run in this program.');
    return run;
  }

  server.post(
    '/api/v1/programs/:programId/match-runs',
    handle(logger, async (req: Request, res: Response) => {
      const { caller, program } = await adminProgram(req);
      const run = await deps.matchRuns.start(program, caller.personId);
      res.send(201, runView(run));
    }),
  );

  server.get(
    '/api/v1/programs/:programId/match-runs',
    handle(logger, async (req: Request, res: Response) => {
      const { program } = await adminProgram(req);
      const runs = await deps.matchRuns.list(program);
      res.send(200, { runs: runs.map(runSummary) });
    }),
  );

  server.get(
    '/api/v1/programs/:programId/match-runs/:runId',
    handle(logger, async (req: Request, res: Response) => {
      const { program } = await adminProgram(req);
      res.send(200, runView(await runOf(program, String(req.params.runId))));
    }),
  );

  server.post(
    '/api/v1/programs/:programId/match-runs/:runId/publish',
    handle(logger, async (req: Request, res: Response) => {
      const { caller, program } = await adminProgram(req);
      const body = parseBody(publishBody, req.body);
      const run = await runOf(program, String(req.params.runId));
      const result = await deps.matchRuns.publish(program, run.id, body.objective as Objective, caller.personId);
      if (result.kind === 'unknown-run') throw new HttpProblem(404, 'There is no such matching run in this program.');
      if (result.kind === 'already-published') {
        throw new HttpProblem(
          409,
          `This run was already published (${result.run.publishedObjective}) on ${result.run.publishedAt?.toISOString()}. Start a new run to match the people still waiting.`,
        );
      }
      res.send(200, { run: runSummary(result.run), proposed: result.proposed, skipped: result.skipped });
    }),
  );

  server.post(
    '/api/v1/programs/:programId/pairings/preview',
    handle(logger, async (req: Request, res: Response) => {
      const { program } = await adminProgram(req);
      const body = parseBody(previewBody, req.body);
      const preview = await deps.adminPairing.preview(program, body.menteePersonId, body.mentorPersonId);
      if (preview.kind === 'not-in-pool') throw new HttpProblem(422, preview.reason, preview.field);
      res.send(200, {
        mentee: { personId: preview.mentee.personId, name: preview.mentee.name },
        mentor: { personId: preview.mentor.personId, name: preview.mentor.name },
        score: preview.score,
        reasons: preview.reasons,
        exclusions: preview.exclusions,
      });
    }),
  );

  server.post(
    '/api/v1/programs/:programId/pairings',
    handle(logger, async (req: Request, res: Response) => {
      const { caller, program } = await adminProgram(req);
      const body = parseBody(pairBody, req.body);
      const result = await deps.adminPairing.pair(
        program,
        body.menteePersonId,
        body.mentorPersonId,
        caller.personId,
        body.override ?? false,
      );
      if (result.kind === 'not-in-pool') throw new HttpProblem(422, result.reason, result.field);
      if (result.kind === 'refused') {
        res.send(422, {
          error: `The program's rules exclude this pair: ${result.exclusions.map((e) => e.words).join('; ')}.`,
          exclusions: result.exclusions,
        });
        return;
      }
      const n = result.notice;
      res.send(201, {
        proposalId: n.proposalId,
        mentee: { personId: n.menteePersonId, name: n.menteeName },
        mentor: { personId: n.mentorPersonId, name: n.mentorName },
        score: n.score,
        reasons: n.reasons,
        expiresAt: n.expiresAt.toISOString(),
      });
    }),
  );
}

function runSummary(run: MatchRun) {
  return {
    id: run.id,
    programId: run.programId,
    status: run.status,
    createdAt: run.createdAt.toISOString(),
    publishedObjective: run.publishedObjective,
    publishedAt: run.publishedAt?.toISOString() ?? null,
    pool: run.results.pool,
    objectives: run.results.drafts.map(({ objective, matched, totalScore, minScore }) => ({ objective, matched, totalScore, minScore })),
  };
}

function runView(run: MatchRun) {
  return {
    ...runSummary(run),
    drafts: run.results.drafts,
    unmatched: run.results.unmatched,
    timings: { scoringMs: run.results.scoringMs, solvingMs: run.results.solvingMs },
  };
}
