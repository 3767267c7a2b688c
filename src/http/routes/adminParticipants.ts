/**
 * The admin API for a program's participants:
 *   GET  /api/v1/programs/:programId/participants?role=&status=&matched=&q=&limit=&offset=
 *   GET  /api/v1/programs/:programId/participants/:personId
 *   POST /api/v1/programs/:programId/participants/:personId/{pause,resume,withdraw,rematch}
 * Program admins and tenant admins only (403 otherwise, another tenant's
 * program included). Actions are idempotent: a repeat answers 200 with
 * `changed: false` and the participant as they are.
 */
import type restify from 'restify';
import type { Request, Response } from 'restify';
import type { Logger } from 'pino';
import { z } from 'zod';
import { adminProgram } from '../../auth/roles';
import type { AdminCaller } from '../../auth/tenantAdmins';
import type { ParticipantService } from '../../services/participants';
import type { Store } from '../../store/store';
import { documentAdminRoutes } from '../openapi/document';
import { handle, HttpProblem } from '../problems';
import { participantsQuery } from './adminBodies';
import { parseQuery } from './adminPrograms';
import { participantProfileView, participantView } from './adminViews';

export interface AdminParticipantRouteDeps {
  authenticate(req: Request): Promise<AdminCaller>;
  store: Store;
  participants: ParticipantService;
  logger: Logger;
}

const NOT_A_PARTICIPANT = 'This person has not registered for this program.';

export function registerAdminParticipantRoutes(server: restify.Server, deps: AdminParticipantRouteDeps): void {
  const { store, logger, participants } = deps;
  documentAdminRoutes('participants');

  async function adminOf(req: Request) {
    const caller = await deps.authenticate(req);
    const program = await adminProgram(store, caller, String(req.params.programId));
    const personId = req.params.personId === undefined ? '' : String(req.params.personId);
    return { caller, program, personId };
  }

  function requirePersonId(personId: string): void {
    if (!z.string().uuid().safeParse(personId).success) throw new HttpProblem(404, NOT_A_PARTICIPANT);
  }

  server.get(
    '/api/v1/programs/:programId/participants',
    handle(logger, async (req: Request, res: Response) => {
      const { program } = await adminOf(req);
      const query = parseQuery(participantsQuery, req);
      const { total, participants: page } = await participants.list(program, query);
      res.send(200, { total, limit: query.limit, offset: query.offset, participants: page.map(participantView) });
    }),
  );

  server.get(
    '/api/v1/programs/:programId/participants/:personId',
    handle(logger, async (req: Request, res: Response) => {
      const { program, personId } = await adminOf(req);
      requirePersonId(personId);
      const profile = await participants.profile(program, personId);
      if (!profile) throw new HttpProblem(404, NOT_A_PARTICIPANT);
      res.send(200, participantProfileView(profile));
    }),
  );

  for (const action of ['pause', 'resume', 'withdraw'] as const) {
    server.post(
      `/api/v1/programs/:programId/participants/:personId/${action}`,
      handle(logger, async (req: Request, res: Response) => {
        const { caller, program, personId } = await adminOf(req);
        requirePersonId(personId);
        const result = await participants[action](caller, program, personId);
        if (result.kind === 'not-found') throw new HttpProblem(404, NOT_A_PARTICIPANT);
        if (result.kind === 'conflict') throw new HttpProblem(409, result.reason);
        res.send(200, { changed: result.changed, participant: participantView(result.participant) });
      }),
    );
  }

  server.post(
    '/api/v1/programs/:programId/participants/:personId/rematch',
    handle(logger, async (req: Request, res: Response) => {
      const { caller, program, personId } = await adminOf(req);
      requirePersonId(personId);
      const result = await participants.rematch(caller, program, personId);
      if (result.kind === 'not-found') throw new HttpProblem(404, NOT_A_PARTICIPANT);
      if (result.kind === 'conflict') throw new HttpProblem(409, result.reason);
      res.send(200, { changed: result.changed, ended: result.ended, proposal: result.proposal, note: result.note });
    }),
  );
}
