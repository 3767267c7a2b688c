/**
 * The OpenAPI document of the My mentoring API: it lists exactly the routes
 * the server registers, with the answers every route can give, request bodies
 * with the same fields the server's zod schemas accept, and it is served
 * without a token.
 */
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import restify from 'restify';
import { type z } from 'zod';
import { openApiDocument, type HttpMethod } from '../../src/http/openapi/document';
import { registerMyMentoringRoutes } from '../../src/http/routes/myMentoring';
import * as bodies from '../../src/http/routes/myMentoringBodies';
import { createAuthenticator } from '../../src/http/authenticate';
import { createTokenVerifier } from '../../src/auth/tokens';
import { loadConfig } from '../../src/config';
import { createMentoringAgendaService } from '../../src/services/mentoringAgenda';
import { createMentoringGoalService } from '../../src/services/mentoringGoals';
import { createMentoringPairService } from '../../src/services/mentoringPairs';
import { systemClock } from '../../src/services/ports';
import { openDatabase, type Database } from '../../src/store/database';
import { createStore } from '../../src/store/store';
import { expectBodiesDocumented } from '../support/documentedBodies';

describe('the My mentoring OpenAPI document', () => {
  let database: Database;
  let server: restify.Server;
  let url: string;

  beforeAll(async () => {
    database = await openDatabase({ kind: 'pglite', dataDir: null });
    const store = createStore(database.db);
    server = restify.createServer();
    server.use(restify.plugins.bodyParser({ mapParams: false }));
    registerMyMentoringRoutes(server, {
      // The real authenticator with Teams sign-in unconfigured: nobody signs in to this server.
      authenticate: createAuthenticator({ verifier: createTokenVerifier(loadConfig({}).auth), store, tenantAdmins: [] }),
      store,
      logger: pino({ level: 'silent' }),
      pairs: createMentoringPairService({ store, clock: systemClock }),
      goals: createMentoringGoalService({ store }),
      agenda: createMentoringAgendaService({ store }),
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
      Object.entries(operations).map(([method, operation]) => ({ route: `${method.toUpperCase()} /api/v1${path}`, operation: operation! })),
    );

  it('lists every registered route, and only those', () => {
    const registered = Object.values(server.router.getRoutes())
      .map((route) => `${route.method === 'DEL' ? 'DELETE' : route.method} ${String(route.path).replace(/:(\w+)/g, '{$1}')}`)
      .sort();
    expect(registered.length).toBeGreaterThan(15);
    expect(documented().map((d) => d.route).sort()).toEqual(registered);
  });

  it('documents 401 and 403 on every protected route, 404 where an id is given and 400 where a body is sent', () => {
    for (const { route, operation } of documented()) {
      if (route.endsWith('/openapi.json')) {
        expect(operation.security).toEqual([]);
        continue;
      }
      const answers = Object.keys(operation.responses);
      expect({ route, has401and403: answers.includes('401') && answers.includes('403') }).toEqual({ route, has401and403: true });
      if (route.includes('{id}')) expect({ route, answers }).toEqual({ route, answers: expect.arrayContaining(['404']) });
      if (operation.requestBody) expect({ route, answers }).toEqual({ route, answers: expect.arrayContaining(['400']) });
      expect(answers.some((status) => status.startsWith('2'))).toBe(true);
    }
    expect(openApiDocument.security).toEqual([{ teamsToken: [] }]);
    expect(openApiDocument.components.securitySchemes.teamsToken).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('resolves every schema reference', () => {
    const refs = [...JSON.stringify(openApiDocument).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(20);
    for (const name of refs) expect({ name, defined: name in openApiDocument.components.schemas }).toEqual({ name, defined: true });
  });

  it("describes each request body with exactly the fields the server's schema accepts", () => {
    const zodBodies: Record<string, z.ZodTypeAny> = {
      StageChange: bodies.stageBody,
      NewGoal: bodies.newGoalBody,
      GoalChanges: bodies.goalChangesBody,
      NewMilestone: bodies.newMilestoneBody,
      MilestoneChanges: bodies.milestoneChangesBody,
      NewAgendaItem: bodies.newAgendaItemBody,
      AgendaItemChanges: bodies.agendaItemChangesBody,
      AgendaOrder: bodies.agendaOrderBody,
    };
    const bodyRefs = documented()
      .map(({ operation }) => operation.requestBody?.content['application/json'].schema.$ref)
      .filter((ref): ref is string => typeof ref === 'string')
      .map((ref) => ref.replace('#/components/schemas/', ''));
    expect(new Set(bodyRefs)).toEqual(new Set(Object.keys(zodBodies)));
    expectBodiesDocumented(zodBodies);
  });

  it('is served without a token at GET /api/v1/openapi.json', async () => {
    const response = await fetch(`${url}/api/v1/openapi.json`);
    expect(response.status).toBe(200);
    const served = (await response.json()) as { openapi: string; paths: Record<string, Partial<Record<HttpMethod, unknown>>> };
    expect(served).toEqual(JSON.parse(JSON.stringify(openApiDocument)));
    expect(served.openapi).toBe('3.1.0');
    expect((await fetch(`${url}/api/v1/me`)).status).toBe(401);
  });
});
