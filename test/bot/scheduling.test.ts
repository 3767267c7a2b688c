/**
 * Scheduling by hand through the bot (no Graph, as in the Playground), end to
 * end on the real server and database: the card after a match, proposing a
 * time (and every way it can be wrong), confirming, the "schedule" list,
 * rescheduling and cancelling, and refusals for anyone outside the pair.
 */
import { eq } from 'drizzle-orm';
import { utcToZoned } from '../../src/domain/localTime';
import { relationships, sessions } from '../../src/store/schema';
import { cardsIn, startHarness, type Harness, type TeamsUser } from '../support/botHarness';
import { action, actions, input, texts } from '../support/cards';
import { cardProblems } from '../support/adaptiveCards';
import { testDatabaseTargets } from '../support/databases';
import { cardsSentTo, heading, matchAnnWithMia, registerAnnMiaAndMax, textsSentTo } from '../support/chat';

describe.each(testDatabaseTargets)('scheduling by hand in chat, on $name', (target) => {
  let harness: Harness;
  let ann: TeamsUser;
  let mia: TeamsUser;
  let max: TeamsUser;
  let relationshipId: string;
  const clock = { offsetMs: 0, now: () => new Date(Date.now() + clock.offsetMs) };
  const DAY = 86_400_000;

  const db = () => harness.database.db;
  const sessionRows = () => db().select().from(sessions).orderBy(sessions.createdAt);

  beforeAll(async () => {
    harness = await startHarness(target, { clock });
    ({ ann, mia, max } = await registerAnnMiaAndMax(harness));
    relationshipId = (await matchAnnWithMia(harness, ann, mia)).id;
    // Registering three people and making a match is a dozen turns; give a loaded machine time.
  }, 120_000);
  afterAll(() => harness.close());

  it('sends both people the card to suggest a time once the match is accepted, each in their own zone', () => {
    const toAnn = cardsSentTo(harness, ann).find((c) => heading(c) === 'Suggest a time to meet Mia');
    const toMia = cardsSentTo(harness, mia).find((c) => heading(c) === 'Suggest a time to meet Ann');
    expect(toAnn).toBeDefined();
    expect(toMia).toBeDefined();
    expect(cardProblems(toAnn!)).toEqual([]);
    expect(input(toAnn!, 'time').label).toBe('Start time (Europe/Berlin)');
    expect(input(toMia!, 'time').label).toBe('Start time (Europe/London)');
    expect(action(toAnn!, 'session.propose').data).toEqual({ relationshipId });
  });

  it.each([
    ['a time in the past', { date: '2026-01-05', time: '10:00' }, /already passed/],
    ['a time the clocks skip (Berlin, 28 March 2027)', { date: '2027-03-28', time: '02:30' }, /doesn't exist on 2027-03-28 in Europe\/Berlin/],
    ['no date', { date: '', time: '10:00' }, /Please pick a date/],
    ['a nonsense date', { date: '2027-02-30', time: '10:00' }, /Please pick a date/],
    ['a nonsense time', { date: '2027-01-12', time: '25:00' }, /Please pick a time/],
  ])('answers %s with a message on the card and writes nothing', async (_name, values, message) => {
    const result = await ann.click('session.propose', { relationshipId, ...values });
    expect(heading(result.card!)).toBe('Suggest a time to meet Mia');
    expect(texts(result.card!).join('\n')).toMatch(message);
    expect(input(result.card!, 'date').value).toBe(values.date);
    expect(await sessionRows()).toHaveLength(0);
  });

  it('refuses anyone outside the pair', async () => {
    const result = await max.click('session.propose', { relationshipId, date: '2027-01-12', time: '14:00' });
    expect(result.message).toMatch(/Only the two people in this mentorship/);
    expect((await max.click('session.find', { relationshipId })).message).toMatch(/Only the two people/);
    expect(await sessionRows()).toHaveLength(0);
  });

  let firstSessionId: string;

  it('proposes a time in the proposer’s zone and asks the other to confirm it in theirs', async () => {
    const result = await ann.click('session.propose', { relationshipId, date: '2027-01-12', time: '14:00' });
    expect(heading(result.card!)).toBe('Time suggested');
    expect(texts(result.card!)).toContain('Tuesday 12 January, 14:00–15:00');
    const [row] = await sessionRows();
    expect(row).toMatchObject({ status: 'proposed', organizerPersonId: expect.any(String) });
    expect(row!.startsAt.toISOString()).toBe('2027-01-12T13:00:00.000Z');
    expect(row!.endsAt.toISOString()).toBe('2027-01-12T14:00:00.000Z');
    firstSessionId = row!.id;

    const confirm = cardsSentTo(harness, mia).find((c) => heading(c) === 'Ann Lee suggests a time to meet');
    expect(texts(confirm!)).toContain('Tuesday 12 January, 13:00–14:00');
    expect(action(confirm!, 'session.confirm').data).toEqual({ sessionId: firstSessionId });
    // Not the mentor's step yet: Ann proposed.
    const [relationship] = await db().select().from(relationships);
    expect(relationship!.mentorFirstContactAt).toBeNull();
  });

  it('does not let the proposer confirm their own time, nor anyone outside the pair', async () => {
    const own = await ann.click('session.confirm', { sessionId: firstSessionId });
    expect(texts(own.card!).join(' ')).toMatch(/Waiting for Mia Chen to confirm/);
    const stranger = await max.click('session.confirm', { sessionId: firstSessionId });
    expect(stranger.message).toMatch(/Only the two people/);
    expect((await sessionRows())[0]!.status).toBe('proposed');
  });

  it('books the time when the other confirms, notes the mentor’s first step and tells the proposer; a repeat changes nothing', async () => {
    const confirmed = await mia.click('session.confirm', { sessionId: firstSessionId });
    expect(heading(confirmed.card!)).toBe('Your session with Ann is booked');
    expect(texts(confirmed.card!)).toContain('Tuesday 12 January, 13:00–14:00');
    expect((await sessionRows())[0]!.status).toBe('scheduled');
    const [relationship] = await db().select().from(relationships);
    expect(relationship!.mentorFirstContactAt).not.toBeNull();

    const toAnn = cardsSentTo(harness, ann).filter((c) => heading(c) === 'Your session with Mia is booked');
    expect(toAnn).toHaveLength(1);
    expect(texts(toAnn[0]!)).toContain('Tuesday 12 January, 14:00–15:00');

    const again = await mia.click('session.confirm', { sessionId: firstSessionId });
    expect(heading(again.card!)).toBe('Your session with Ann is booked');
    expect(cardsSentTo(harness, ann).filter((c) => heading(c) === 'Your session with Mia is booked')).toHaveLength(1);
    expect((await sessionRows()).map((s) => s.status)).toEqual(['scheduled']);
  });

  it('lists upcoming sessions per pair on "schedule", with Reschedule, Cancel and Find a time', async () => {
    for (const words of ['schedule', 'my sessions', 'reschedule']) {
      const [list] = cardsIn(await ann.say(words));
      expect(heading(list!)).toBe('Your sessions');
      expect(texts(list!)).toEqual(expect.arrayContaining(['With Mia Chen, your mentor · Tandem Mentoring', 'Tuesday 12 January, 14:00–15:00']));
      expect(actions(list!).map((a) => a.verb)).toEqual(['session.reschedule', 'session.cancel', 'session.find']);
      expect(action(list!, 'session.cancel').data).toEqual({ sessionId: firstSessionId });
    }
    const [maxList] = cardsIn(await max.say('schedule'));
    expect(texts(maxList!).join(' ')).toMatch(/no active mentorship/);
  });

  let movedSessionId: string;

  it('reschedules by hand: a new time is suggested, and confirming it replaces the old session', async () => {
    const form = await ann.click('session.reschedule', { sessionId: firstSessionId });
    expect(heading(form.card!)).toBe('Suggest a new time to meet Mia');
    const propose = action(form.card!, 'session.propose');
    expect(propose.data).toEqual({ relationshipId, replacesSessionId: firstSessionId });
    await ann.click('session.propose', { ...propose.data, date: '2027-01-19', time: '10:00' });
    const confirm = cardsSentTo(harness, mia).filter((c) => heading(c) === 'Ann Lee suggests a time to meet').at(-1)!;
    const confirmAction = action(confirm, 'session.confirm');
    expect(confirmAction.data).toMatchObject({ replacesSessionId: firstSessionId });
    movedSessionId = confirmAction.data!.sessionId as string;

    await mia.click('session.confirm', confirmAction.data!);
    const rows = await sessionRows();
    expect(rows.find((s) => s.id === firstSessionId)!.status).toBe('cancelled');
    expect(rows.find((s) => s.id === movedSessionId)).toMatchObject({ status: 'scheduled' });
    const moved = cardsSentTo(harness, ann).filter((c) => heading(c) === 'Your session with Mia is booked').at(-1)!;
    expect(texts(moved).join(' ')).toMatch(/Mia Chen moved your session from Tuesday 12 January, 14:00–15:00/);
  });

  it('asks before cancelling, cancels for both, tells the other person once, and refuses outsiders', async () => {
    expect((await max.click('session.cancel', { sessionId: movedSessionId })).message).toMatch(/Only the two people/);
    const ask = await mia.click('session.cancel', { sessionId: movedSessionId });
    expect(heading(ask.card!)).toBe('Cancel your session with Ann?');
    const keep = await mia.click('session.keep', { sessionId: movedSessionId });
    expect(texts(keep.card!)).toContain('Nothing has changed.');
    expect((await db().select().from(sessions).where(eq(sessions.id, movedSessionId)))[0]!.status).toBe('scheduled');

    const stranger = await max.click('session.cancelConfirm', { sessionId: movedSessionId });
    expect(stranger.message).toMatch(/Only the two people/);

    const cancelled = await mia.click(action(ask.card!, 'session.cancelConfirm').verb!, { sessionId: movedSessionId });
    expect(heading(cancelled.card!)).toBe('Session cancelled');
    const [row] = await db().select().from(sessions).where(eq(sessions.id, movedSessionId));
    expect(row).toMatchObject({ status: 'cancelled', cancelledAt: expect.any(Date) });
    const told = () => textsSentTo(harness, ann).filter((t) => /Mia Chen cancelled your mentoring session on Tuesday 19 January, 10:00–11:00/.test(t));
    expect(told()).toHaveLength(1);

    const again = await mia.click('session.cancelConfirm', { sessionId: movedSessionId });
    expect(heading(again.card!)).toBe('Session cancelled');
    expect(told()).toHaveLength(1);
    expect(action(again.card!, 'session.find').data).toEqual({ relationshipId });
  });

  it('answers a damaged card without writing anything', async () => {
    const before = (await sessionRows()).length;
    expect((await ann.click('session.cancel', { sessionId: 'nope' })).message).toMatch(/This card is damaged/);
    expect((await ann.click('slot.book', { offerId: relationshipId, startsAt: 'soon' })).message).toMatch(/This card is damaged/);
    expect((await sessionRows()).length).toBe(before);
  });

  /** Books a session by hand as if three weeks ago, so it is over and its jobs are due now. */
  async function bookPastSession(): Promise<string> {
    clock.offsetMs = -21 * DAY;
    const { date } = utcToZoned(new Date(Date.now() - 20 * DAY), 'Europe/Berlin');
    await ann.click('session.propose', { relationshipId, date, time: '10:00' });
    const sessionId = (await sessionRows()).at(-1)!.id;
    const confirmed = await mia.click('session.confirm', { sessionId });
    clock.offsetMs = 0;
    expect(heading(confirmed.card!)).toBe('Your session with Ann is booked');
    return sessionId;
  }

  /** Every job for the session has run (one that ran early by the app's clock puts itself off to the session's end). */
  async function nextOfferJobDone(afterSessionId: string): Promise<void> {
    const until = Date.now() + 30_000;
    for (;;) {
      const { rows } = await harness.database.executeSql(
        "select state from pgboss.job where name = 'next-session-offer' and data->>'afterSessionId' = $1",
        [afterSessionId],
      );
      const states = (rows as { state: string }[]).map((r) => r.state);
      if (states.length > 0 && states.every((state) => state === 'completed')) return;
      if (Date.now() > until) throw new Error('Timed out waiting for the next-session-offer job');
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  const manualCardsTo = (user: TeamsUser, name: string) => cardsSentTo(harness, user).filter((c) => heading(c) === `Suggest a time to meet ${name}`).length;

  it('after a session, offers the next one by hand only when the pair has none ahead', async () => {
    await ann.click('session.propose', { relationshipId, date: '2027-02-02', time: '10:00' });
    const aheadId = (await sessionRows()).at(-1)!.id;
    await mia.click('session.confirm', { sessionId: aheadId });
    const before = { ann: manualCardsTo(ann, 'Mia'), mia: manualCardsTo(mia, 'Ann') };

    await nextOfferJobDone(await bookPastSession());
    expect(manualCardsTo(ann, 'Mia')).toBe(before.ann);
    expect(manualCardsTo(mia, 'Ann')).toBe(before.mia);

    await mia.click('session.cancelConfirm', { sessionId: aheadId });
    await nextOfferJobDone(await bookPastSession());
    expect(manualCardsTo(ann, 'Mia')).toBe(before.ann + 1);
    expect(manualCardsTo(mia, 'Ann')).toBe(before.mia + 1);
  });
});
