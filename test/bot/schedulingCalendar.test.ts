/**
 * One-tap scheduling with Outlook calendars, end to end: the real server,
 * database, Graph client and calendar, against the fake Graph and the fake
 * Bot Connector. Slot cards after a match, booking (once, however often it
 * is tapped), re-proposal when a time is taken, rescheduling and cancelling
 * the Teams meeting, Graph failures turned into the manual card, and the
 * jobs after a session: attendance read back and the next slot card.
 */
import { eq } from 'drizzle-orm';
import { relationships, sessions, slotOffers } from '../../src/store/schema';
import { startHarness, TENANT, type Harness, type TeamsUser } from '../support/botHarness';
import { action, actions, texts, type CardJson } from '../support/cards';
import { cardProblems } from '../support/adaptiveCards';
import { testDatabaseTargets } from '../support/databases';
import { startFakeGraph, type FakeGraph } from '../support/fakeGraph';
import { cardsSentTo, eventually, heading, matchAnnWithMia, registerAnnMiaAndMax, textsSentTo } from '../support/chat';

const DAY = 86_400_000;
const ids = {
  mia: '5b7e0a10-0000-4000-8000-00000000a001',
  ann: '5b7e0a10-0000-4000-8000-00000000a002',
  max: '5b7e0a10-0000-4000-8000-00000000a003',
};

describe.each(testDatabaseTargets)('scheduling with Outlook calendars, on $name', (target) => {
  let fake: FakeGraph;
  let harness: Harness;
  let ann: TeamsUser;
  let mia: TeamsUser;
  let max: TeamsUser;
  let relationshipId: string;
  const clock = { offsetMs: 0, now: () => new Date(Date.now() + clock.offsetMs) };

  const db = () => harness.database.db;
  const slotButtons = (card: CardJson) => actions(card).filter((a) => a.verb === 'slot.book');
  const sessionRows = () => db().select().from(sessions).orderBy(sessions.createdAt);
  const offerRows = () => db().select().from(slotOffers).orderBy(slotOffers.createdAt);

  beforeAll(async () => {
    fake = await startFakeGraph({ tenantId: TENANT });
    fake.addUser({ id: ids.mia, displayName: 'Mia Chen', mail: 'mia.chen@contoso.com', userPrincipalName: 'mia@contoso.com' });
    fake.addUser({ id: ids.ann, displayName: 'Ann Lee', mail: 'ann.lee@contoso.com', userPrincipalName: 'ann@contoso.com' });
    fake.addUser({ id: ids.max, displayName: 'Max Weber', mail: 'max.weber@contoso.com', userPrincipalName: 'max@contoso.com' });
    const workdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] as ('monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday')[];
    fake.setWorkingHours(ids.mia, { daysOfWeek: workdays, startTime: '09:00:00.0000000', endTime: '17:00:00.0000000', timeZone: { name: 'GMT Standard Time' } });
    fake.setWorkingHours(ids.ann, { daysOfWeek: workdays, startTime: '09:00:00.0000000', endTime: '17:00:00.0000000', timeZone: { name: 'W. Europe Standard Time' } });
    // Mia is away for the next three days: nothing may be offered before she is back.
    fake.addBusy(ids.mia, new Date(Date.now() - DAY), new Date(Date.now() + 3 * DAY), 'oof', 'Holiday');

    harness = await startHarness(target, { clock, graph: { settings: fake.settings, fetch: fake.fetch } });
    ({ ann, mia, max } = await registerAnnMiaAndMax(harness, ids));
    relationshipId = (await matchAnnWithMia(harness, ann, mia)).id;
    // Registering three people and making a match is a dozen turns; give a loaded machine time.
  }, 120_000);
  afterAll(async () => {
    await harness.close();
    await fake.close();
  });

  let matchOffer: typeof slotOffers.$inferSelect;

  it('sends both people three times they are both free, after Mia is back, each in their own zone', async () => {
    const [offer] = await offerRows();
    expect(offer).toMatchObject({ reason: 'match', status: 'open', relationshipId });
    matchOffer = offer!;
    expect(offer!.slots).toHaveLength(3);
    for (const slot of offer!.slots) {
      expect(Date.parse(slot.startsAt)).toBeGreaterThanOrEqual(Date.now() + 3 * DAY - 60_000);
      expect(Date.parse(slot.endsAt) - Date.parse(slot.startsAt)).toBe(60 * 60_000);
    }
    const toAnn = cardsSentTo(harness, ann).find((c) => heading(c) === 'Pick a time to meet Mia')!;
    const toMia = cardsSentTo(harness, mia).find((c) => heading(c) === 'Pick a time to meet Ann')!;
    expect(cardProblems(toAnn)).toEqual([]);
    expect(slotButtons(toAnn).map((a) => a.data)).toEqual(offer!.slots.map((s) => ({ offerId: offer!.id, startsAt: s.startsAt })));
    const berlin = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Europe/Berlin' });
    const london = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Europe/London' });
    expect(slotButtons(toAnn)[0]!.title).toContain(berlin.format(new Date(offer!.slots[0]!.startsAt)));
    expect(slotButtons(toMia)[0]!.title).toContain(london.format(new Date(offer!.slots[0]!.startsAt)));
    expect(actions(toAnn).map((a) => a.verb)).toContain('session.manual');
  });

  it('refuses a tap by anyone outside the pair', async () => {
    const slot = matchOffer.slots[0]!;
    const result = await max.click('slot.book', { offerId: matchOffer.id, startsAt: slot.startsAt });
    expect(result.message).toMatch(/Only the two people in this mentorship/);
    expect(await sessionRows()).toHaveLength(0);
    expect(fake.events()).toHaveLength(0);
  });

  let firstSessionId: string;

  it('books a tapped time for both: a Teams meeting in Mia’s calendar with both invited and the agenda, and Ann’s card turns booked', async () => {
    const slot = matchOffer.slots[0]!;
    const booked = await mia.click('slot.book', { offerId: matchOffer.id, startsAt: slot.startsAt });
    expect(heading(booked.card!)).toBe('Your session with Ann is booked');
    expect(actions(booked.card!).map((a) => a.title)).toEqual(['Reschedule', 'Cancel', 'Join the Teams meeting']);

    const [session] = await sessionRows();
    expect(session).toMatchObject({ status: 'scheduled', calendarEventId: expect.any(String), joinUrl: expect.stringMatching(/^https:\/\/teams\.microsoft\.com\//) });
    expect(session!.startsAt.toISOString()).toBe(new Date(slot.startsAt).toISOString());
    firstSessionId = session!.id;

    const [event] = fake.events();
    expect(event!.id).toBe(session!.calendarEventId);
    // Mia organises (the meeting is in her calendar); Ann is invited.
    expect(event!.attendees.map((a) => a.emailAddress?.address?.toLowerCase())).toEqual(['ann.lee@contoso.com']);
    expect(event!.isOnlineMeeting).toBe(true);
    expect(event!.body?.content).toMatch(/Introductions/);
    expect(fake.graphRequests().some((r) => r.method === 'POST' && r.path === `/users/${ids.mia}/events`)).toBe(true);

    const annUpdate = cardsSentTo(harness, ann, 'PUT').find((c) => heading(c) === 'Your session with Mia is booked');
    expect(annUpdate).toBeDefined();
    expect(texts(annUpdate!).join(' ')).toMatch(/Mia Chen booked this time for you both/);
    const [relationship] = await db().select().from(relationships);
    expect(relationship!.mentorFirstContactAt).not.toBeNull();

    // Reminders, the rating prompt, the attendance check and the next offer follow the session.
    const { rows } = await harness.database.executeSql(
      "select name from pgboss.job where data->>'sessionId' = $1 or data->>'afterSessionId' = $1 order by name",
      [firstSessionId],
    );
    expect(new Set((rows as { name: string }[]).map((r) => r.name))).toEqual(
      new Set(['attendance-check', 'next-session-offer', 'rating-prompt', 'session-reminder']),
    );
  });

  it('books once however often it is tapped, by either person', async () => {
    const again = await mia.click('slot.book', { offerId: matchOffer.id, startsAt: matchOffer.slots[0]!.startsAt });
    expect(heading(again.card!)).toBe('Your session with Ann is booked');
    const annLate = await ann.click('slot.book', { offerId: matchOffer.id, startsAt: matchOffer.slots[1]!.startsAt });
    expect(heading(annLate.card!)).toBe('Your session with Mia is booked');
    expect(await sessionRows()).toHaveLength(1);
    expect(fake.events()).toHaveLength(1);
  });

  let secondSessionId: string;

  it('offers fresh times when the tapped one is no longer free, and books from them', async () => {
    const found = await ann.click('session.find', { relationshipId });
    expect(heading(found.card!)).toBe('Pick a time to meet Mia');
    const first = slotButtons(found.card!)[0]!;
    const taken = new Date(first.data!.startsAt as string);
    fake.addBusy(ids.mia, taken, new Date(taken.getTime() + 3600_000), 'busy', 'Board meeting');

    const reproposed = await ann.click('slot.book', first.data!);
    expect(heading(reproposed.card!)).toBe('Pick a time to meet Mia');
    expect(texts(reproposed.card!).join(' ')).toMatch(/no longer free for both of you/);
    const fresh = slotButtons(reproposed.card!);
    expect(fresh).toHaveLength(3);
    expect(fresh.map((a) => a.data!.startsAt)).not.toContain(first.data!.startsAt);
    expect(fresh[0]!.data!.offerId).not.toBe(first.data!.offerId);
    const offers = await offerRows();
    expect(offers.find((o) => o.id === first.data!.offerId)!.status).toBe('superseded');
    expect(await sessionRows()).toHaveLength(1);

    const booked = await ann.click('slot.book', fresh[0]!.data!);
    expect(heading(booked.card!)).toBe('Your session with Mia is booked');
    secondSessionId = (await sessionRows())[1]!.id;
    // Mia had no card for these times, so she gets a new one.
    const toMia = cardsSentTo(harness, mia).filter((c) => heading(c) === 'Your session with Ann is booked');
    expect(toMia).toHaveLength(1);
    expect(texts(toMia[0]!).join(' ')).toMatch(/Ann Lee booked this time for you both/);
  });

  it('reschedules by moving the meeting, and tells the other person', async () => {
    const before = (await sessionRows())[0]!;
    const offered = await mia.click('session.reschedule', { sessionId: firstSessionId });
    expect(heading(offered.card!)).toBe('Pick a new time for your session with Ann');
    const pick = slotButtons(offered.card!)[1]!;
    const moved = await mia.click('slot.book', pick.data!);
    expect(texts(moved.card!).join(' ')).toMatch(/Moved/);

    const after = (await db().select().from(sessions).where(eq(sessions.id, firstSessionId)))[0]!;
    expect(after.startsAt.toISOString()).toBe(new Date(pick.data!.startsAt as string).toISOString());
    expect(after.calendarEventId).toBe(before.calendarEventId);
    expect(fake.events()).toHaveLength(2);
    const event = fake.event(before.calendarEventId!)!;
    expect(new Date(`${event.start.dateTime}Z`).toISOString()).toBe(after.startsAt.toISOString());
    const toAnn = cardsSentTo(harness, ann).filter((c) => heading(c) === 'Your session with Mia is booked').at(-1)!;
    expect(texts(toAnn).join(' ')).toMatch(/Mia Chen moved your session from/);
  });

  it('keeps the session where it was when Outlook refuses to move the meeting', async () => {
    const before = (await db().select().from(sessions).where(eq(sessions.id, firstSessionId)))[0]!;
    const offered = await ann.click('session.reschedule', { sessionId: firstSessionId });
    const pick = slotButtons(offered.card!).find((a) => a.data!.startsAt !== before.startsAt.toISOString())!;
    fake.failNext(`/users/${ids.mia}/events/${before.calendarEventId}`, { status: 403 });
    const result = await ann.click('slot.book', pick.data!);
    expect(heading(result.card!)).toBe('Suggest a new time to meet Mia');
    expect(texts(result.card!).join(' ')).toMatch(/isn't allowed/);
    expect(action(result.card!, 'session.propose').data).toEqual({ relationshipId, replacesSessionId: firstSessionId });
    const after = (await db().select().from(sessions).where(eq(sessions.id, firstSessionId)))[0]!;
    expect(after.startsAt).toEqual(before.startsAt);
    expect(after.status).toBe('scheduled');
    const event = fake.event(before.calendarEventId!)!;
    expect(new Date(`${event.start.dateTime}Z`)).toEqual(before.startsAt);
  });

  it('cancels the Teams meeting with the session and tells the other person', async () => {
    const ask = await ann.click('session.cancel', { sessionId: secondSessionId });
    expect(texts(ask.card!).join(' ')).toMatch(/cancel the Teams meeting in both calendars/);
    const done = await ann.click('session.cancelConfirm', { sessionId: secondSessionId });
    expect(heading(done.card!)).toBe('Session cancelled');
    const row = (await db().select().from(sessions).where(eq(sessions.id, secondSessionId)))[0]!;
    expect(row.status).toBe('cancelled');
    expect(fake.event(row.calendarEventId!)!.isCancelled).toBe(true);
    expect(textsSentTo(harness, mia).join(' ')).toMatch(/Ann Lee cancelled your mentoring session on/);
  });

  it('cancels in Tandem even when the meeting is already gone from Outlook, and says so', async () => {
    const session = (await db().select().from(sessions).where(eq(sessions.id, firstSessionId)))[0]!;
    fake.deleteEvent(session.calendarEventId!);
    const done = await mia.click('session.cancelConfirm', { sessionId: firstSessionId });
    expect(heading(done.card!)).toBe('Session cancelled');
    expect(texts(done.card!).join(' ')).toMatch(/couldn't find one of your calendars or the meeting/);
    expect((await db().select().from(sessions).where(eq(sessions.id, firstSessionId)))[0]!.status).toBe('cancelled');
  });

  it.each([
    ['forbidden (403)', { status: 403 }, /isn't allowed to read or write your Outlook calendars/],
    ['throttled for long (429)', { status: 429, retryAfterSeconds: 300 }, /Outlook is busy right now/],
    ['refused as invalid (400)', { status: 400 }, /Outlook refused the request/],
  ])('turns a free/busy request that is %s into the card to suggest a time', async (_name, failure, message) => {
    fake.failNext(`/users/${ids.mia}/calendar/getSchedule`, failure);
    const result = await ann.click('session.find', { relationshipId });
    expect(heading(result.card!)).toBe('Suggest a time to meet Mia');
    expect(texts(result.card!).join(' ')).toMatch(message);
    expect(texts(result.card!).join(' ')).toMatch(/Please suggest a time yourselves/);
  });

  it('rides out a passing Graph failure (one 500) and still offers times', async () => {
    fake.failNext(`/users/${ids.mia}/calendar/getSchedule`, { status: 500 });
    const result = await ann.click('session.find', { relationshipId });
    expect(heading(result.card!)).toBe('Pick a time to meet Mia');
    expect(slotButtons(result.card!)).toHaveLength(3);
  });

  it('undoes a booking the calendar refuses, and offers the card to suggest a time', async () => {
    const found = await ann.click('session.find', { relationshipId });
    const pick = slotButtons(found.card!)[0]!;
    const sessionsBefore = (await sessionRows()).length;
    fake.failNext(`/users/${ids.mia}/events`, { status: 403 });
    const result = await ann.click('slot.book', pick.data!);
    expect(heading(result.card!)).toBe('Suggest a time to meet Mia');
    expect(texts(result.card!).join(' ')).toMatch(/isn't allowed/);
    expect((await sessionRows()).length).toBe(sessionsBefore);
    expect((await offerRows()).find((o) => o.id === pick.data!.offerId)!.status).toBe('superseded');
    const again = await ann.click('slot.book', pick.data!);
    expect(again.message ?? texts(again.card!).join(' ')).toMatch(/no longer on offer|latest times/);
    expect((await sessionRows()).length).toBe(sessionsBefore);
  });

  it('after a session ends, reads attendance back from the meeting and offers the next session by the cadence', async () => {
    // Book as if three weeks ago, so the session is over and its jobs are due now.
    clock.offsetMs = -21 * DAY;
    const found = await ann.click('session.find', { relationshipId });
    const pick = slotButtons(found.card!)[0]!;
    await ann.click('slot.book', pick.data!);
    clock.offsetMs = 0;
    const past = (await sessionRows()).at(-1)!;
    expect(past.endsAt.getTime()).toBeLessThan(Date.now());

    const checked = await eventually(async () => {
      const [row] = await db().select().from(sessions).where(eq(sessions.id, past.id));
      return row?.attendanceCheckedAt ? row : undefined;
    }, 'the attendance check');
    const [relationship] = await db().select().from(relationships);
    expect(checked.attendance).toEqual({ [relationship!.mentorPersonId]: 'organizer', [relationship!.menteePersonId]: 'none' });
    expect(checked.status).toBe('scheduled');

    const cadence = await eventually(async () => (await offerRows()).find((o) => o.reason === 'cadence'), 'the next slot card');
    // Cadence 30 days from the session's start, searched from two days before that.
    const due = past.startsAt.getTime() + 28 * DAY;
    for (const slot of cadence.slots) expect(Date.parse(slot.startsAt)).toBeGreaterThanOrEqual(due - 60_000);
    await eventually(async () => (cardsSentTo(harness, mia).some((c) => slotButtons(c).some((a) => a.data!.offerId === cadence.id)) ? true : undefined), 'Mia’s card');
    await eventually(async () => (cardsSentTo(harness, ann).some((c) => slotButtons(c).some((a) => a.data!.offerId === cadence.id)) ? true : undefined), 'Ann’s card');
  });
});
