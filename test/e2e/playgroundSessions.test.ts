/**
 * A mentoring session end to end through the real Microsoft 365 Agents
 * Playground, with Outlook calendars played by the fake Graph: Alex asks
 * Megan to be his mentor and she accepts; both get the slot card; Alex taps a
 * time and both see it booked, with a Teams meeting in Megan's calendar; the
 * clock moves to a quarter of an hour before the session and both get the
 * reminder with the join link; it moves past the end and Alex gets the rating
 * card, rates the session, and the session counts as held.
 *
 * Time moves twice: the app's clock, and the reminder and rating jobs' due
 * times in pg-boss (which go by the database's clock), as if the hours had passed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { ratings, sessions } from '../../src/store/schema';
import { cardsOf, cardText, PLAYGROUND_PEOPLE, startPlayground, startTandemWithPlayground, type AdaptiveCard, type LocalTandem } from '../support/playground';
import { click, registerAs, say, seat, type Seat } from '../support/playgroundSeats';
import { startFakeGraph, type FakeGraph } from '../support/fakeGraph';
import { menteeAnswers, mentorAnswers } from '../support/registrations';

jest.setTimeout(120_000);

const MINUTE = 60_000;
const clock = { offsetMs: 0, now: () => new Date(Date.now() + clock.offsetMs) };

let fake: FakeGraph;
let local: LocalTandem;
let alex: Seat;
let megan: Seat;
const megansDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-e2e-megan-'));

const [alexUser, meganUser] = PLAYGROUND_PEOPLE as [(typeof PLAYGROUND_PEOPLE)[0], (typeof PLAYGROUND_PEOPLE)[0]];

beforeAll(async () => {
  fake = await startFakeGraph({ tenantId: '00000000-0000-0000-0000-0000000000001' });
  for (const user of [alexUser, meganUser]) {
    const alias = user.name.toLowerCase().replace(/ (.).*/, '$1');
    fake.addUser({ id: user.aadObjectId, displayName: user.name, mail: `${alias}@example.com`, userPrincipalName: `${alias}@example.com` });
  }
  local = await startTandemWithPlayground({}, { clock, jobPollingSeconds: 0.5, graph: { settings: fake.settings, fetch: fake.fetch } });
  alex = await seat(local.playground);
  megan = await seat(await startPlayground({ botEndpoint: `${local.tandem.url}/api/messages`, cwd: megansDir, currentUser: meganUser }));
}, 120_000);

afterAll(async () => {
  alex?.stream.close();
  megan?.stream.close();
  await megan?.playground.stop();
  await local?.close();
  await fake?.close();
  fs.rmSync(megansDir, { recursive: true, force: true });
});

/** Makes the queue's jobs of this kind due now, as if their hour had come. */
async function jobsFallDue(queue: string, where = 'true') {
  await local.tandem.database.executeSql(
    `update pgboss.job set start_after = now() where name = $1 and state = 'created' and ${where}`,
    [queue],
  );
}

async function onlySession() {
  const rows = await local.tandem.database.db.select().from(sessions);
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

describe('a session through the Microsoft 365 Agents Playground', () => {
  let slotCard: { card: AdaptiveCard; messageId: string };
  let meganSlotCardId: string;

  it('matches Alex with Megan, and both get three times they are both free', async () => {
    await registerAs(megan, 'mentor', { ...mentorAnswers, q_mentorCapacity: '2' });
    await registerAs(alex, 'mentee', { ...menteeAnswers, q_skillsToDevelop: 'leadership' });

    const options = await say(alex, 'find a mentor', /mentor/i);
    const meganSince = megan.stream.frames.length;
    const alexSince = alex.stream.frames.length;
    await click(alex, options.messageId, options.card, (a) => a.verb === 'match.request' && a.title === `Ask ${megan.name.split(' ')[0]}`);
    const proposal = await megan.stream.waitForCard(`${alex.name} would like you as their mentor`, { since: meganSince });
    await click(megan, proposal.message!.messageId, cardsOf(proposal.message)[0]!, (a) => a.verb === 'proposal.accept');

    const toAlex = await alex.stream.waitForCard('Pick a time to meet Megan', { since: alexSince });
    const toMegan = await megan.stream.waitForCard('Pick a time to meet Alex', { since: meganSince });
    slotCard = { card: cardsOf(toAlex.message)[0]!, messageId: toAlex.message!.messageId };
    meganSlotCardId = toMegan.message!.messageId;
    expect(cardText(slotCard.card)).toContain('One tap books it for both of you');
  });

  it('books the tapped time for both: a Teams meeting in Megan’s calendar, and Megan’s copy of the card turns booked', async () => {
    const meganSince = megan.stream.frames.length;
    const booked = await click(alex, slotCard.messageId, slotCard.card, (a) => a.verb === 'slot.book');
    expect(cardText(booked)).toContain('Your session with Megan is booked');
    const update = await megan.stream.waitFor(
      (f) => f.action === 'updateMessage' && f.message?.messageId === meganSlotCardId,
      'Megan’s slot card to turn booked',
      { since: meganSince },
    );
    expect(cardText(cardsOf(update.message)[0]!)).toContain('Your session with Alex is booked');

    const session = await onlySession();
    expect(session.status).toBe('scheduled');
    const [event] = fake.events();
    expect(event).toMatchObject({ id: session.calendarEventId, isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness' });
    expect(session.joinUrl).toBe(event!.onlineMeeting!.joinUrl);

    // Tapping the same card again books nothing more.
    const again = await click(alex, slotCard.messageId, slotCard.card, (a) => a.verb === 'slot.book');
    expect(cardText(again)).toContain('Your session with Megan is booked');
    expect(fake.events()).toHaveLength(1);
  });

  it('reminds both a quarter of an hour before, with the join link', async () => {
    const session = await onlySession();
    clock.offsetMs = session.startsAt.getTime() - 20 * MINUTE - Date.now();
    const since = { alex: alex.stream.frames.length, megan: megan.stream.frames.length };
    await jobsFallDue('session-reminder', `data->>'offsetMinutes' = '15'`);

    for (const [who, other] of [[alex, 'Megan'], [megan, 'Alex']] as const) {
      const frame = await who.stream.waitForCard(new RegExp(`Your session with ${other} .*15 minutes`), { since: since[who === alex ? 'alex' : 'megan'] });
      const card = cardsOf(frame.message)[0]!;
      const join = JSON.stringify(card);
      expect(join).toContain(session.joinUrl!);
      expect(frame.actionConversationId).toBe(who.chat);
    }
  });

  it('asks Alex to rate the session after it ends; his rating is stored once and the session counts as held', async () => {
    const session = await onlySession();
    clock.offsetMs = session.endsAt.getTime() + 6 * MINUTE - Date.now();
    const since = alex.stream.frames.length;
    await jobsFallDue('rating-prompt');
    const prompt = await alex.stream.waitForCard('How was your session with Megan?', { since });
    const form = cardsOf(prompt.message)[0]!;
    const answers = { score: '5', tookPlace: 'true', mostUseful: 'Practising the first team meeting', shareWithPartner: 'false' };
    const thanks = await click(alex, prompt.message!.messageId, form, (a) => a.verb === 'rating.submit', answers);
    expect(cardText(thanks)).toContain('Thank you for rating your session with Megan');

    await click(alex, prompt.message!.messageId, form, (a) => a.verb === 'rating.submit', answers);
    const stored = await local.tandem.database.db.select().from(ratings).where(eq(ratings.sessionId, session.id));
    expect(stored).toEqual([expect.objectContaining({ score: 5, tookPlace: true, mostUseful: 'Practising the first team meeting' })]);
    expect((await onlySession()).status).toBe('held');
  });
});
