/**
 * What the bot suites read back from a chat: what the app sent each person
 * through the fake Bot Connector (proactive sends, not turn replies), waiting
 * for what a job sends, and the match most scheduling and rating suites
 * start from.
 */
import type { Relationship } from '../../src/store/repositories/relationships';
import { relationships } from '../../src/store/schema';
import { cardsIn, textsIn, type Harness, type TeamsUser } from './botHarness';
import { action, texts, type CardJson } from './cards';
import { menteeAnswers, mentorAnswers, register } from './registrations';

/** Polls until `read` gives a value: what jobs send arrives in their own time. */
export async function eventually<T>(read: () => Promise<T | undefined>, what: string, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The connector calls into a person's 1:1 chat: POST sends, PUT updates a card already sent. */
export const sentTo = (harness: Harness, user: TeamsUser, method = 'POST') =>
  harness.connector.calls.filter((c) => c.conversationId === user.conversationId && c.method === method);

export const cardsSentTo = (harness: Harness, user: TeamsUser, method = 'POST'): CardJson[] =>
  sentTo(harness, user, method).flatMap((c) => cardsIn([c.body]));

export const textsSentTo = (harness: Harness, user: TeamsUser): string[] => sentTo(harness, user).flatMap((c) => textsIn([c.body]));

/** A card's first text: what tells one card from another in these suites. */
export const heading = (card: CardJson) => texts(card)[0];

/**
 * Mia and Max register as mentors, Ann as a mentee; Max offers less of what
 * Ann wants, so Mia ranks first. `aadObjectIds` ties them to directory users
 * (the fake Graph's) when the suite needs their calendars.
 */
export async function registerAnnMiaAndMax(
  harness: Harness,
  aadObjectIds: Partial<Record<'ann' | 'mia' | 'max', string>> = {},
): Promise<{ ann: TeamsUser; mia: TeamsUser; max: TeamsUser }> {
  const person = (key: 'ann' | 'mia' | 'max', name: string) =>
    harness.user(`29:${key}`, { name, ...(aadObjectIds[key] ? { aadObjectId: aadObjectIds[key] } : {}) });
  const ann = person('ann', 'Ann Lee');
  const mia = person('mia', 'Mia Chen');
  const max = person('max', 'Max Weber');
  await register(mia, 'mentor', mentorAnswers);
  await register(max, 'mentor', { ...mentorAnswers, q_skillsToOffer: 'strategy', q_level: 'senior-manager' });
  await register(ann, 'mentee', menteeAnswers);
  return { ann, mia, max };
}

/** Ann asks Mia through "find a mentor" and Mia accepts on the card she was sent: their relationship. */
export async function matchAnnWithMia(harness: Harness, ann: TeamsUser, mia: TeamsUser): Promise<Relationship> {
  const [options] = cardsIn(await ann.say('find a mentor'));
  const askMia = action(options!, 'match.request', (a) => a.title === 'Ask Mia');
  await ann.click(askMia.verb!, askMia.data!);
  const proposal = cardsSentTo(harness, mia).find((c) => heading(c) === 'Ann Lee would like you as their mentor');
  if (!proposal) throw new Error('Mia was sent no proposal card');
  await mia.click('proposal.accept', action(proposal, 'proposal.accept').data!);
  const [relationship] = await harness.database.db.select().from(relationships);
  if (!relationship) throw new Error('accepting made no relationship');
  return relationship;
}
