/**
 * The admin matching API over HTTP on the real server: who may call it, runs
 * with a draft per objective, publishing once, and pairing by hand.
 */
import { matchProposals } from '../../src/store/schema';
import { cardsIn, startHarness, type Harness } from '../support/botHarness';
import { texts } from '../support/cards';
import { testDatabaseTargets } from '../support/databases';
import { devSignIn, jsonApi, OTHER_TENANT, profileProgramId, signInEach } from '../support/httpApi';
import { menteeAnswers, register, registerMatchingCast } from '../support/registrations';

describe.each(testDatabaseTargets)('the matching API, on $name', (target) => {
  let harness: Harness;
  let programId: string;
  const ids: Record<string, string> = {};
  const tokens: Record<string, string> = {};

  const api = jsonApi(() => harness.app.url);

  beforeAll(async () => {
    harness = await startHarness(target, { env: { TENANT_ADMINS: '29:admin' } });
    const people = await registerMatchingCast(harness);
    await signInEach(api, people, { tokens, ids });
    programId = await profileProgramId(people.ann);
  });
  afterAll(() => harness.close());

  const runs = () => `/api/v1/programs/${programId}/match-runs`;

  it('refuses callers without a valid token (401) and people who are not admins (403)', async () => {
    expect((await api('POST', runs())).status).toBe(401);
    expect((await api('POST', runs(), 'not-a-token')).status).toBe(401);
    const notAdmin = await api('POST', runs(), tokens.ann);
    expect(notAdmin).toMatchObject({ status: 403, body: { error: "Only this program's admins can do that." } });
    expect((await api('GET', runs(), tokens.mia)).status).toBe(403);
    expect(await harness.database.db.select().from(matchProposals)).toEqual([]);
  });

  let runId: string;

  it('runs matching: a draft per objective with figures and reasons, and why some cannot be matched', async () => {
    const { status, body } = await api('POST', runs(), tokens.admin);
    expect(status).toBe(201);
    runId = body.id;
    expect(body.status).toBe('draft');
    expect(body.pool).toMatchObject({ mentees: 3, mentors: 2, pruning: null });
    expect(body.drafts.map((d: { objective: string }) => d.objective)).toEqual(['max-matched', 'max-score', 'max-min']);
    const maxMatched = body.drafts[0];
    // Kenji is too far from every mentor; Ann and Bo are matched, one to each mentor (Max takes one).
    expect(maxMatched.matched).toBe(2);
    expect(maxMatched.pairs.map((p: { menteeName: string }) => p.menteeName).sort()).toEqual(['Ann Lee', 'Bo Svensson']);
    for (const pair of maxMatched.pairs) {
      expect(pair.score).toBeGreaterThan(0);
      expect(pair.reasons.forMentee.length).toBeGreaterThan(0);
      expect(pair.reasons.forMentor.length).toBeGreaterThan(0);
    }
    expect(maxMatched.totalScore).toBeCloseTo(maxMatched.pairs.reduce((s: number, p: { score: number }) => s + p.score, 0), 3);
    expect(body.unmatched).toEqual([expect.objectContaining({ name: 'Kenji Mori', reason: expect.stringMatching(/No mentor passes/) })]);

    const fetched = await api('GET', `${runs()}/${runId}`, tokens.admin);
    expect(fetched.body.drafts).toEqual(body.drafts);
    expect((await api('GET', runs(), tokens.admin)).body.runs.map((r: { id: string }) => r.id)).toEqual([runId]);
  });

  it('rejects a bad publish with the field and reason, and writes nothing', async () => {
    const bad = await api('POST', `${runs()}/${runId}/publish`, tokens.admin, { objective: 'best' });
    expect(bad).toMatchObject({ status: 400, body: { field: 'objective', error: expect.stringMatching(/max-matched/) } });
    expect((await api('POST', `${runs()}/00000000-0000-4000-8000-000000000000/publish`, tokens.admin, { objective: 'max-score' })).status).toBe(404);
    expect(await harness.database.db.select().from(matchProposals)).toEqual([]);
  });

  it('publishes one objective once: each pair is proposed to its mentor', async () => {
    const published = await api('POST', `${runs()}/${runId}/publish`, tokens.admin, { objective: 'max-matched' });
    expect(published).toMatchObject({ status: 200, body: { proposed: 2, skipped: [], run: { status: 'published', publishedObjective: 'max-matched' } } });
    const proposals = await harness.database.db.select().from(matchProposals);
    expect(proposals.map((p) => [p.status, p.source, p.runId])).toEqual([
      ['proposed', 'algorithm', runId],
      ['proposed', 'algorithm', runId],
    ]);
    const mentorCards = harness.connector.calls
      .filter((c) => c.conversationId.endsWith('29:mia') || c.conversationId.endsWith('29:max'))
      .flatMap((c) => cardsIn([c.body]))
      .map((card) => texts(card)[0]);
    expect(mentorCards.filter((t) => t === 'Tandem suggests a mentee for you')).toHaveLength(2);

    const again = await api('POST', `${runs()}/${runId}/publish`, tokens.admin, { objective: 'max-score' });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatch(/already published \(max-matched\)/);
    expect(await harness.database.db.select().from(matchProposals)).toHaveLength(2);
  });

  it('lets an admin preview and make a pair, and refuses pairs the rules exclude, with the reasons', async () => {
    const pairings = `/api/v1/programs/${programId}/pairings`;
    const waiting = await api('POST', `${pairings}/preview`, tokens.admin, { menteePersonId: ids.ann, mentorPersonId: ids.mia });
    expect(waiting).toMatchObject({ status: 422, body: { field: 'menteePersonId', error: expect.stringMatching(/waiting for/) } });

    const excluded = await api('POST', `${pairings}/preview`, tokens.admin, { menteePersonId: ids.kenji, mentorPersonId: ids.mia });
    expect(excluded.status).toBe(200);
    expect(excluded.body.score).toBeNull();
    expect(excluded.body.exclusions.map((e: { code: string }) => e.code)).toContain('time-zone-gap');

    const refused = await api('POST', pairings, tokens.admin, { menteePersonId: ids.kenji, mentorPersonId: ids.mia });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatch(/h apart/);

    const bad = await api('POST', pairings, tokens.admin, { menteePersonId: 'kenji', mentorPersonId: ids.mia });
    expect(bad).toMatchObject({ status: 400, body: { field: 'menteePersonId' } });
    expect(await harness.database.db.select().from(matchProposals)).toHaveLength(2);

    const overridden = await api('POST', pairings, tokens.admin, { menteePersonId: ids.kenji, mentorPersonId: ids.mia, override: true });
    expect(overridden).toMatchObject({ status: 201, body: { mentee: { name: 'Kenji Mori' }, mentor: { name: 'Mia Chen' } } });
    const rows = await harness.database.db.select().from(matchProposals);
    expect(rows.filter((p) => p.source === 'admin')).toHaveLength(1);
  });

  it('excludes a mentor in the mentee\'s reporting line, named in the questionnaire', async () => {
    const dee = harness.user('29:dee', { name: 'Dee Park' });
    await register(dee, 'mentee', { ...menteeAnswers, q_manager: 'max weber' });
    const signedIn = await devSignIn(api, '29:dee');
    const preview = await api('POST', `/api/v1/programs/${programId}/pairings/preview`, tokens.admin, {
      menteePersonId: signedIn.personId,
      mentorPersonId: ids.max,
    });
    expect(preview.body.exclusions).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'reporting-line' })]));
  });

  it('keeps admins to their own tenant', async () => {
    const outsider = harness.user('29:admin', { tenantId: OTHER_TENANT, name: 'Other Admin' });
    await outsider.say('help');
    const { token } = await devSignIn(api, '29:admin', OTHER_TENANT);
    const { status } = await api('POST', runs(), token);
    expect(status).toBe(403);
  });
});
