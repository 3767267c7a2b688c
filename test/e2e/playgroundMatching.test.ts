/**
 * Matching end to end through the real Microsoft 365 Agents Playground. Two
 * people, two Playgrounds (the Playground plays one person, as one Teams
 * client does): Alex, the mentee and program admin, and Megan, the mentor.
 * Both register in their 1:1 chats; Alex runs matching and publishes it over
 * the API with the development sign-in; the proposal card reaches Megan's
 * chat; Megan accepts on it, and both are told.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { relationships } from '../../src/store/schema';
import {
  cardsOf,
  cardText,
  PLAYGROUND_PEOPLE,
  startPlayground,
  startTandemWithPlayground,
  type AdaptiveCard,
  type LocalTandem,
} from '../support/playground';
import { click, registerAs, seat, type Seat } from '../support/playgroundSeats';
import { menteeAnswers, mentorAnswers } from '../support/registrations';

jest.setTimeout(90_000);

let local: LocalTandem;
let alex: Seat;
let megan: Seat;
const megansDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-e2e-megan-'));

beforeAll(async () => {
  local = await startTandemWithPlayground({ TENANT_ADMINS: 'user-id-0' });
  alex = await seat(local.playground);
  megan = await seat(
    await startPlayground({ botEndpoint: `${local.tandem.url}/api/messages`, cwd: megansDir, currentUser: PLAYGROUND_PEOPLE[1] }),
  );
});

afterAll(async () => {
  alex?.stream.close();
  megan?.stream.close();
  await megan?.playground.stop();
  await local?.close();
  fs.rmSync(megansDir, { recursive: true, force: true });
});

async function api(method: string, urlPath: string, token?: string, body?: unknown) {
  const response = await fetch(`${local.tandem.url}${urlPath}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

describe('matching through the Microsoft 365 Agents Playground', () => {
  let proposal: { card: AdaptiveCard; messageId: string };

  it('moves a conversation started in a group chat to a 1:1 chat', async () => {
    const group = alex.config.groupChats[0]!.id;
    const since = alex.stream.frames.length;
    await alex.playground.say(group, alex.id, 'register', { mentionBot: alex.config.bot });
    const reply = await alex.stream.waitForText(/I've sent you a private message/, { since });
    expect(reply.actionConversationId).toBe(group);
    const welcome = await alex.stream.waitForCard('welcome to Tandem', { since });
    expect(welcome.actionConversationId).toBe(alex.chat);
  });

  it('registers Megan as a mentor and Alex as a mentee, each in their own 1:1 chat', async () => {
    await registerAs(megan, 'mentor', { ...mentorAnswers, q_mentorCapacity: '2' });
    await registerAs(alex, 'mentee', { ...menteeAnswers, q_skillsToDevelop: 'leadership' });
  });

  it('lets the admin run matching and publish it; the proposal card reaches the mentor', async () => {
    const tenantId = alex.config.tenantId;
    const signIn = async (teamsUserId: string) =>
      (await api('POST', '/api/v1/dev/sign-in', undefined, { teamsUserId, tenantId })).body.token as string;
    const [program] = await local.tandem.database.db.query.programs.findMany();
    const runs = `/api/v1/programs/${program!.id}/match-runs`;

    expect((await api('POST', runs, await signIn(megan.id))).status).toBe(403);
    const admin = await signIn(alex.id);
    const run = await api('POST', runs, admin);
    expect(run.status).toBe(201);
    const draft = run.body.drafts.find((d: { objective: string }) => d.objective === 'max-matched');
    expect(draft.pairs).toEqual([expect.objectContaining({ menteeName: alex.name, mentorName: megan.name })]);
    expect(draft.pairs[0].reasons.forMentor.join(' · ')).toMatch(/you offer/);

    const since = megan.stream.frames.length;
    const published = await api('POST', `${runs}/${run.body.id}/publish`, admin, { objective: 'max-matched' });
    expect(published.body).toMatchObject({ proposed: 1 });
    const frame = await megan.stream.waitForCard('Tandem suggests a mentee for you', { since });
    expect(frame.actionConversationId).toBe(megan.chat);
    proposal = { card: cardsOf(frame.message)[0]!, messageId: frame.message!.messageId };
    expect(cardText(proposal.card)).toContain(alex.name);
    expect(cardText(proposal.card)).toContain('Get ready to lead a small team within a year');
  });

  it('lets the mentor accept on the card: the card shows it, both are told, the relationship starts', async () => {
    const meganSince = megan.stream.frames.length;
    const alexSince = alex.stream.frames.length;
    const accepted = await click(megan, proposal.messageId, proposal.card, (a) => a.verb === 'proposal.accept');
    expect(cardText(accepted)).toMatch(/Accepted on \d+ \w+ \d{4}/);
    await megan.stream.waitFor(
      (f) => f.action === 'updateMessage' && f.message?.messageId === proposal.messageId,
      'the card to update',
      { since: meganSince },
    );
    await megan.stream.waitForCard(`You are now ${alex.name}'s mentor`, { since: meganSince });
    await alex.stream.waitForCard(`${megan.name} will be your mentor`, { since: alexSince });

    const again = await click(megan, proposal.messageId, proposal.card, (a) => a.verb === 'proposal.accept');
    expect(cardText(again)).toBe(cardText(accepted));
    const rows = await local.tandem.database.db.select().from(relationships);
    expect(rows).toEqual([expect.objectContaining({ stage: 'rapport-building', status: 'active' })]);
  });
});
