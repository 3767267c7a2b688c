/**
 * Matching review over HTTP on the real server: a run started in the
 * background (202, then its progress and status), the three objectives side
 * by side with mentor load, unmatched mentees with why, and weights tried for
 * one run changing who is matched, without changing the program.
 */
import { matchRuns } from '../../src/store/schema';
import { startHarness, type Harness } from '../support/botHarness';
import { testDatabaseTargets } from '../support/databases';
import { devSignIn, jsonApi, OTHER_TENANT, profileProgramId, signInEach } from '../support/httpApi';
import { menteeAnswers, mentorAnswers, register } from '../support/registrations';

describe.each(testDatabaseTargets)('matching review, on $name', (target) => {
  let harness: Harness;
  let programId: string;
  const ids: Record<string, string> = {};
  const tokens: Record<string, string> = {};

  const api = jsonApi(() => harness.app.url);

  const runs = () => `/api/v1/programs/${programId}/match-runs`;

  /** Starts a run in the background and follows it until it is no longer running. */
  async function runToEnd(body?: unknown) {
    const started = await api('POST', runs(), tokens.admin, body, { prefer: 'respond-async' });
    expect(started).toMatchObject({ status: 202, body: { status: 'running', progress: { objectives: 3 } } });
    expect(started.headers.get('location')).toBe(`${runs()}/${started.body.id}`);
    for (let attempt = 0; attempt < 400; attempt++) {
      const run = await api('GET', `${runs()}/${started.body.id}`, tokens.admin);
      if (run.body.status !== 'running') return run.body;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error('the run never finished');
  }

  beforeAll(async () => {
    harness = await startHarness(target, { env: { TENANT_ADMINS: '29:admin' } });
    const people = {
      // Mia offers what Ann wants; Max prefers to meet the way Ann does. Otherwise they answer alike.
      mia: harness.user('29:mia', { name: 'Mia Chen' }),
      max: harness.user('29:max', { name: 'Max Weber' }),
      ann: harness.user('29:ann', { name: 'Ann Lee' }),
      bo: harness.user('29:bo', { name: 'Bo Svensson' }),
      cy: harness.user('29:cy', { name: 'Cy Park' }),
      kenji: harness.user('29:kenji', { name: 'Kenji Mori' }),
      admin: harness.user('29:admin', { name: 'Ada Admin' }),
    };
    await register(people.mia, 'mentor', { ...mentorAnswers, q_mentorCapacity: '1', q_skillsToOffer: 'leadership', q_communication: 'in-person' });
    await register(people.max, 'mentor', { ...mentorAnswers, q_mentorCapacity: '1', q_skillsToOffer: 'strategy', q_communication: 'teams-video-call' });
    await register(people.ann, 'mentee', menteeAnswers);
    await register(people.bo, 'mentee', menteeAnswers);
    await register(people.cy, 'mentee', menteeAnswers);
    await register(people.kenji, 'mentee', { ...menteeAnswers, q_timeZone: 'Asia/Tokyo' });
    await people.admin.say('help');
    await signInEach(api, people, { tokens, ids });
    const outsider = harness.user('29:admin', { tenantId: OTHER_TENANT, name: 'Other Admin' });
    await outsider.say('help');
    tokens.outsider = (await devSignIn(api, '29:admin', OTHER_TENANT)).token;
    programId = await profileProgramId(people.ann);
  });
  afterAll(() => harness.close());

  it('runs in the background and then shows the objectives side by side, with who is left out and why', async () => {
    const run = await runToEnd();
    expect(run).toMatchObject({ status: 'draft', progress: { stage: 'done', objectivesSolved: 3 }, weights: null, error: null });
    expect(run.comparison.map((c: { objective: string }) => c.objective)).toEqual(['max-matched', 'max-score', 'max-min']);
    for (const c of run.comparison) {
      // Two mentors with room for one each: two of the three mentees who fit, both mentors at one mentee.
      expect(c).toMatchObject({ matched: 2, unmatched: 2, mentorLoad: [{ mentees: 1, mentors: 2 }] });
      expect(c.averageScore).toBeCloseTo(c.totalScore / 2, 1);
      expect(c.minScore).toBeLessThanOrEqual(c.averageScore);
    }
    const unmatched = run.drafts[0].unmatched as { name: string; cause: string; reason: string; exclusions: { code: string; mentors: number }[] }[];
    const kenji = unmatched.find((u) => u.name === 'Kenji Mori');
    expect(kenji).toMatchObject({ cause: 'no-eligible-mentor', exclusions: [{ code: 'time-zone-gap', mentors: 2 }] });
    expect(kenji!.reason).toMatch(/too many hours apart: 2 mentors/);
    const full = unmatched.filter((u) => u.name !== 'Kenji Mori');
    expect(full).toEqual([expect.objectContaining({ cause: 'mentors-full', reason: expect.stringMatching(/taken by other mentees/) })]);
    expect(['Ann Lee', 'Bo Svensson', 'Cy Park']).toContain(full[0]!.name);
    for (const pair of run.drafts[0].pairs) expect(pair.reasons.forMentee.length).toBeGreaterThan(0);
  });

  it('lets the admin try other weights for one run: they change who is matched, and the program keeps its own', async () => {
    for (const person of ['bo', 'cy']) {
      expect((await api('POST', `/api/v1/programs/${programId}/participants/${ids[person]}/pause`, tokens.admin)).status).toBe(200);
    }
    const mentorOfAnn = (run: { drafts: { objective: string; pairs: { menteeName: string; mentorName: string }[] }[] }) =>
      run.drafts.find((d) => d.objective === 'max-score')!.pairs.find((p) => p.menteeName === 'Ann Lee')?.mentorName;

    const asConfigured = await runToEnd({});
    expect(mentorOfAnn(asConfigured)).toBe('Mia Chen');

    const weights = { skillsToDevelop: 0, communication: 10 };
    const reweighted = await runToEnd({ weights });
    expect(reweighted.weights).toEqual(weights);
    expect(mentorOfAnn(reweighted)).toBe('Max Weber');
    const pair = reweighted.drafts[1].pairs[0];
    expect(pair.reasons.forMentee.join(' · ')).not.toMatch(/skill/);

    const program = await api('GET', `/api/v1/programs/${programId}`, tokens.admin);
    const skills = program.body.questionnaire.questions.find((q: { id: string }) => q.id === 'skillsToDevelop');
    expect(skills.matching.weight).toBe(10);
    const again = await runToEnd();
    expect(mentorOfAnn(again)).toBe('Mia Chen');

    const audit = await api('GET', `/api/v1/programs/${programId}/audit`, tokens.admin);
    const starts = audit.body.entries.filter((e: { action: string }) => e.action === 'match-run.start');
    expect(starts.map((e: { details: { weights: unknown } }) => e.details.weights)).toEqual([null, weights, null, null]);

    const published = await api('POST', `${runs()}/${reweighted.id}/publish`, tokens.admin, { objective: 'max-score' });
    expect(published).toMatchObject({ status: 200, body: { proposed: 1 } });
  });

  it('refuses weights for questions that are not scored or not there, and outside 0 to 10, and starts nothing', async () => {
    const before = (await harness.database.db.select().from(matchRuns)).length;
    expect(await api('POST', runs(), tokens.admin, { weights: { shoeSize: 3 } })).toMatchObject({
      status: 422,
      body: { field: 'weights.shoeSize', error: 'is not a question of this program' },
    });
    expect(await api('POST', runs(), tokens.admin, { weights: { goals: 3 } })).toMatchObject({ status: 422, body: { field: 'weights.goals' } });
    expect(await api('POST', runs(), tokens.admin, { weights: { department: 11 } })).toMatchObject({
      status: 400,
      body: { field: 'weights.department', error: 'must be from 0 to 10' },
    });
    expect(await api('POST', runs(), tokens.admin, { weight: {} })).toMatchObject({ status: 400, body: { field: 'weight' } });
    expect((await harness.database.db.select().from(matchRuns)).length).toBe(before);
  });

  it('refuses runs to non-admins and to other tenants', async () => {
    const before = (await harness.database.db.select().from(matchRuns)).length;
    for (const token of [tokens.mia, tokens.outsider]) {
      expect((await api('POST', runs(), token, { weights: { department: 1 } })).status).toBe(403);
      expect((await api('GET', runs(), token)).status).toBe(403);
    }
    expect((await harness.database.db.select().from(matchRuns)).length).toBe(before);
  });
});
