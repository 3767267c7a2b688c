/**
 * Program health for the admin tab, resolving a pair flag, and nudging a pair:
 *   GET  /api/v1/programs/:programId/health?from=YYYY-MM-DD&to=YYYY-MM-DD
 *   POST /api/v1/programs/:programId/flags/:flagId/resolve
 *   POST /api/v1/programs/:programId/pairs/:relationshipId/nudge
 * Program admins and tenant admins only: 401 without a valid token, 403 for
 * anyone else and for another tenant's program, before anything is read.
 */
import type restify from 'restify';
import type { Request, Response } from 'restify';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Caller } from '../../auth/caller';
import { adminProgram } from '../../auth/roles';
import { resolveRange } from '../../domain/programHealth';
import type { NudgeService, PairNudgeResult } from '../../services/nudges';
import type { ProgramHealthService } from '../../services/programHealth';
import type { Clock } from '../../services/ports';
import type { Program } from '../../store/repositories/programs';
import type { Store } from '../../store/store';
import { documentAdminRoutes } from '../openapi/document';
import { handle, HttpProblem } from '../problems';

export interface AdminHealthRouteDeps {
  authenticate(req: Request): Promise<Caller>;
  store: Store;
  programHealth: ProgramHealthService;
  nudges: Pick<NudgeService, 'nudgePair'>;
  clock: Clock;
  logger: Logger;
}

/** The program named in the path, for one of its admins; 403 before anything is read. */
export async function adminProgramOf(
  req: Request,
  deps: { authenticate(req: Request): Promise<Caller>; store: Store },
): Promise<{ caller: Caller; program: Program }> {
  const caller = await deps.authenticate(req);
  return { caller, program: await adminProgram(deps.store, caller, String(req.params.programId)) };
}

const healthQuery = z
  .object({ from: z.string().optional(), to: z.string().optional() })
  .strict();

export function registerAdminHealthRoutes(server: restify.Server, deps: AdminHealthRouteDeps): void {
  const { logger } = deps;
  documentAdminRoutes('health');

  server.get(
    '/api/v1/programs/:programId/health',
    handle(logger, async (req: Request, res: Response) => {
      const { program } = await adminProgramOf(req, deps);
      const params = new URLSearchParams(req.getQuery());
      const parsed = healthQuery.safeParse(Object.fromEntries(params));
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const field = issue?.code === 'unrecognized_keys' ? issue.keys[0] : issue?.path.join('.');
        throw new HttpProblem(400, issue?.code === 'unrecognized_keys' ? 'is not a parameter of this request' : 'is not valid', field);
      }
      const range = resolveRange(parsed.data, deps.clock.now());
      if ('reason' in range) throw new HttpProblem(400, range.reason, range.field);
      res.header('Cache-Control', 'no-store');
      res.send(200, await deps.programHealth.health(program, range));
    }),
  );

  server.post(
    '/api/v1/programs/:programId/flags/:flagId/resolve',
    handle(logger, async (req: Request, res: Response) => {
      const { caller, program } = await adminProgramOf(req, deps);
      const flagId = String(req.params.flagId);
      if (!z.string().uuid().safeParse(flagId).success) throw new HttpProblem(404, 'There is no such flag in this program.');
      const result = await deps.programHealth.resolveFlag(program, flagId, caller.personId);
      if (result.kind === 'unknown-flag') throw new HttpProblem(404, 'There is no such flag in this program.');
      res.send(200, { flag: result.flag, alreadyResolved: result.kind === 'already-resolved' });
    }),
  );

  server.post(
    '/api/v1/programs/:programId/pairs/:relationshipId/nudge',
    handle(logger, async (req: Request, res: Response) => {
      const { caller, program } = await adminProgramOf(req, deps);
      const relationshipId = String(req.params.relationshipId);
      if (!z.string().uuid().safeParse(relationshipId).success) throw new HttpProblem(404, 'There is no such pair in this program.');
      const result = await deps.nudges.nudgePair(program, relationshipId, caller.personId);
      if (result.kind === 'unknown-pair') throw new HttpProblem(404, 'There is no such pair in this program.');
      if (result.kind === 'not-active') throw new HttpProblem(409, `The pair is ${result.status}: only active pairs are nudged.`);
      if (result.kind === 'booked-ahead') throw new HttpProblem(409, 'The pair has a session booked: there is nothing to nudge them about.');
      res.send(200, nudgeView(result));
    }),
  );
}

/** The nudge as the tab shows it: per person what happened, and a sentence that says it. */
export function nudgeView(result: Extract<PairNudgeResult, { kind: 'nudged' }>) {
  const people = result.people.map((p) => ({
    personId: p.personId,
    name: p.name,
    role: p.role,
    outcome: p.outcome,
    workingHoursFrom: p.workingHoursFrom?.toISOString() ?? null,
  }));
  const says = result.people.map((p) =>
    p.outcome === 'sent'
      ? `${p.name} was sent a nudge.`
      : p.outcome === 'already-sent'
        ? `${p.name} was already nudged today.`
        : p.outcome === 'undeliverable'
          ? `${p.name} could not be reached in Teams today.`
          : `${p.name} is outside their working hours until ${p.workingHoursFrom!.toISOString()}: nudge again then.`,
  );
  return { relationshipId: result.relationshipId, day: result.day, people, message: says.join(' ') };
}
