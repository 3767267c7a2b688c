/**
 * The admin API for programs: who the caller may administer, the programs
 * themselves (create, edit, questionnaire, open, close) and the audit log.
 *   GET   /api/v1/admin/me
 *   GET   /api/v1/programs                      POST /api/v1/programs (tenant admins)
 *   GET   /api/v1/programs/:programId           PATCH /api/v1/programs/:programId
 *   PUT   /api/v1/programs/:programId/questionnaire
 *   POST  /api/v1/programs/:programId/open      POST /api/v1/programs/:programId/close
 *   GET   /api/v1/programs/:programId/audit
 * Every route checks the role before it reads anything: 401 without a valid
 * token, 403 with a reason otherwise (another tenant's program included).
 * Bad bodies are 400 naming the field; rules the whole program breaks are 422
 * with every problem; nothing is written either way.
 */
import type restify from 'restify';
import type { Request, Response } from 'restify';
import type { Logger } from 'pino';
import { adminProgram, programsAdministeredBy, requireTenantAdmin } from '../../auth/roles';
import type { AdminCaller } from '../../auth/tenantAdmins';
import type { Problem, ProgramAdminService, WriteResult } from '../../services/programAdmin';
import type { Store } from '../../store/store';
import { documentAdminRoutes } from '../openapi/document';
import { handle, HttpProblem, parseBody } from '../problems';
import { auditQuery, newProgramBody, programChangesBody, questionnaireBody } from './adminBodies';
import { adminMeView, auditEntryView, programSummaryView, programView } from './adminViews';

export interface AdminProgramRouteDeps {
  /** The API's authenticator with tenant admins settled (configuration or group). */
  authenticate(req: Request): Promise<AdminCaller>;
  store: Store;
  programAdmin: ProgramAdminService;
  logger: Logger;
}

/** A 422 listing every problem; the first is also given as `error` and `field`, like every other refusal. */
export function sendProblems(res: Response, problems: Problem[]): void {
  const [first] = problems;
  res.send(422, { error: first?.reason ?? 'The request breaks the program’s rules.', field: first?.field, problems });
}

/** The query string checked like a body: unknown parameters are 400s naming them. */
export function parseQuery<T>(schema: Parameters<typeof parseBody<T>>[0], req: Request): T {
  return parseBody(schema, Object.fromEntries(new URLSearchParams(req.getQuery())));
}

export function registerAdminProgramRoutes(server: restify.Server, deps: AdminProgramRouteDeps): void {
  const { store, logger, programAdmin } = deps;
  documentAdminRoutes('programs');

  async function adminOf(req: Request) {
    const caller = await deps.authenticate(req);
    return { caller, program: await adminProgram(store, caller, String(req.params.programId)) };
  }

  /** Sends a write's outcome: the value with 200 (201 when created), 422 with the problems, or 409. */
  function answer<T>(res: Response, result: WriteResult<T>, view: (value: T) => unknown, created = false): Promise<void> | void {
    if (result.kind === 'invalid') return sendProblems(res, result.problems);
    if (result.kind === 'conflict') throw new HttpProblem(409, result.reason);
    res.send(created ? 201 : 200, { ...(view(result.value) as object), changed: result.changed });
  }

  server.get(
    '/api/v1/admin/me',
    handle(logger, async (req: Request, res: Response) => {
      const caller = await deps.authenticate(req);
      res.send(200, adminMeView(caller, await programsAdministeredBy(store, caller)));
    }),
  );

  server.get(
    '/api/v1/programs',
    handle(logger, async (req: Request, res: Response) => {
      const caller = await deps.authenticate(req);
      const programs = await programsAdministeredBy(store, caller);
      if (programs.length === 0 && !caller.isTenantAdmin) {
        throw new HttpProblem(403, 'You do not administer any program. Ask your organisation’s Tandem admin to add you.');
      }
      res.send(200, { programs: programs.map(programSummaryView) });
    }),
  );

  server.post(
    '/api/v1/programs',
    handle(logger, async (req: Request, res: Response) => {
      const caller = await deps.authenticate(req);
      requireTenantAdmin(caller);
      const body = parseBody(newProgramBody, req.body);
      const result = await programAdmin.create(caller, body);
      return answer(res, result, (v) => programView(v.program, v.admins), true);
    }),
  );

  server.get(
    '/api/v1/programs/:programId',
    handle(logger, async (req: Request, res: Response) => {
      const { program } = await adminOf(req);
      const { admins } = await programAdmin.withAdmins(program);
      res.send(200, programView(program, admins));
    }),
  );

  server.patch(
    '/api/v1/programs/:programId',
    handle(logger, async (req: Request, res: Response) => {
      const { caller, program } = await adminOf(req);
      const body = parseBody(programChangesBody, req.body);
      const result = await programAdmin.update(caller, program, body);
      return answer(res, result, (v) => programView(v.program, v.admins));
    }),
  );

  server.put(
    '/api/v1/programs/:programId/questionnaire',
    handle(logger, async (req: Request, res: Response) => {
      const { caller, program } = await adminOf(req);
      const body = parseBody(questionnaireBody, req.body);
      const result = await programAdmin.replaceQuestionnaire(caller, program, body.questionnaire, {
        allowDroppingAnswers: body.allowDroppingAnswers ?? false,
        expectedUpdatedAt: body.expectedUpdatedAt === undefined ? undefined : new Date(body.expectedUpdatedAt),
      });
      if (result.kind !== 'ok') return answer(res, result, () => ({}));
      const { admins } = await programAdmin.withAdmins(result.value.program);
      return answer(res, result, (v) => ({ ...programView(v.program, admins), answersDropped: v.impact }));
    }),
  );

  for (const transition of ['open', 'close'] as const) {
    server.post(
      `/api/v1/programs/:programId/${transition}`,
      handle(logger, async (req: Request, res: Response) => {
        const { caller, program } = await adminOf(req);
        const result = await programAdmin[transition](caller, program);
        if (result.kind !== 'ok') return answer(res, result, () => ({}));
        const { admins } = await programAdmin.withAdmins(result.value);
        return answer(res, result, (p) => programView(p, admins));
      }),
    );
  }

  server.get(
    '/api/v1/programs/:programId/audit',
    handle(logger, async (req: Request, res: Response) => {
      const { program } = await adminOf(req);
      const query = parseQuery(auditQuery, req);
      const entries = await programAdmin.audit(program, { limit: query.limit, beforeId: query.before });
      res.send(200, { entries: entries.map(auditEntryView), nextBefore: entries.length === query.limit ? (entries.at(-1)?.id ?? null) : null });
    }),
  );
}
