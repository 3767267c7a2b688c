/**
 * Matching through the bot, end to end on the real server and database:
 * "find a mentor", the request, the mentor's card (accept, decline, wrong
 * person, repeats), expiry by the pg-boss job, status, ending and rematching.
 */
import { and, eq } from 'drizzle-orm';
import { matchProposals, notifications, relationships } from '../../src/store/schema';
import { cardsIn, startHarness, textsIn, type Harness, type TeamsUser } from '../support/botHarness';
import { action, actions, texts } from '../support/cards';
import { testDatabaseTargets } from '../support/databases';
import { eventually, registerAnnMiaAndMax } from '../support/chat';
import { menteeAnswers, register } from '../support/registrations';

const DAY = 24 * 3600_000;

describe.each(testDatabaseTargets)('matching in chat, on $name', (target) => {
  let harness: Harness;
  const clock = { offsetMs: 0, now: () => new Date(Date.now() + clock.offsetMs) };
  let ann: TeamsUser;
  let mia: TeamsUser;
  let max: TeamsUser;

  beforeAll(async () => {
    harness = await startHarness(target, { clock });
    ({ ann, mia, max } = await registerAnnMiaAndMax(harness));
  });
  afterAll(() => harness.close());

  const db = () => harness.database.db;
  const sentTo = (user: TeamsUser) => harness.connector.calls.filter((c) => c.conversationId === user.conversationId);
  const cardsSentTo = (user: TeamsUser, method = 'POST') =>
    sentTo(user)
      .filter((c) => c.method === method)
      .flatMap((c) => cardsIn([c.body]).map((card) => ({ card, activityId: c.activityId })));
  const textsSentTo = (user: TeamsUser) => sentTo(user).flatMap((c) => textsIn([c.body]));
  const proposalRows = () => db().select().from(matchProposals);

  let firstProposalId: string;

  it('offers a mentee their best mentors with reasons, best first', async () => {
    const [card] = cardsIn(await ann.say('find a mentor'));
    expect(texts(card!)[0]).toBe('Your best mentor matches');
    const asks = actions(card!).filter((a) => a.verb === 'match.request');
    expect(asks.map((a) => a.title)).toEqual(['Ask Mia', 'Ask Max']);
    const text = texts(card!).join('\n');
    expect(text).toMatch(/offers 1 of the 2 skills you want/);
    expect(text).toMatch(/Match score \d+ of 100/);
  });

  it('sends the request to the mentor as a proposal card, once however often it is asked', async () => {
    const [options] = cardsIn(await ann.say('find a mentor'));
    const askMia = action(options!, 'match.request', (a) => a.title === 'Ask Mia');
    const first = await ann.click(askMia.verb!, askMia.data!);
    expect(texts(first.card!).join(' ')).toMatch(/You asked Mia Chen to be your mentor/);
    const again = await ann.click(askMia.verb!, askMia.data!);
    expect(texts(again.card!)).toEqual(texts(first.card!));

    const rows = await proposalRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'proposed', source: 'mentee-choice' });
    firstProposalId = rows[0]!.id;
    expect(rows[0]!.expiresAt!.getTime() - rows[0]!.proposedAt!.getTime()).toBe(3 * DAY);

    const [proposal] = cardsSentTo(mia);
    const heading = texts(proposal!.card)[0];
    expect(heading).toBe('Ann Lee would like you as their mentor');
    const body = texts(proposal!.card).join('\n');
    expect(body).toContain('Get ready to lead a small team within a year');
    expect(body).toMatch(/you offer 1 of the 2 skills they want/);
    expect(actions(proposal!.card).map((a) => a.verb).filter(Boolean)).toEqual(['proposal.accept', 'proposal.decline']);
    expect(action(proposal!.card, 'proposal.accept').data).toEqual({ proposalId: firstProposalId });
  });

  it('says Ann is waiting when she asks for another mentor meanwhile', async () => {
    const replies = await ann.say('find a mentor');
    expect(textsIn(replies).join(' ')).toMatch(/You've asked Mia Chen to be your mentor/);
    expect(await proposalRows()).toHaveLength(1);
  });

  it('ignores a click by anyone but the mentor, and says why', async () => {
    const result = await max.click('proposal.accept', { proposalId: firstProposalId });
    expect(result.message).toBe('Only Mia Chen can answer this proposal; nothing has changed.');
    expect((await proposalRows())[0]!.status).toBe('proposed');
    expect(await db().select().from(relationships)).toHaveLength(0);
  });

  it('answers a damaged card without writing anything', async () => {
    const result = await mia.click('proposal.accept', { proposalId: 'not-an-id' });
    expect(result.message).toMatch(/This card is damaged/);
    expect((await proposalRows())[0]!.status).toBe('proposed');
  });

  it('on accept creates the relationship, tells both, asks the mentor to introduce themselves; a second click changes nothing', async () => {
    const accepted = await mia.click('proposal.accept', { proposalId: firstProposalId });
    expect(texts(accepted.card!).join(' ')).toMatch(/Accepted on \d+ \w+ \d{4}/);
    expect(actions(accepted.card!)).toEqual([]);

    const rows = await db().select().from(relationships);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ stage: 'rapport-building', status: 'active', proposalId: firstProposalId });

    const toAnn = cardsSentTo(ann).map(({ card }) => texts(card)[0]);
    expect(toAnn).toContain('Mia Chen will be your mentor');
    const toMia = cardsSentTo(mia).find(({ card }) => texts(card)[0] === 'You are now Ann Lee\'s mentor');
    expect(texts(toMia!.card).join('\n')).toMatch(/Introduce yourself/i);

    const again = await mia.click('proposal.accept', { proposalId: firstProposalId });
    expect(texts(again.card!)).toEqual(texts(accepted.card!));
    const declineLate = await mia.click('proposal.decline', { proposalId: firstProposalId, declineReason: 'oops' });
    expect(texts(declineLate.card!)).toEqual(texts(accepted.card!));
    expect(await db().select().from(relationships)).toHaveLength(1);
    expect((await proposalRows())[0]).toMatchObject({ status: 'accepted', declineReason: null });
  });

  it('shows each person their matches', async () => {
    const [annStatus] = cardsIn(await ann.say('my matches'));
    expect(texts(annStatus!).join('\n')).toMatch(/Mia Chen is your mentor/);
    expect(texts(annStatus!).join('\n')).toMatch(/Rapport building/);
    const [miaStatus] = cardsIn(await mia.say('my matches'));
    expect(texts(miaStatus!).join('\n')).toMatch(/You mentor Ann Lee/);
  });

  let rematchProposalId: string;

  it('ends a mentorship without blame and proposes the next best mentor when the mentee asks', async () => {
    const [status] = cardsIn(await ann.say('my matches'));
    const end = action(status!, 'relationship.end.request');
    const confirm = await ann.click(end.verb!, end.data!);
    const confirmAction = action(confirm.card!, 'relationship.end.confirm');
    const ended = await ann.click(confirmAction.verb!, { ...confirmAction.data, endReason: 'Our schedules clash', rematch: 'true' });
    expect(texts(ended.card!).join(' ')).toMatch(/ended/i);

    const [relationship] = await db().select().from(relationships);
    expect(relationship).toMatchObject({ status: 'ended', endReason: 'Our schedules clash' });
    expect(textsSentTo(mia).join(' ')).toMatch(/Ann Lee has ended your mentorship/);
    expect(textsSentTo(mia).join(' ')).not.toMatch(/schedules clash/);

    // Mia was Ann's mentor in this program, so Max is next.
    const proposed = await eventually(
      async () => (await proposalRows()).find((p) => p.status === 'proposed'),
      'the rematch proposal',
    );
    rematchProposalId = proposed.id;
    expect(cardsSentTo(max).map(({ card }) => texts(card)[0])).toContain('Tandem suggests a mentee for you');

    const repeat = await ann.click(confirmAction.verb!, { ...confirmAction.data, rematch: 'true' });
    expect(texts(repeat.card!).join(' ')).toMatch(/ended/i);
    expect((await proposalRows()).filter((p) => p.status === 'proposed')).toHaveLength(1);
  });

  it('on decline keeps the optional note for admins, tells the mentee kindly, and looks further', async () => {
    const declined = await max.click('proposal.decline', { proposalId: rematchProposalId, declineReason: 'Busy until March' });
    expect(texts(declined.card!).join(' ')).toMatch(/Declined on/);
    const row = (await proposalRows()).find((p) => p.id === rematchProposalId)!;
    expect(row).toMatchObject({ status: 'declined', declineReason: 'Busy until March' });
    const told = textsSentTo(ann).join(' ');
    expect(told).toMatch(/Max isn't able to take on a mentee right now/);
    expect(told).not.toMatch(/Busy until March/);
    // Both mentors have now been paired with Ann in this program: nobody is left to ask.
    expect(told).toMatch(/There is no other mentor with room/);
  });

  it('expires an unanswered proposal after 3 days (the pg-boss job), updates the card, tells the mentee and asks the next mentor', async () => {
    const bo = harness.user('29:bo', { name: 'Bo Svensson' });
    await register(bo, 'mentee', menteeAnswers);
    // Bo asks as if three days ago, so the expiry job is due now.
    clock.offsetMs = -3 * DAY - 1000;
    const [options] = cardsIn(await bo.say('find a mentor'));
    const askMax = action(options!, 'match.request', (a) => a.title === 'Ask Max');
    await bo.click(askMax.verb!, askMax.data!);
    clock.offsetMs = 0;
    const [sentCard] = cardsSentTo(max).filter(({ card }) => texts(card)[0] === 'Bo Svensson would like you as their mentor');
    expect(sentCard).toBeDefined();

    const expired = await eventually(
      async () => (await proposalRows()).find((p) => p.status === 'expired'),
      'the proposal to expire',
    );
    const next = await eventually(
      async () => (await proposalRows()).find((p) => p.status === 'proposed' && p.id !== expired.id),
      'the next proposal',
    );
    expect(next.mentorEnrollmentId).not.toBe(expired.mentorEnrollmentId);

    const updates = cardsSentTo(max, 'PUT');
    expect(updates.map(({ card }) => texts(card).join(' ')).join(' ')).toMatch(/expired/i);
    const told = await eventually(
      async () => textsSentTo(bo).find((t) => t.includes("didn't get to your match request in time")),
      'the mentee to be told',
    );
    expect(told).toMatch(/We've asked Mia Chen/);

    // A late click on the expired card changes nothing.
    const late = await max.click('proposal.accept', { proposalId: expired.id });
    expect(texts(late.card!).join(' ')).toMatch(/expired/i);
    expect((await proposalRows()).find((p) => p.id === expired.id)!.status).toBe('expired');
  });

  it('closes a waiting proposal when the mentee withdraws, and updates the mentor\'s card', async () => {
    const bo = harness.user('29:bo', { name: 'Bo Svensson' });
    const open = (await proposalRows()).find((p) => p.status === 'proposed')!;
    const updatesBefore = cardsSentTo(mia, 'PUT').length;
    const [confirm] = cardsIn(await bo.say('withdraw'));
    const yes = action(confirm!, 'withdrawal.confirm');
    await bo.click(yes.verb!, yes.data!);

    expect((await proposalRows()).find((p) => p.id === open.id)!.status).toBe('withdrawn');
    const updates = cardsSentTo(mia, 'PUT').slice(updatesBefore);
    expect(updates.map(({ card }) => texts(card).join(' ')).join(' ')).toMatch(/one of you left the program/);
    const late = await mia.click('proposal.accept', { proposalId: open.id });
    expect(texts(late.card!).join(' ')).toMatch(/one of you left the program/);
    expect((await db().select().from(relationships)).filter((r) => r.status === 'active')).toHaveLength(0);
  });

  it('records every proactive message it sent', async () => {
    const sent = await db()
      .select()
      .from(notifications)
      .where(and(eq(notifications.kind, 'proposal'), eq(notifications.status, 'sent')));
    expect(sent.length).toBeGreaterThanOrEqual(3);
    expect(sent.every((n) => n.activityId)).toBe(true);
  });
});
