/**
 * The admin API for participants over HTTP on the real server: the filtered
 * list, the profile, and pause, resume, withdraw and re-match, each
 * idempotent and audited, refused to everyone but the program's admins.
 */
import { eq } from 'drizzle-orm';
import { enrollments, pairFlags, relationships } from '../../src/store/schema';
import { startHarness, TENANT, type Harness } from '../support/botHarness';
import { testDatabaseTargets } from '../support/databases';
import { devSignIn, jsonApi, OTHER_TENANT, profileProgramId, signInEach } from '../support/httpApi';
import { registerMatchingCast } from '../support/registrations';

describe.each(testDatabaseTargets)('the participants admin API, on $name', (target) => {
  let harness: Harness;
  let programId: string;
  const ids: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  const users: Record<string, ReturnType<Harness['user']>> = {};

  const api = jsonApi(() => harness.app.url);

  beforeAll(async () => {
    harness = await startHarness(target, { env: { TENANT_ADMINS: '29:admin' } });
    Object.assign(users, await registerMatchingCast(harness));
    await signInEach(api, users, { tokens, ids });
    const outsider = harness.user('29:outsider', { tenantId: OTHER_TENANT, name: 'Oz Outsider' });
    await outsider.say('help');
    tokens.outsider = (await devSignIn(api, '29:outsider', OTHER_TENANT)).token;
    programId = await profileProgramId(users.ann!);
  });
  afterAll(() => harness.close());

  const participants = (query = '') => `/api/v1/programs/${programId}/participants${query}`;
  const names = async (query: string) => {
    const { status, body } = await api('GET', participants(query), tokens.admin);
    expect(status).toBe(200);
    return (body.participants as { name: string }[]).map((p) => p.name);
  };

  it('lists participants by role, status, match and name', async () => {
    expect(await names('')).toEqual(['Ann Lee', 'Bo Svensson', 'Kenji Mori', 'Max Weber', 'Mia Chen']);
    expect(await names('?role=mentee')).toEqual(['Ann Lee', 'Bo Svensson', 'Kenji Mori']);
    expect(await names('?role=mentor')).toEqual(['Max Weber', 'Mia Chen']);
    expect(await names('?q=MIA')).toEqual(['Mia Chen']);
    const page = await api('GET', participants('?role=mentee&limit=2&offset=1'), tokens.admin);
    expect(page.body).toMatchObject({ total: 3, limit: 2, offset: 1 });
    expect(page.body.participants.map((p: { name: string }) => p.name)).toEqual(['Bo Svensson', 'Kenji Mori']);
    expect(await api('GET', participants('?role=boss'), tokens.admin)).toMatchObject({ status: 400, body: { field: 'role' } });
    expect(await api('GET', participants('?colour=red'), tokens.admin)).toMatchObject({ status: 400, body: { field: 'colour' } });
  });

  it('knows who is matched once a mentor accepts', async () => {
    const paired = await api('POST', `/api/v1/programs/${programId}/pairings`, tokens.admin, { menteePersonId: ids.ann, mentorPersonId: ids.mia });
    expect(paired.status).toBe(201);
    expect((await users.mia!.click('proposal.accept', { proposalId: paired.body.proposalId })).card).toBeDefined();

    expect(await names('?role=mentee&matched=true')).toEqual(['Ann Lee']);
    expect(await names('?role=mentee&matched=false')).toEqual(['Bo Svensson', 'Kenji Mori']);
    expect(await names('?role=mentor&matched=true')).toEqual(['Mia Chen']);
    const [ann] = (await api('GET', participants('?q=ann'), tokens.admin)).body.participants;
    expect(ann).toMatchObject({ role: 'mentee', status: 'active', matched: true, mentor: { personId: ids.mia, name: 'Mia Chen', status: 'active' } });
  });

  it('shows a profile: answers with their questions, the match, proposals, activity and open flags', async () => {
    const [relationship] = await harness.database.db.select().from(relationships);
    await harness.database.db.insert(pairFlags).values({ tenantId: TENANT, relationshipId: relationship!.id, reason: 'low-rating', key: `test-${relationship!.id}` });

    const { status, body } = await api('GET', participants(`/${ids.ann}`), tokens.admin);
    expect(status).toBe(200);
    expect(body.participant).toMatchObject({ name: 'Ann Lee', mentor: { name: 'Mia Chen' } });
    const answer = (id: string) => body.answers.find((a: { questionId: string }) => a.questionId === id);
    expect(answer('skillsToDevelop')).toEqual({
      questionId: 'skillsToDevelop',
      label: 'Skills you want to develop',
      answer: 'Leadership, People management',
      hidden: false,
    });
    expect(answer('timeZone').answer).toMatch(/Berlin/);
    expect(answer('background')).toMatchObject({ answer: null, hidden: true });
    expect(body.relationships).toEqual([expect.objectContaining({ name: 'Mia Chen', as: 'mentee', status: 'active', endedAt: null })]);
    expect(body.proposals).toEqual([expect.objectContaining({ otherName: 'Mia Chen', as: 'mentee', status: 'accepted', source: 'admin' })]);
    expect(body.sessions).toMatchObject({ total: 0 });
    expect(body.ratings).toEqual({ count: 0, average: null });
    expect(body.openFlags).toEqual([expect.objectContaining({ relationshipId: relationship!.id, reason: 'low-rating' })]);

    expect((await api('GET', participants(`/${ids.admin}`), tokens.admin)).status).toBe(404);
    expect((await api('GET', participants('/not-a-person'), tokens.admin)).status).toBe(404);
  });

  it('pauses, resumes and withdraws once each; a repeat changes nothing', async () => {
    const pause = participants(`/${ids.bo}/pause`);
    expect(await api('POST', pause, tokens.admin)).toMatchObject({ status: 200, body: { changed: true, participant: { status: 'paused' } } });
    expect(await api('POST', pause, tokens.admin)).toMatchObject({ status: 200, body: { changed: false, participant: { status: 'paused' } } });
    expect(await names('?status=paused')).toEqual(['Bo Svensson']);
    // A paused mentee is left out of matching.
    const preview = await api('POST', `/api/v1/programs/${programId}/pairings/preview`, tokens.admin, { menteePersonId: ids.bo, mentorPersonId: ids.max });
    expect(preview).toMatchObject({ status: 422, body: { field: 'menteePersonId' } });

    expect(await api('POST', participants(`/${ids.bo}/resume`), tokens.admin)).toMatchObject({ body: { changed: true, participant: { status: 'active' } } });
    expect(await api('POST', participants(`/${ids.kenji}/withdraw`), tokens.admin)).toMatchObject({ body: { changed: true, participant: { status: 'withdrawn' } } });
    expect(await api('POST', participants(`/${ids.kenji}/withdraw`), tokens.admin)).toMatchObject({ body: { changed: false } });
    expect(await api('POST', participants(`/${ids.kenji}/pause`), tokens.admin)).toMatchObject({ status: 409, body: { error: expect.stringMatching(/withdrawn/) } });
    const rows = await harness.database.db.select().from(enrollments).where(eq(enrollments.personId, ids.kenji!));
    expect(rows[0]).toMatchObject({ status: 'withdrawn' });
  });

  it('re-matches a mentee: ends the pair, tells both, proposes the next best mentor once', async () => {
    const rematch = participants(`/${ids.ann}/rematch`);
    const first = await api('POST', rematch, tokens.admin);
    expect(first).toMatchObject({
      status: 200,
      body: { changed: true, ended: { mentorName: 'Mia Chen' }, proposal: { mentorPersonId: ids.max, mentorName: 'Max Weber' } },
    });
    const [ended] = await harness.database.db.select().from(relationships);
    expect(ended).toMatchObject({ status: 'ended', endReason: 'Re-matched by a program admin' });
    const toMia = harness.connector.calls.filter((c) => c.conversationId.endsWith('29:mia')).map((c) => JSON.stringify(c.body));
    expect(toMia.some((text) => text.includes('A program admin has ended your mentorship'))).toBe(true);

    const again = await api('POST', rematch, tokens.admin);
    expect(again).toMatchObject({ status: 200, body: { changed: false, ended: null, proposal: { proposalId: first.body.proposal.proposalId } } });
    expect(await api('POST', participants(`/${ids.mia}/rematch`), tokens.admin)).toMatchObject({ status: 409 });
  });

  it('audits every action in the program’s log', async () => {
    const { body } = await api('GET', `/api/v1/programs/${programId}/audit`, tokens.admin);
    const actions = (body.entries as { action: string; actor: { name: string } | null }[]).filter((e) => e.actor?.name === 'Ada Admin').map((e) => e.action);
    expect(actions).toEqual([
      'participant.rematch',
      'participant.withdraw',
      'participant.resume',
      'participant.pause',
      'pairing.create',
    ]);
  });

  it('refuses every participant route to non-admins and other tenants, and changes nothing', async () => {
    const routes: [string, string][] = [
      ['GET', participants()],
      ['GET', participants(`/${ids.bo}`)],
      ['POST', participants(`/${ids.bo}/pause`)],
      ['POST', participants(`/${ids.bo}/resume`)],
      ['POST', participants(`/${ids.bo}/withdraw`)],
      ['POST', participants(`/${ids.bo}/rematch`)],
    ];
    for (const token of [tokens.mia, tokens.outsider]) {
      for (const [method, path] of routes) {
        const { status } = await api(method, path, token);
        expect({ method, path, status }).toEqual({ method, path, status: 403 });
      }
    }
    expect((await api('GET', participants())).status).toBe(401);
    const rows = await harness.database.db.select().from(enrollments).where(eq(enrollments.personId, ids.bo!));
    expect(rows[0]).toMatchObject({ status: 'active' });
  });
});
