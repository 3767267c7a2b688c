/**
 * GET /api/v1/programs/:programId/health and POST .../flags/:flagId/resolve on
 * the real server: admins only (401, 403), never another tenant's program,
 * the range checked (400), and the hand-computed figures of the fixture.
 */
import { eq } from 'drizzle-orm';
import type { RunningTandem } from '../../src/main';
import type { Database } from '../../src/store/database';
import { pairFlags } from '../../src/store/schema';
import { testDatabaseTargets } from '../support/databases';
import { NOW, OTHER_TENANT, TENANT, type HealthFixture } from '../services/programHealthFixture';
import { startProgramHealthServer } from './programHealthServer';

describe.each(testDatabaseTargets)('the program health API, on $name', (target) => {
  let database: Database;
  let app: RunningTandem;
  let fx: HealthFixture;
  let tokens: Record<string, string>;

  async function api(method: 'GET' | 'POST', path: string, token?: string) {
    const response = await fetch(`${app.url}${path}`, { method, headers: token ? { authorization: `Bearer ${token}` } : {} });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }

  beforeAll(async () => {
    ({ database, app, fx, tokens } = await startProgramHealthServer(target, [
      ['admin', TENANT],
      ['progadmin', TENANT],
      ['plain', TENANT],
      ['m1', TENANT],
      ['xadmin', OTHER_TENANT],
    ]));
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const health = (programId: string, query = '') => `/api/v1/programs/${programId}/health${query}`;

  it('refuses callers without a token (401) and people who do not administer the program (403)', async () => {
    expect((await api('GET', health(fx.program.id))).status).toBe(401);
    expect(await api('GET', health(fx.program.id), tokens.plain)).toMatchObject({ status: 403, body: { error: "Only this program's admins can do that." } });
    expect((await api('GET', health(fx.program.id), tokens.m1)).status).toBe(403);
    // A program admin of one program is not an admin of the tenant's other programs.
    expect((await api('GET', health(fx.otherProgram.id), tokens.progadmin)).status).toBe(403);
    expect((await api('GET', health('not-a-uuid'), tokens.admin)).status).toBe(403);
  });

  it("never shows another tenant's program, tenant admins included", async () => {
    expect((await api('GET', health(fx.foreignProgram.id), tokens.admin)).status).toBe(403);
    expect((await api('GET', health(fx.program.id), tokens.xadmin)).status).toBe(403);
    const own = await api('GET', health(fx.foreignProgram.id, '?from=2026-05-01&to=2026-05-31'), tokens.xadmin);
    expect(own.status).toBe(200);
    // The other tenant's program sees only its own pair, session and rating.
    expect(own.body).toMatchObject({ pairs: { active: 1 }, sessions: { held: 1 }, rating: { count: 1, average: 1 } });
  });

  it('answers tenant admins and program admins with the figures of the range', async () => {
    for (const who of ['admin', 'progadmin']) {
      const { status, body } = await api('GET', health(fx.program.id, '?from=2026-05-01&to=2026-05-31'), tokens[who]);
      expect(status).toBe(200);
      expect(body).toMatchObject({
        programId: fx.program.id,
        range: { from: '2026-05-01', to: '2026-05-31' },
        registrations: { inRange: { total: 6 } },
        matchRate: { rate: 0.6 },
        timeToMatch: { medianDays: 12 },
        sessions: { held: 3, heldPerPair: 0.75 },
        attendance: { rate: 0.6 },
        goals: { completion: 0.4 },
        atRisk: { total: 2 },
      });
      expect(body.series.sessionsPerWeek).toHaveLength(5);
    }
  });

  it('defaults to the last 26 weeks up to today, and checks the range', async () => {
    const { body } = await api('GET', health(fx.program.id), tokens.admin);
    expect(body.range).toEqual({ from: '2025-12-16', to: NOW.toISOString().slice(0, 10) });
    const bad = async (query: string) => (await api('GET', health(fx.program.id, query), tokens.admin)).body;
    expect(await bad('?from=2026-02-30')).toEqual({ error: 'must be a date as YYYY-MM-DD', field: 'from' });
    expect(await bad('?to=yesterday')).toEqual({ error: 'must be a date as YYYY-MM-DD', field: 'to' });
    expect(await bad('?from=2026-06-01&to=2026-05-01')).toEqual({ error: 'must not be after to', field: 'from' });
    expect(await bad('?from=2020-01-01&to=2026-05-01')).toMatchObject({ field: 'from', error: expect.stringMatching(/at most/) });
    expect(await bad('?program=x')).toEqual({ error: 'is not a parameter of this request', field: 'program' });
    expect((await api('GET', health(fx.program.id, '?from=2026-02-30'), tokens.admin)).status).toBe(400);
  });

  it('documents its routes in the served OpenAPI document, with 401 and 403', async () => {
    const { status, body } = await api('GET', '/api/v1/openapi.json');
    expect(status).toBe(200);
    const ours = [
      ['get', '/programs/{programId}/health'],
      ['post', '/programs/{programId}/flags/{flagId}/resolve'],
      ...['participants', 'pairs', 'sessions', 'ratings'].map((t) => ['get', `/programs/{programId}/exports/${t}.csv`]),
    ] as const;
    for (const [method, path] of ours) {
      expect({ path, answers: Object.keys(body.paths[path]?.[method]?.responses ?? {}) }).toEqual({ path, answers: expect.arrayContaining(['200', '401', '403']) });
    }
    expect(Object.keys(body.components.schemas.ProgramHealth.properties).sort()).toEqual(
      Object.keys((await api('GET', health(fx.program.id, '?from=2026-05-01&to=2026-05-31'), tokens.admin)).body).sort(),
    );
  });

  it('resolves a flag for an admin, once, and refuses everyone else', async () => {
    const flagId = fx.flags['r1-low']!;
    const resolve = (programId: string, id: string) => `/api/v1/programs/${programId}/flags/${id}/resolve`;
    expect((await api('POST', resolve(fx.program.id, flagId))).status).toBe(401);
    expect((await api('POST', resolve(fx.program.id, flagId), tokens.plain)).status).toBe(403);
    expect((await api('POST', resolve(fx.program.id, flagId), tokens.xadmin)).status).toBe(403);
    const [untouched] = await database.db.select().from(pairFlags).where(eq(pairFlags.id, flagId));
    expect(untouched!.resolvedAt).toBeNull();

    const first = await api('POST', resolve(fx.program.id, flagId), tokens.progadmin);
    expect(first).toEqual({
      status: 200,
      body: {
        flag: { id: flagId, relationshipId: fx.relationships.r1, reason: 'low-rating', resolvedAt: NOW.toISOString() },
        alreadyResolved: false,
      },
    });
    expect((await api('POST', resolve(fx.program.id, flagId), tokens.admin)).body.alreadyResolved).toBe(true);
    expect((await api('POST', resolve(fx.program.id, fx.flags['q1-low']!), tokens.admin)).status).toBe(404);
    expect((await api('POST', resolve(fx.program.id, 'nope'), tokens.admin)).status).toBe(404);
    const after = await api('GET', health(fx.program.id, '?from=2026-05-01&to=2026-05-31'), tokens.admin);
    expect(after.body.atRisk.total).toBe(1);
  });
});
