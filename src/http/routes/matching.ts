/**
 * The admin matching API: runs with a draft per objective, publishing one,
 * and pairing two people by hand. Every route checks the caller is an admin
 * of the program (or of the tenant) before it reads or changes anything.
 *
 * A run works in the background. POST answers 201 with the finished run when
 * it is done within a few seconds (small pools), and otherwise 202 with the
 * run 'running' and its progress; `Prefer: respond-async` asks for the 202 at
 * once. GET on the run shows its progress until it is a 'draft' (or 'failed').
 */
import type restify from 'restify';
import type { Request, Response } from 'restify';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Caller } from '../../auth/caller';
import { adminProgram } from '../../auth/roles';
import type { Objective } from '../../domain/matchRuns';
import type { AdminPairingService } from '../../services/adminPairing';
import type { MatchRunService } from '../../services/matchRuns';
import type { MatchRun } from '../../store/repositories/matchRuns';
import type { Program } from '../../store/repositories/programs';
import type { Store } from '../../store/store';
import { documentAdminRoutes } from '../openapi/document';
import { handle, HttpProblem, parseBody } from '../problems';
import { startRunBody } from './adminBodies';
import { runSummaryView, runView, type PairPreviewView } from './adminViews';

export interface MatchingRouteDeps {
  authenticate(req: Request): Promise<Caller>;
  store: Store;
  matchRuns: MatchRunService;
  adminPairing: AdminPairingService;
  logger: Logger;
  /** How long POST waits for a run before answering 202; tests shorten it. */
  runWaitMs?: number;
}

const DEFAULT_RUN_WAIT_MS = 3000;

const objective = z.enum(['max-matched', 'max-score', 'max-min'], {
  errorMap: () => ({ message: 'must be one of max-matched, max-score, max-min' }),
});
export const publishBody = z.object({ objective }).strict();
const personId = z.string({ required_error: 'is required' }).uuid('must be a person id (a uuid)');
export const pairBody = z.object({ menteePersonId: personId, mentorPersonId: personId, override: z.boolean().optional() }).strict();
export const previewBody = pairBody.omit({ override: true });

export function registerMatchingRoutes(server: restify.Server, deps: MatchingRouteDeps): void {
  const { store, logger } = deps;
  documentAdminRoutes('matching');

  /** The program named in the path, for one of its admins; 403 before anything is read. */
  async function adminOf(req: Request): Promise<{ caller: Caller; program: Program }> {
    const caller = await deps.authenticate(req);
    return { caller, program: await adminProgram(store, caller, String(req.params.programId)) };
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
      const { caller, program } = await adminOf(req);
      const body = parseBody(startRunBody, req.body ?? {});
      const started = await deps.matchRuns.start(program, caller.personId, { weights: body.weights });
      if (started.kind === 'invalid') throw new HttpProblem(422, started.reason, started.field);
      const respondAsync = /respond-async/i.test(String(req.headers.prefer ?? ''));
      const run = respondAsync
        ? started.run
        : ((await deps.matchRuns.settle(program.tenantId, started.run.id, deps.runWaitMs ?? DEFAULT_RUN_WAIT_MS)) ?? started.run);
      res.header('Location', `/api/v1/programs/${program.id}/match-runs/${run.id}`);
      if (run.status === 'running') {
        if (respondAsync) res.header('Preference-Applied', 'respond-async');
        res.send(202, runSummaryView(run));
        return;
      }
      res.send(201, runView(run));
    }),
  );

  server.get(
    '/api/v1/programs/:programId/match-runs',
    handle(logger, async (req: Request, res: Response) => {
      const { program } = await adminOf(req);
      const runs = await deps.matchRuns.list(program);
      res.send(200, { runs: runs.map(runSummaryView) });
    }),
  );

  server.get(
    '/api/v1/programs/:programId/match-runs/:runId',
    handle(logger, async (req: Request, res: Response) => {
      const { program } = await adminOf(req);
      res.send(200, runView(await runOf(program, String(req.params.runId))));
    }),
  );

  server.post(
    '/api/v1/programs/:programId/match-runs/:runId/publish',
    handle(logger, async (req: Request, res: Response) => {
      const { caller, program } = await adminOf(req);
      const body = parseBody(publishBody, req.body);
      const run = await runOf(program, String(req.params.runId));
      const result = await deps.matchRuns.publish(program, run.id, body.objective as Objective, caller.personId);
      if (result.kind === 'unknown-run') throw new HttpProblem(404, 'There is no such matching run in this program.');
      if (result.kind === 'not-ready') {
        throw new HttpProblem(
          409,
          result.run.status === 'running' ? 'This run is still working. Publish it once its status is draft.' : 'This run failed and cannot be published. Start a new run.',
        );
      }
      if (result.kind === 'already-published') {
        throw new HttpProblem(
          409,
          `This run was already published (${result.run.publishedObjective}) on ${result.run.publishedAt?.toISOString()}. Start a new run to match the people still waiting.`,
        );
      }
      res.send(200, { run: runSummaryView(result.run), proposed: result.proposed, skipped: result.skipped });
    }),
  );

  server.post(
    '/api/v1/programs/:programId/pairings/preview',
    handle(logger, async (req: Request, res: Response) => {
      const { program } = await adminOf(req);
      const body = parseBody(previewBody, req.body);
      const preview = await deps.adminPairing.preview(program, body.menteePersonId, body.mentorPersonId);
      if (preview.kind === 'not-in-pool') throw new HttpProblem(422, preview.reason, preview.field);
      const view: PairPreviewView = {
        mentee: { personId: preview.mentee.personId, name: preview.mentee.name },
        mentor: { personId: preview.mentor.personId, name: preview.mentor.name },
        score: preview.score,
        reasons: preview.reasons,
        exclusions: preview.exclusions,
      };
      res.send(200, view);
    }),
  );

  server.post(
    '/api/v1/programs/:programId/pairings',
    handle(logger, async (req: Request, res: Response) => {
      const { caller, program } = await adminOf(req);
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
      await store.auditLog.record({
        tenantId: program.tenantId,
        actorPersonId: caller.personId,
        action: 'pairing.create',
        targetType: 'match_proposal',
        targetId: n.proposalId,
        details: { programId: program.id, menteePersonId: n.menteePersonId, mentorPersonId: n.mentorPersonId, override: body.override ?? false },
      });
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
