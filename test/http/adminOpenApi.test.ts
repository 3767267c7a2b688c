/**
 * The OpenAPI document with the admin API registered: it lists exactly the
 * routes the server registers (My mentoring and admin), every admin route
 * answers 401 and 403, bodies have exactly the fields the zod schemas accept,
 * and every schema reference resolves.
 */
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import restify from 'restify';
import { type z } from 'zod';
import { createTenantAdmins } from '../../src/auth/tenantAdmins';
import { createTokenVerifier } from '../../src/auth/tokens';
import { loadConfig } from '../../src/config';
import { createAuthenticator } from '../../src/http/authenticate';
import { openApiDocument } from '../../src/http/openapi/document';
import * as adminBodies from '../../src/http/routes/adminBodies';
import { registerAdminHealthRoutes } from '../../src/http/routes/adminHealth';
import * as previewBodies from '../../src/http/routes/adminQuestionnairePreview';
import { registerQuestionnairePreviewRoute } from '../../src/http/routes/adminQuestionnairePreview';
import { registerAdminParticipantRoutes } from '../../src/http/routes/adminParticipants';
import { registerAdminProgramRoutes } from '../../src/http/routes/adminPrograms';
import * as matchingBodies from '../../src/http/routes/matching';
import { registerMatchingRoutes } from '../../src/http/routes/matching';
import { registerMyMentoringRoutes } from '../../src/http/routes/myMentoring';
import { createAdminPairingService } from '../../src/services/adminPairing';
import { questionnaireDirectory } from '../../src/services/directory';
import { createMatchRunService } from '../../src/services/matchRuns';
import { createMentoringAgendaService } from '../../src/services/mentoringAgenda';
import { createMentoringGoalService } from '../../src/services/mentoringGoals';
import { createMentoringPairService } from '../../src/services/mentoringPairs';
import { createNudgeService } from '../../src/services/nudges';
import { createParticipantService } from '../../src/services/participants';
import { systemClock, type MatchNotifier } from '../../src/services/ports';
import { createProgramAdminService } from '../../src/services/programAdmin';
import { createProgramHealthService } from '../../src/services/programHealth';
import { createProposalService } from '../../src/services/proposals';
import { openDatabase, type Database } from '../../src/store/database';
import { programHealthRepository } from '../../src/store/repositories/programHealth';
import { createStore } from '../../src/store/store';
import { expectBodiesDocumented } from '../support/documentedBodies';

/** The bot's side and the job queue are outside this test: nothing is sent or scheduled here. */
const silentNotifier: MatchNotifier = {
  proposalToMentor: async () => undefined,
  proposalEnded: async () => undefined,
  menteeProposalLapsed: async () => undefined,
  matchMade: async () => undefined,
  relationshipEnded: async () => undefined,
};

describe('the OpenAPI document with the admin API', () => {
  let database: Database;
  let server: restify.Server;
  let url: string;

  beforeAll(async () => {
    database = await openDatabase({ kind: 'pglite', dataDir: null });
    const store = createStore(database.db);
    const logger = pino({ level: 'silent' });
    const directory = questionnaireDirectory();
    const proposals = createProposalService({ store, directory, notifier: silentNotifier, scheduler: { schedule: async () => undefined }, clock: systemClock });
    // The real authenticator with Teams sign-in unconfigured: nobody signs in to this server.
    const base = createAuthenticator({ verifier: createTokenVerifier(loadConfig({}).auth), store, tenantAdmins: [] });
    const authenticate = createTenantAdmins({ logger, clock: systemClock }).authenticator(base);
    server = restify.createServer();
    server.use(restify.plugins.bodyParser({ mapParams: false }));
    registerMyMentoringRoutes(server, {
      authenticate: base,
      store,
      logger,
      pairs: createMentoringPairService({ store, clock: systemClock }),
      goals: createMentoringGoalService({ store }),
      agenda: createMentoringAgendaService({ store }),
    });
    registerMatchingRoutes(server, {
      authenticate,
      store,
      logger,
      matchRuns: createMatchRunService({ store, directory, proposals }),
      adminPairing: createAdminPairingService({ store, directory, proposals }),
    });
    registerAdminProgramRoutes(server, { authenticate, store, logger, programAdmin: createProgramAdminService({ store }) });
    registerAdminParticipantRoutes(server, { authenticate, store, logger, participants: createParticipantService({ store, proposals, notifier: silentNotifier }) });
    registerQuestionnairePreviewRoute(server, { authenticate, store, logger });
    registerAdminHealthRoutes(server, {
      authenticate,
      store,
      logger,
      clock: systemClock,
      programHealth: createProgramHealthService({ health: programHealthRepository(database.db), store, clock: systemClock }),
      nudges: createNudgeService({ store, notifier: { nudge: async () => undefined }, clock: systemClock }),
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await database.close();
  });

  const documented = () =>
    Object.entries(openApiDocument.paths).flatMap(([path, operations]) =>
      Object.entries(operations).map(([method, operation]) => ({ path, method, route: `${method.toUpperCase()} /api/v1${path}`, operation: operation! })),
    );

  it('lists every registered route, and only those', () => {
    const registered = Object.values(server.router.getRoutes())
      .map((route) => `${route.method === 'DEL' ? 'DELETE' : route.method} ${String(route.path).replace(/:(\w+)/g, '{$1}')}`)
      .sort();
    expect(registered.length).toBeGreaterThan(35);
    expect(documented().map((d) => d.route).sort()).toEqual(registered);
  });

  it('documents 401 and 403 on every admin route, 404 for a participant, run, flag or pair, 400 where a body is sent', async () => {
    const admin = documented().filter((d) => d.operation.tags.some((tag) => ['admin', 'programs', 'participants', 'matching', 'health'].includes(tag)));
    expect(admin.length).toBeGreaterThan(20);
    for (const { route, path, method, operation } of admin) {
      const answers = Object.keys(operation.responses);
      expect({ route, answers }).toEqual({ route, answers: expect.arrayContaining(['401', '403']) });
      if (/\{(personId|runId|flagId|relationshipId)\}/.test(path)) expect({ route, answers }).toEqual({ route, answers: expect.arrayContaining(['404']) });
      if (operation.requestBody) expect({ route, answers }).toEqual({ route, answers: expect.arrayContaining(['400']) });
      const concrete = path.replace(/\{\w+\}/g, '00000000-0000-4000-8000-000000000000');
      const response = await fetch(`${url}/api/v1${concrete}`, { method: method.toUpperCase() });
      expect({ route, status: response.status }).toEqual({ route, status: 401 });
    }
  });

  it('resolves every schema reference', () => {
    const refs = [...JSON.stringify(openApiDocument).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map((m) => m[1]!);
    for (const name of new Set(refs)) expect({ name, defined: name in openApiDocument.components.schemas }).toEqual({ name, defined: true });
  });

  it("describes each admin request body with exactly the fields the server's schema accepts", () => {
    const zodBodies: Record<string, z.ZodTypeAny> = {
      NewProgram: adminBodies.newProgramBody,
      ProgramChanges: adminBodies.programChangesBody,
      QuestionnaireEdit: adminBodies.questionnaireBody,
      StartRun: adminBodies.startRunBody,
      Publish: matchingBodies.publishBody,
      Pairing: matchingBodies.pairBody,
      PairingPreviewRequest: matchingBodies.previewBody,
      QuestionnairePreviewRequest: previewBodies.previewBody,
    };
    expectBodiesDocumented(zodBodies);
  });

  it('is served with the admin routes at GET /api/v1/openapi.json', async () => {
    const served = (await (await fetch(`${url}/api/v1/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(served.paths)).toEqual(
      expect.arrayContaining([
        '/admin/me',
        '/programs/{programId}/participants',
        '/programs/{programId}/match-runs',
        '/programs/{programId}/questionnaire/preview',
        '/programs/{programId}/pairs/{relationshipId}/nudge',
      ]),
    );
  });
});
