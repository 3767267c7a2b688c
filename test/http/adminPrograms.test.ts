/**
 * The admin API for programs over HTTP on the real server: roles (tenant
 * admins, program admins, everyone else, other tenants), creating and editing
 * programs with their validation, the questionnaire and the answers already
 * given, opening and closing, and the audit log.
 */
import { auditLog, programs } from '../../src/store/schema';
import { defaultProgram } from '../../src/domain/defaultProgram';
import { cardsIn, startHarness, type Harness } from '../support/botHarness';
import { testDatabaseTargets } from '../support/databases';
import { devSignIn, jsonApi, OTHER_TENANT, profileProgramId, signInEach } from '../support/httpApi';
import { menteeAnswers, register } from '../support/registrations';

describe.each(testDatabaseTargets)('the programs admin API, on $name', (target) => {
  let harness: Harness;
  let defaultProgramId: string;
  const ids: Record<string, string> = {};
  const tokens: Record<string, string> = {};

  const api = jsonApi(() => harness.app.url);

  const programCount = async () => (await harness.database.db.select().from(programs)).length;
  const auditActions = async () => (await harness.database.db.select().from(auditLog)).map((row) => row.action);

  beforeAll(async () => {
    harness = await startHarness(target, { env: { TENANT_ADMINS: '29:boss' } });
    const people = {
      boss: harness.user('29:boss', { name: 'Bea Boss' }),
      lead: harness.user('29:lead', { name: 'Lee Lead' }),
      ann: harness.user('29:ann', { name: 'Ann Lee' }),
    };
    await register(people.ann, 'mentee', menteeAnswers);
    await people.boss.say('help');
    await people.lead.say('help');
    await signInEach(api, people, { tokens, ids });
    const outsider = harness.user('29:boss', { tenantId: OTHER_TENANT, name: 'Other Boss' });
    await outsider.say('help');
    tokens.outsider = (await devSignIn(api, '29:boss', OTHER_TENANT)).token;
    defaultProgramId = await profileProgramId(people.ann);
  });
  afterAll(() => harness.close());

  const cohort = {
    name: 'Women in Engineering 2026',
    description: 'Six months, one mentor each.',
    type: 'one-to-one',
    shape: 'cohort',
    startsOn: '2026-01-15',
    endsOn: '2026-07-15',
    matchingMode: 'algorithm',
    cadenceDays: 21,
    sessionMinutes: 45,
    mentorCapacityDefault: 2,
    reminderOffsetsMinutes: [1440, 30],
    ratingDelayMinutes: 10,
    maxTimeZoneGapHours: 4,
    proposalExpiryDays: 5,
  };
  let programId: string;

  it('tells each caller what they may administer', async () => {
    expect((await api('GET', '/api/v1/admin/me')).status).toBe(401);
    const boss = await api('GET', '/api/v1/admin/me', tokens.boss);
    expect(boss).toMatchObject({
      status: 200,
      body: { tenantAdmin: true, tenantAdminVia: 'configuration', canCreatePrograms: true, programs: [{ id: defaultProgramId, as: 'tenant-admin' }] },
    });
    const ann = await api('GET', '/api/v1/admin/me', tokens.ann);
    expect(ann).toMatchObject({ status: 200, body: { tenantAdmin: false, canCreatePrograms: false, programs: [] } });
  });

  it('refuses a program that breaks the rules with the field and reason, and writes nothing', async () => {
    const before = await programCount();
    const noDates = await api('POST', '/api/v1/programs', tokens.boss, { ...cohort, startsOn: null });
    expect(noDates).toMatchObject({ status: 422, body: { field: 'startsOn', error: 'a cohort needs a start date' } });
    const backwards = await api('POST', '/api/v1/programs', tokens.boss, { ...cohort, endsOn: '2026-01-01' });
    expect(backwards).toMatchObject({ status: 422, body: { field: 'endsOn', error: 'must be after startsOn' } });
    const badType = await api('POST', '/api/v1/programs', tokens.boss, { ...cohort, type: 'mob' });
    expect(badType).toMatchObject({ status: 400, body: { field: 'type' } });
    const typo = await api('POST', '/api/v1/programs', tokens.boss, { ...cohort, cadance: 30 });
    expect(typo).toMatchObject({ status: 400, body: { field: 'cadance', error: 'is not a field of this request' } });
    const badDay = await api('POST', '/api/v1/programs', tokens.boss, { ...cohort, startsOn: '2026-02-30' });
    expect(badDay).toMatchObject({ status: 400, body: { field: 'startsOn', error: 'is not a calendar date' } });
    const stranger = await api('POST', '/api/v1/programs', tokens.boss, { ...cohort, adminPersonIds: ['00000000-0000-4000-8000-00000000abcd'] });
    expect(stranger).toMatchObject({ status: 422, body: { field: 'adminPersonIds.0' } });
    const badQuestionnaire = await api('POST', '/api/v1/programs', tokens.boss, {
      ...cohort,
      questionnaire: { questions: [...defaultProgram.questionnaire.questions, defaultProgram.questionnaire.questions[0]] },
    });
    expect(badQuestionnaire).toMatchObject({ status: 422, body: { field: `questionnaire.questions.${defaultProgram.questionnaire.questions.length}.id` } });
    expect(await programCount()).toBe(before);
  });

  it('lets only tenant admins create programs, with admins from the tenant', async () => {
    expect((await api('POST', '/api/v1/programs', tokens.ann, cohort)).status).toBe(403);
    expect((await api('POST', '/api/v1/programs', tokens.lead, cohort)).body.error).toMatch(/Tandem admins/);
    const created = await api('POST', '/api/v1/programs', tokens.boss, { ...cohort, adminPersonIds: [ids.lead] });
    expect(created).toMatchObject({
      status: 201,
      body: { ...cohort, status: 'draft', slug: 'women-in-engineering-2026', admins: [{ personId: ids.lead, name: 'Lee Lead' }], changed: true },
    });
    expect(created.body.questionnaire).toEqual(defaultProgram.questionnaire);
    programId = created.body.id;
  });

  it('lets a program admin manage their program and nothing else', async () => {
    const me = await api('GET', '/api/v1/admin/me', tokens.lead);
    expect(me.body).toMatchObject({ tenantAdmin: false, programs: [{ id: programId, as: 'program-admin' }] });
    expect((await api('GET', '/api/v1/programs', tokens.lead)).body.programs.map((p: { id: string }) => p.id)).toEqual([programId]);
    expect((await api('GET', `/api/v1/programs/${programId}`, tokens.lead)).status).toBe(200);
    const edited = await api('PATCH', `/api/v1/programs/${programId}`, tokens.lead, { cadenceDays: 28, sessionMinutes: 60 });
    expect(edited).toMatchObject({ status: 200, body: { cadenceDays: 28, sessionMinutes: 60, changed: true } });
    const again = await api('PATCH', `/api/v1/programs/${programId}`, tokens.lead, { cadenceDays: 28 });
    expect(again).toMatchObject({ status: 200, body: { changed: false } });
    expect((await api('GET', `/api/v1/programs/${defaultProgramId}`, tokens.lead)).status).toBe(403);
    expect((await api('PATCH', `/api/v1/programs/${programId}`, tokens.lead, { shape: 'evergreen' }))).toMatchObject({
      status: 422,
      body: { field: 'startsOn', problems: [{ field: 'startsOn' }, { field: 'endsOn' }] },
    });
    expect((await api('PATCH', `/api/v1/programs/${programId}`, tokens.lead, {})).status).toBe(400);
  });

  it('refuses every admin route to people who are not admins, and to other tenants', async () => {
    const questionnaire = { questionnaire: defaultProgram.questionnaire };
    const routes: [string, string, unknown?][] = [
      ['GET', `/api/v1/programs/${programId}`],
      ['PATCH', `/api/v1/programs/${programId}`, { cadenceDays: 7 }],
      ['PUT', `/api/v1/programs/${programId}/questionnaire`, questionnaire],
      ['POST', `/api/v1/programs/${programId}/open`],
      ['POST', `/api/v1/programs/${programId}/close`],
      ['GET', `/api/v1/programs/${programId}/audit`],
    ];
    const before = await auditActions();
    for (const token of [tokens.ann, tokens.outsider]) {
      for (const [method, path, body] of routes) {
        const { status, body: answer } = await api(method, path, token, body);
        expect({ method, path, status }).toEqual({ method, path, status: 403 });
        expect(answer.error).toEqual(expect.any(String));
      }
      expect((await api('GET', `/api/v1/programs/${programId}`)).status).toBe(401);
    }
    expect(await api('GET', '/api/v1/programs', tokens.ann)).toMatchObject({ status: 403, body: { error: expect.stringMatching(/do not administer/) } });
    // The other tenant's admin (the same Teams user id, named in TENANT_ADMINS) sees their own tenant's programs only.
    const theirs = await api('GET', '/api/v1/programs', tokens.outsider);
    expect(theirs.status).toBe(200);
    const theirIds = theirs.body.programs.map((p: { id: string }) => p.id);
    expect(theirIds).toHaveLength(1);
    expect(theirIds).not.toContain(programId);
    expect(theirIds).not.toContain(defaultProgramId);
    expect(await auditActions()).toEqual(before);
  });

  it('replaces the questionnaire after checking it, and protects answers already given', async () => {
    const path = `/api/v1/programs/${defaultProgramId}/questionnaire`;
    const questions = defaultProgram.questionnaire.questions;
    const broken = await api('PUT', path, tokens.boss, {
      questionnaire: { questions: [...questions.filter((q) => q.id !== 'skillsToOffer')] },
      allowDroppingAnswers: true,
    });
    expect(broken).toMatchObject({ status: 422, body: { field: 'questionnaire.questions.2.matching.counterpart' } });

    // Ann answered "interests": removing it needs the admin's explicit consent.
    const withoutInterests = { questions: questions.filter((q) => q.id !== 'interests') };
    const refused = await api('PUT', path, tokens.boss, { questionnaire: withoutInterests });
    expect(refused).toMatchObject({ status: 422, body: { field: 'questionnaire.questions', error: expect.stringMatching(/"interests" has 1 answer/) } });
    const current = await api('GET', `/api/v1/programs/${defaultProgramId}`, tokens.boss);
    expect(current.body.questionnaire).toEqual(defaultProgram.questionnaire);

    const stale = await api('PUT', path, tokens.boss, {
      questionnaire: withoutInterests,
      allowDroppingAnswers: true,
      expectedUpdatedAt: '2020-01-01T00:00:00.000Z',
    });
    expect(stale.status).toBe(409);

    const saved = await api('PUT', path, tokens.boss, {
      questionnaire: withoutInterests,
      allowDroppingAnswers: true,
      expectedUpdatedAt: current.body.updatedAt,
    });
    expect(saved).toMatchObject({ status: 200, body: { changed: true, answersDropped: { removed: [{ id: 'interests', answers: 1 }] } } });
    expect(saved.body.questionnaire.questions.map((q: { id: string }) => q.id)).not.toContain('interests');

    // A lighter weight on an unanswered question is an ordinary edit.
    const reweighted = {
      questions: withoutInterests.questions.map((q) => (q.id === 'department' ? { ...q, matching: { rule: 'different', weight: 5 } } : q)),
    };
    const edited = await api('PUT', path, tokens.boss, { questionnaire: reweighted });
    expect(edited).toMatchObject({ status: 200, body: { changed: true } });
  });

  it('opens and closes a program once each; a repeat changes nothing', async () => {
    const open = await api('POST', `/api/v1/programs/${programId}/open`, tokens.lead);
    expect(open).toMatchObject({ status: 200, body: { status: 'open', changed: true } });
    expect((await api('POST', `/api/v1/programs/${programId}/open`, tokens.lead)).body).toMatchObject({ status: 'open', changed: false });
    const closed = await api('POST', `/api/v1/programs/${programId}/close`, tokens.boss);
    expect(closed).toMatchObject({ status: 200, body: { status: 'closed', changed: true } });
    expect((await api('POST', `/api/v1/programs/${programId}/close`, tokens.boss)).body).toMatchObject({ changed: false });
  });

  it('records every admin action with who, what and when, and lists it for the program’s admins', async () => {
    const audit = await api('GET', `/api/v1/programs/${programId}/audit`, tokens.lead);
    expect(audit.status).toBe(200);
    const entries = audit.body.entries as { action: string; actor: { name: string }; at: string; details: Record<string, unknown> }[];
    expect(entries.map((e) => [e.action, e.actor.name])).toEqual([
      ['program.close', 'Bea Boss'],
      ['program.open', 'Lee Lead'],
      ['program.update', 'Lee Lead'],
      ['program.create', 'Bea Boss'],
    ]);
    expect(entries[2]!.details).toMatchObject({ fields: ['cadenceDays', 'sessionMinutes'], values: { cadenceDays: 28, sessionMinutes: 60 } });
    for (const e of entries) expect(Number.isNaN(Date.parse(e.at))).toBe(false);
    const page = await api('GET', `/api/v1/programs/${programId}/audit?limit=2`, tokens.lead);
    expect(page.body.entries).toHaveLength(2);
    const next = await api('GET', `/api/v1/programs/${programId}/audit?limit=2&before=${page.body.nextBefore}`, tokens.lead);
    expect(next.body.entries.map((e: { action: string }) => e.action)).toEqual(['program.update', 'program.create']);
    expect((await api('GET', `/api/v1/programs/${programId}/audit?limit=0`, tokens.lead))).toMatchObject({ status: 400, body: { field: 'limit' } });

    const defaults = await api('GET', `/api/v1/programs/${defaultProgramId}/audit`, tokens.boss);
    expect(defaults.body.entries.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['program.questionnaire.replace', 'enrollment.registered']),
    );
  });

  it('opens registration in chat for the open program: the bot offers the program that is open', async () => {
    const newcomer = harness.user('29:newcomer', { name: 'Nia Newcomer' });
    const offeredProgram = async () => {
      const [roleCard] = cardsIn(await newcomer.say('register'));
      return JSON.stringify(roleCard).match(/"programId":"([0-9a-f-]{36})"/)?.[1];
    };
    expect(await offeredProgram()).toBe(defaultProgramId);
    expect((await api('POST', `/api/v1/programs/${programId}/open`, tokens.boss)).body).toMatchObject({ status: 'open' });
    expect((await api('POST', `/api/v1/programs/${defaultProgramId}/close`, tokens.boss)).body).toMatchObject({ status: 'closed' });
    expect(await offeredProgram()).toBe(programId);
  });
});
