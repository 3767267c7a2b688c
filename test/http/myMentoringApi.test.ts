/**
 * The "My mentoring" API over HTTP on the real server: what the two people of
 * a pair can read and change, and what everyone else gets (401, 403, 404),
 * bad bodies (400 with the field, nothing written) and ended relationships (409).
 */
import { agendaItems, auditLog, goals, milestones, relationships } from '../../src/store/schema';
import { createStore, type Store } from '../../src/store/store';
import { startHarness, TENANT, type Harness } from '../support/botHarness';
import { testDatabaseTargets } from '../support/databases';
import { seedMentee, seedRelationship } from '../store/fixtures';

const OTHER_TENANT = 'bbbbbbbb-0000-4000-8000-000000000002';
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const DAY = 24 * 60 * 60 * 1000;

describe.each(testDatabaseTargets)('the My mentoring API, on $name', (target) => {
  let harness: Harness;
  let store: Store;
  let seed: Awaited<ReturnType<typeof seedRelationship>>;
  let foreign: Awaited<ReturnType<typeof seedRelationship>>;
  const tokens: Record<'mentee' | 'mentor' | 'third' | 'foreigner', string> = { mentee: '', mentor: '', third: '', foreigner: '' };
  /** Rows of the seeded pair, made through the store, that strangers try to reach. */
  const pairIds = { relationship: '', goal: '', milestone: '', upcoming: '', past: '', cancelled: '', agendaItem: '', ended: '' };

  async function api(method: string, path: string, token?: string, body?: unknown) {
    const response = await fetch(`${harness.app.url}/api/v1${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }

  async function signIn(teamsUserId: string, tenantId: string): Promise<string> {
    const signedIn = await api('POST', '/dev/sign-in', undefined, { teamsUserId, tenantId });
    expect(signedIn.status).toBe(200);
    return signedIn.body.token;
  }

  beforeAll(async () => {
    harness = await startHarness(target);
    store = createStore(harness.database.db);
    seed = await seedRelationship(store, TENANT);
    const third = await seedMentee(store, seed, 'third-person');
    const formerMentee = await seedMentee(store, seed, 'former-mentee');
    const ended = await store.relationships.create({
      tenantId: TENANT,
      programId: seed.program.id,
      mentorPersonId: seed.mentor.id,
      menteePersonId: formerMentee.person.id,
    });
    await store.relationships.end(TENANT, ended.id, 'finished', null);
    foreign = await seedRelationship(store, OTHER_TENANT);

    const now = Date.now();
    const session = (startsAt: number, status: 'scheduled' | 'held' | 'cancelled', joinUrl: string | null = null) =>
      store.sessions.create({
        tenantId: TENANT,
        relationshipId: seed.relationship.id,
        startsAt: new Date(startsAt),
        endsAt: new Date(startsAt + 60 * 60 * 1000),
        status,
        organizerPersonId: seed.mentor.id,
        joinUrl,
      });
    const past = await session(now - 7 * DAY, 'held');
    const upcoming = await session(now + 7 * DAY, 'scheduled', 'https://teams.microsoft.com/l/meetup-join/next');
    const cancelled = await session(now + 3 * DAY, 'cancelled');
    const goal = await store.goals.create({
      tenantId: TENANT,
      relationshipId: seed.relationship.id,
      ownerPersonId: seed.mentee.id,
      title: 'Seeded goal',
      measure: 'Seeded measure',
    });
    const milestone = (await store.goals.addMilestone(TENANT, goal.id, 'Seeded milestone'))!;
    const agendaItem = (await store.sessions.addAgendaItem(TENANT, past.id, seed.mentor.id, 'What went well'))!;
    await store.ratings.upsert({ tenantId: TENANT, sessionId: past.id, raterPersonId: seed.mentee.id, score: 4, tookPlace: true, mostUseful: 'The mock interview', shareWithPartner: true });
    Object.assign(pairIds, {
      relationship: seed.relationship.id,
      goal: goal.id,
      milestone: milestone.id,
      upcoming: upcoming.id,
      past: past.id,
      cancelled: cancelled.id,
      agendaItem: agendaItem.id,
      ended: ended.id,
    });

    tokens.mentee = await signIn(seed.mentee.teamsUserId, TENANT);
    tokens.mentor = await signIn(seed.mentor.teamsUserId, TENANT);
    tokens.third = await signIn(third.person.teamsUserId, TENANT);
    tokens.foreigner = await signIn(foreign.mentor.teamsUserId, OTHER_TENANT);
  });
  afterAll(() => harness.close());

  /** Every route with an id, and a body it would accept. */
  const routesWithIds = () => [
    { method: 'GET', path: `/relationships/${pairIds.relationship}` },
    { method: 'PUT', path: `/relationships/${pairIds.relationship}/stage`, body: { stage: 'progression' } },
    { method: 'GET', path: `/relationships/${pairIds.relationship}/sessions` },
    { method: 'POST', path: `/relationships/${pairIds.relationship}/goals`, body: { title: 'Intruder goal', measure: 'none' } },
    { method: 'PATCH', path: `/goals/${pairIds.goal}`, body: { progress: 90 } },
    { method: 'POST', path: `/goals/${pairIds.goal}/complete` },
    { method: 'DELETE', path: `/goals/${pairIds.goal}` },
    { method: 'POST', path: `/goals/${pairIds.goal}/milestones`, body: { title: 'Intruder milestone' } },
    { method: 'PATCH', path: `/milestones/${pairIds.milestone}`, body: { done: true } },
    { method: 'DELETE', path: `/milestones/${pairIds.milestone}` },
    { method: 'POST', path: `/sessions/${pairIds.past}/agenda`, body: { text: 'Intruder item' } },
    { method: 'PUT', path: `/sessions/${pairIds.past}/agenda/order`, body: { ids: [pairIds.agendaItem] } },
    { method: 'PATCH', path: `/agenda/${pairIds.agendaItem}`, body: { done: true } },
    { method: 'DELETE', path: `/agenda/${pairIds.agendaItem}` },
  ];
  const routesWithoutIds: { method: string; path: string; body?: unknown }[] = [
    { method: 'GET', path: '/me' },
    { method: 'GET', path: '/relationships' },
    { method: 'GET', path: '/ratings' },
  ];

  const snapshot = async () => {
    const db = harness.database.db;
    return {
      relationships: await db.select().from(relationships),
      goals: await db.select().from(goals),
      milestones: await db.select().from(milestones),
      agendaItems: await db.select().from(agendaItems),
      audit: await db.select().from(auditLog),
    };
  };

  it('asks for a token on every route except the OpenAPI document (401)', async () => {
    for (const route of [...routesWithoutIds, ...routesWithIds()]) {
      const answer = await api(route.method, route.path, undefined, route.body);
      expect({ route: route.path, method: route.method, status: answer.status }).toEqual({ route: route.path, method: route.method, status: 401 });
      expect((await api(route.method, route.path, 'not-a-token', route.body)).status).toBe(401);
    }
    expect((await api('GET', '/openapi.json')).status).toBe(200);
  });

  it("refuses another pair's data in the same tenant (403) and hides another tenant's (404), writing nothing", async () => {
    const before = await snapshot();
    for (const route of routesWithIds()) {
      const third = await api(route.method, route.path, tokens.third, route.body);
      expect({ route: `${route.method} ${route.path}`, status: third.status }).toEqual({ route: `${route.method} ${route.path}`, status: 403 });
      expect(third.body.error).toMatch(/belongs to another mentoring pair/);
      const foreigner = await api(route.method, route.path, tokens.foreigner, route.body);
      expect({ route: `${route.method} ${route.path}`, status: foreigner.status }).toEqual({ route: `${route.method} ${route.path}`, status: 404 });
    }
    // The pair's own tenant cannot reach the foreign pair's relationship either.
    expect((await api('GET', `/relationships/${foreign.relationship.id}`, tokens.mentee)).status).toBe(404);
    expect(await snapshot()).toEqual(before);
  });

  it('answers 404 for unknown and malformed ids', async () => {
    const before = await snapshot();
    for (const route of routesWithIds()) {
      for (const id of [UNKNOWN_ID, 'not-an-id']) {
        const path = route.path.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/, id);
        const answer = await api(route.method, path, tokens.mentee, route.body);
        expect({ route: `${route.method} ${path}`, status: answer.status }).toEqual({ route: `${route.method} ${path}`, status: 404 });
      }
    }
    expect(await snapshot()).toEqual(before);
  });

  it('rejects bad bodies with the field and reason, and writes nothing', async () => {
    const before = await snapshot();
    const relationship = `/relationships/${pairIds.relationship}`;
    const cases: [string, string, unknown, string, RegExp][] = [
      ['PUT', `${relationship}/stage`, { stage: 'done' }, 'stage', /must be one of rapport-building/],
      ['PUT', `${relationship}/stage`, {}, 'stage', /one of/],
      ['POST', `${relationship}/goals`, { title: '', measure: 'x' }, 'title', /must not be empty/],
      ['POST', `${relationship}/goals`, { title: 'x'.repeat(201), measure: 'x' }, 'title', /at most 200/],
      ['POST', `${relationship}/goals`, { title: 'Speak up', measure: 'x'.repeat(501) }, 'measure', /at most 500/],
      ['POST', `${relationship}/goals`, { title: 'Speak up' }, 'measure', /is required/],
      ['POST', `${relationship}/goals`, { title: 'Speak up', measure: 'x', targetDate: '2026-02-30' }, 'targetDate', /calendar date/],
      ['POST', `${relationship}/goals`, { title: 'Speak up', measure: 'x', targetDate: '30/01/2026' }, 'targetDate', /YYYY-MM-DD/],
      ['POST', `${relationship}/goals`, { title: 'Speak up', measure: 'x', owner: 'me' }, 'owner', /not a field/],
      ['PATCH', `/goals/${pairIds.goal}`, { progress: 101 }, 'progress', /0 to 100/],
      ['PATCH', `/goals/${pairIds.goal}`, { progress: 2.5 }, 'progress', /whole number/],
      ['PATCH', `/goals/${pairIds.goal}`, { status: 'finished' }, 'status', /one of not-started/],
      ['POST', `/goals/${pairIds.goal}/milestones`, { title: 'First draft', dueOn: 'soon' }, 'dueOn', /YYYY-MM-DD/],
      ['PATCH', `/milestones/${pairIds.milestone}`, { done: 'yes' }, 'done', /true or false/],
      ['POST', `/sessions/${pairIds.past}/agenda`, { text: 'x'.repeat(501) }, 'text', /at most 500/],
      ['PATCH', `/agenda/${pairIds.agendaItem}`, { text: '   ' }, 'text', /must not be empty/],
      ['PUT', `/sessions/${pairIds.past}/agenda/order`, { ids: [UNKNOWN_ID] }, 'ids', /exactly once/],
      ['PUT', `/sessions/${pairIds.past}/agenda/order`, { ids: [pairIds.agendaItem, pairIds.agendaItem] }, 'ids', /exactly once/],
      ['PUT', `/sessions/${pairIds.past}/agenda/order`, { ids: [] }, 'ids', /exactly once/],
      ['PUT', `/sessions/${pairIds.past}/agenda/order`, { ids: ['first'] }, 'ids.0', /agenda item ids/],
    ];
    for (const [method, path, body, field, reason] of cases) {
      const answer = await api(method, path, tokens.mentee, body);
      expect({ method, path, field, status: answer.status, body: answer.body }).toEqual({
        method,
        path,
        field,
        status: 400,
        body: { field, error: expect.stringMatching(reason) },
      });
    }
    const empty = await api('PATCH', `/goals/${pairIds.goal}`, tokens.mentee, {});
    expect(empty).toEqual({ status: 400, body: { error: 'Give at least one field to change.' } });
    expect((await api('POST', `${relationship}/goals`, tokens.mentee, [])).status).toBe(400);
    expect(await snapshot()).toEqual(before);
  });

  it('tells me who I am and lists my relationships with the other person and their role', async () => {
    const me = await api('GET', '/me', tokens.mentor);
    expect(me).toEqual({
      status: 200,
      body: { person: { id: seed.mentor.id, name: 'Mia Mentor', tenantId: TENANT }, relationships: { active: 1, paused: 0, past: 1 } },
    });

    const mentor = await api('GET', '/relationships', tokens.mentor);
    expect(mentor.status).toBe(200);
    expect(mentor.body.relationships.map((r: { id: string; status: string; other: { name: string; role: string } }) => [r.id, r.status, r.other.name, r.other.role])).toEqual([
      [pairIds.relationship, 'active', 'Max Mentee', 'mentee'],
      [pairIds.ended, 'finished', 'former-mentee', 'mentee'],
    ]);
    expect(mentor.body.relationships[1].endedAt).toEqual(expect.any(String));

    const mentee = await api('GET', '/relationships', tokens.mentee);
    expect(mentee.body.relationships).toEqual([
      expect.objectContaining({
        id: pairIds.relationship,
        stage: 'rapport-building',
        stageTitle: 'Rapport building',
        myRole: 'mentee',
        other: { personId: seed.mentor.id, name: 'Mia Mentor', role: 'mentor' },
        endedAt: null,
      }),
    ]);
    expect((await api('GET', '/relationships', tokens.third)).body.relationships).toEqual([]);
  });

  it('shows upcoming sessions with their join link and past ones with their agendas; cancelled ones that never happened are left out', async () => {
    const sessions = await api('GET', `/relationships/${pairIds.relationship}/sessions`, tokens.mentee);
    expect(sessions.status).toBe(200);
    expect(sessions.body.upcoming.map((s: { id: string }) => s.id)).toEqual([pairIds.upcoming]);
    expect(sessions.body.upcoming[0].joinUrl).toBe('https://teams.microsoft.com/l/meetup-join/next');
    expect(sessions.body.past.map((s: { id: string }) => s.id)).toEqual([pairIds.past]);
    expect(sessions.body.past[0].agenda.map((a: { text: string }) => a.text)).toEqual(['What went well']);
    const view = await api('GET', `/relationships/${pairIds.relationship}`, tokens.mentor);
    expect(view.body.nextSession.id).toBe(pairIds.upcoming);
    expect(view.body.sessions).toEqual(sessions.body);
  });

  it('lists the ratings I gave, and only mine', async () => {
    const mine = await api('GET', '/ratings', tokens.mentee);
    expect(mine.body.ratings).toEqual([
      {
        id: expect.any(String),
        sessionId: pairIds.past,
        session: { relationshipId: pairIds.relationship, startsAt: expect.any(String) },
        score: 4,
        tookPlace: true,
        mostUseful: 'The mock interview',
        shareWithPartner: true,
        createdAt: expect.any(String),
      },
    ]);
    expect((await api('GET', '/ratings', tokens.mentor)).body.ratings).toEqual([]);
  });

  it.each(['mentee', 'mentor'] as const)('lets the %s write goals and milestones, shown in the pair view', async (who) => {
    const token = tokens[who];
    const created = await api('POST', `/relationships/${pairIds.relationship}/goals`, token, {
      title: `Lead a team meeting (${who})`,
      measure: 'Chair two meetings and get feedback from three colleagues',
      targetDate: '2031-06-30',
    });
    expect(created).toMatchObject({ status: 201, body: { ownerPersonId: seed.mentee.id, status: 'not-started', progress: 0, targetDate: '2031-06-30', milestones: [] } });
    const goalId = created.body.id as string;
    const first = await api('POST', `/goals/${goalId}/milestones`, token, { title: 'Ask my manager', dueOn: '2031-03-01' });
    const second = await api('POST', `/goals/${goalId}/milestones`, token, { title: 'Chair the first meeting' });
    expect([first.status, second.status]).toEqual([201, 201]);
    expect((await api('PATCH', `/milestones/${first.body.id}`, token, { done: true })).body).toMatchObject({ done: true, doneAt: expect.any(String) });
    expect((await api('PATCH', `/goals/${goalId}`, token, { progress: 40, status: 'in-progress', targetDate: null })).status).toBe(200);

    const goalInView = async () => {
      const view = await api('GET', `/relationships/${pairIds.relationship}`, token);
      return view.body.goals.find((g: { id: string }) => g.id === goalId);
    };
    expect(await goalInView()).toMatchObject({
      title: `Lead a team meeting (${who})`,
      progress: 40,
      status: 'in-progress',
      targetDate: null,
      milestones: [
        { id: first.body.id, title: 'Ask my manager', dueOn: '2031-03-01', done: true },
        { id: second.body.id, title: 'Chair the first meeting', dueOn: null, done: false },
      ],
    });

    expect((await api('DELETE', `/milestones/${first.body.id}`, token)).status).toBe(204);
    expect((await api('PATCH', `/milestones/${second.body.id}`, token, { title: 'Chair a meeting', done: false })).body).toMatchObject({ title: 'Chair a meeting', done: false });
    const completed = await api('POST', `/goals/${goalId}/complete`, token);
    expect(completed.body).toMatchObject({ status: 'done', progress: 100, completedAt: expect.any(String) });
    expect((await goalInView()).milestones.map((m: { id: string }) => m.id)).toEqual([second.body.id]);

    expect((await api('DELETE', `/goals/${goalId}`, token)).status).toBe(204);
    expect(await goalInView()).toBeUndefined();
    expect((await api('PATCH', `/goals/${goalId}`, token, { progress: 1 })).status).toBe(404);
    const rows = await harness.database.db.select().from(milestones);
    expect(rows.filter((m) => m.goalId === goalId)).toEqual([]);
  });

  it('lets both people add, reorder, tick off and delete agenda items of the next session', async () => {
    const agenda = `/sessions/${pairIds.upcoming}/agenda`;
    const fromMentee = await api('POST', agenda, tokens.mentee, { text: 'How to say no to extra work' });
    const fromMentor = await api('POST', agenda, tokens.mentor, { text: 'Review the goal plan' });
    const another = await api('POST', agenda, tokens.mentee, { text: 'Feedback on my presentation' });
    expect([fromMentee.status, fromMentor.status, another.status]).toEqual([201, 201, 201]);
    expect(fromMentor.body.authorPersonId).toBe(seed.mentor.id);

    const order = [another.body.id, fromMentor.body.id, fromMentee.body.id];
    const reordered = await api('PUT', `${agenda}/order`, tokens.mentor, { ids: order });
    expect(reordered.body.agenda.map((a: { id: string }) => a.id)).toEqual(order);
    expect((await api('PATCH', `/agenda/${fromMentor.body.id}`, tokens.mentee, { done: true })).body.done).toBe(true);
    expect((await api('PATCH', `/agenda/${another.body.id}`, tokens.mentor, { text: 'Feedback on my slides' })).status).toBe(200);

    const nextAgenda = async () => (await api('GET', `/relationships/${pairIds.relationship}`, tokens.mentee)).body.nextSession.agenda;
    expect((await nextAgenda()).map((a: { id: string; text: string; done: boolean }) => [a.id, a.text, a.done])).toEqual([
      [another.body.id, 'Feedback on my slides', false],
      [fromMentor.body.id, 'Review the goal plan', true],
      [fromMentee.body.id, 'How to say no to extra work', false],
    ]);

    expect((await api('DELETE', `/agenda/${fromMentor.body.id}`, tokens.mentee)).status).toBe(204);
    expect((await nextAgenda()).map((a: { id: string }) => a.id)).toEqual([another.body.id, fromMentee.body.id]);
    expect((await api('DELETE', `/agenda/${fromMentor.body.id}`, tokens.mentee)).status).toBe(404);
  });

  it('moves an active relationship forward and back, and refuses an ended one (409)', async () => {
    const stage = `/relationships/${pairIds.relationship}/stage`;
    expect((await api('PUT', stage, tokens.mentee, { stage: 'progression' })).body).toMatchObject({ stage: 'progression', stageTitle: 'Progression' });
    expect((await api('PUT', stage, tokens.mentor, { stage: 'setting-direction' })).body).toMatchObject({ stage: 'setting-direction' });
    expect((await api('GET', `/relationships/${pairIds.relationship}`, tokens.mentee)).body.relationship.stage).toBe('setting-direction');

    const ended = await api('PUT', `/relationships/${pairIds.ended}/stage`, tokens.mentor, { stage: 'moving-on' });
    expect(ended).toEqual({ status: 409, body: { error: 'This relationship has ended; its stage can no longer change.' } });
    expect((await store.relationships.get(TENANT, pairIds.ended))?.stage).toBe('rapport-building');
  });

  it('records who changed what in the audit log, never the words people wrote', async () => {
    const rows = await harness.database.db.select().from(auditLog);
    const actions = new Set(rows.map((r) => r.action));
    for (const action of ['goal.created', 'goal.updated', 'goal.completed', 'goal.deleted', 'milestone.created', 'milestone.updated', 'milestone.deleted', 'agenda-item.created', 'agenda-item.updated', 'agenda.reordered', 'agenda-item.deleted', 'relationship.stage-changed']) {
      expect(actions).toContain(action);
    }
    const stageChange = rows.find((r) => r.action === 'relationship.stage-changed' && r.actorPersonId === seed.mentor.id);
    expect(stageChange).toMatchObject({ tenantId: TENANT, targetType: 'relationship', targetId: pairIds.relationship, details: { from: 'progression', to: 'setting-direction' } });
    const written = JSON.stringify(rows.map((r) => r.details));
    for (const words of ['Lead a team meeting', 'Chair', 'How to say no', 'Feedback on my']) expect(written).not.toContain(words);
  });
});
