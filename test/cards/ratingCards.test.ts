import { nudgeFirstContactCard } from '../../bot/cards/nudgeFirstContactCard';
import { nudgeNoSessionCard } from '../../bot/cards/nudgeNoSessionCard';
import { ratingClosedCard } from '../../bot/cards/ratingClosedCard';
import { ratingFormCard } from '../../bot/cards/ratingFormCard';
import { ratingThanksCard } from '../../bot/cards/ratingThanksCard';
import type { AdaptiveCard } from '../../bot/cards/render';
import type { NudgeNotice } from '../../src/services/nudges';
import type { RatingView } from '../../src/services/sessionRatings';
import type { Rating } from '../../src/store/repositories/ratings';
import { cardProblems } from '../support/adaptiveCards';
import { action, actions, input, inputs, texts } from '../support/cards';

const sessionId = '0b7e4a7c-2f0e-4c55-9d1c-6a9b3f2e1d00';
const goalA = '11111111-1111-4111-8111-111111111111';
const goalB = '22222222-2222-4222-8222-222222222222';
const relationshipId = '33333333-3333-4333-8333-333333333333';

const view: RatingView = {
  tenantId: 'tenant',
  sessionId,
  personId: 'p1',
  partnerName: 'Mia Chen',
  programName: 'Tandem Mentoring',
  startsAt: new Date('2026-03-03T13:00:00Z'),
  endsAt: new Date('2026-03-03T14:00:00Z'),
  timeZone: 'Europe/Berlin',
  goals: [
    { id: goalA, title: 'Lead a team', progress: 60 },
    { id: goalB, title: 'Give feedback', progress: 0 },
  ],
  rating: null,
  editableUntil: new Date('2026-03-10T14:00:00Z'),
  editable: true,
};

const rating: Rating = {
  id: 'r1',
  tenantId: 'tenant',
  sessionId,
  raterPersonId: 'p1',
  score: 2,
  tookPlace: true,
  mostUseful: 'The mock interview',
  shareWithPartner: true,
  goalProgress: { [goalA]: 75 },
  createdAt: new Date('2026-03-03T14:10:00Z'),
  updatedAt: new Date('2026-03-03T14:10:00Z'),
};

const nudge: NudgeNotice = {
  kind: 'no-session',
  tenantId: 'tenant',
  personId: 'p1',
  relationshipId,
  programName: 'Tandem Mentoring',
  myRole: 'mentee',
  partnerName: 'Mia Chen',
  cadenceDays: 30,
  lastSessionAt: new Date('2026-02-01T10:00:00Z'),
  timeZone: 'Asia/Tokyo',
};

const every: [string, AdaptiveCard][] = [
  ['rating form', ratingFormCard(view)],
  ['rating form (editing)', ratingFormCard({ ...view, rating })],
  ['rating form (no goals)', ratingFormCard({ ...view, goals: [] })],
  ['rating thanks', ratingThanksCard({ ...view, rating })],
  ['rating closed', ratingClosedCard({ ...view, rating, editable: false }, true)],
  ['rating closed (never rated)', ratingClosedCard({ ...view, editable: false }, false)],
  ['no-session nudge', nudgeNoSessionCard(nudge)],
  ['no-session nudge (never met)', nudgeNoSessionCard({ ...nudge, lastSessionAt: null })],
  ['first-contact nudge', nudgeFirstContactCard({ ...nudge, kind: 'no-first-contact', myRole: 'mentor' })],
];

describe.each(every)('the %s card', (_name, card) => {
  it('parses as Adaptive Card 1.5 with no errors', () => {
    expect(card.version).toBe('1.5');
    expect(cardProblems(card)).toEqual([]);
  });

  it('has a verb on every Action.Execute and no template left unexpanded', () => {
    for (const a of actions(card)) if (a.type === 'Action.Execute') expect(a.verb).toBeTruthy();
    expect(JSON.stringify(card)).not.toMatch(/\$\{/);
  });
});

describe('the rating form', () => {
  const card = ratingFormCard(view);

  it('asks for a 1 to 5 rating and whether the session took place, both required, with nothing pre-chosen', () => {
    const score = input(card, 'score');
    expect(score).toMatchObject({ type: 'Input.ChoiceSet', isRequired: true, value: '' });
    expect((score.choices as { value: string }[]).map((c) => c.value)).toEqual(['1', '2', '3', '4', '5']);
    const tookPlace = input(card, 'tookPlace');
    expect(tookPlace).toMatchObject({ isRequired: true, value: '' });
    expect((tookPlace.choices as { title: string; value: string }[]).map((c) => [c.title, c.value])).toEqual([
      ['Yes, we met', 'true'],
      ['No, we did not meet', 'false'],
    ]);
    expect(input(card, 'mostUseful')).toMatchObject({ type: 'Input.Text', isMultiline: true, maxLength: 1000 });
    expect(input(card, 'shareWithPartner')).toMatchObject({ type: 'Input.Toggle', title: 'Share my comment with Mia', value: 'false' });
  });

  it('asks about each goal, pre-filled with its progress to the nearest step, and carries what it showed', () => {
    expect(input(card, `goal_${goalA}`)).toMatchObject({ label: 'Lead a team', value: '50' });
    expect(input(card, `goal_${goalB}`)).toMatchObject({ label: 'Give feedback', value: '0' });
    const send = action(card, 'rating.submit');
    expect(send.data).toEqual({ sessionId, shownProgress: JSON.stringify({ [goalA]: 50, [goalB]: 0 }) });
  });

  it('says plainly who sees the answers, the session time in the person\'s zone and the edit window', () => {
    const all = texts(card).join('\n');
    expect(all).toContain("Your program's admins see your rating and whether you met; Mia does not.");
    expect(all).toContain('by Mia only if you choose to share it');
    expect(all).toContain("Tandem Mentoring · Tue, 3 March 2026 at 14:00");
    expect(all).toContain('You can change your answers until 10 March 2026.');
  });

  it('is pre-filled with the saved answers when editing', () => {
    const editing = ratingFormCard({ ...view, rating });
    expect(input(editing, 'score').value).toBe('2');
    expect(input(editing, 'tookPlace').value).toBe('true');
    expect(input(editing, 'mostUseful').value).toBe('The mock interview');
    expect(input(editing, 'shareWithPartner').value).toBe('true');
  });

  it('leaves out the goals heading when the pair has none', () => {
    const none = ratingFormCard({ ...view, goals: [] });
    expect(inputs(none).map((i) => i.id)).toEqual(['score', 'tookPlace', 'mostUseful', 'shareWithPartner']);
    expect(texts(none)).not.toContain('Progress on your goals');
  });
});

describe('the thanks and closed cards', () => {
  it('shows the answers with who sees the comment, says admins may follow up on a low rating, and offers Edit', () => {
    const card = ratingThanksCard({ ...view, rating });
    const facts = (card.body as { type: string; facts?: { title: string; value: string }[] }[]).find((e) => e.type === 'FactSet')!.facts!;
    expect(facts.map((f) => [f.title, f.value])).toEqual([
      ['Your rating', '2 of 5'],
      ['Took place', 'Yes, we met'],
      ['Most useful', 'The mock interview'],
      ['Who sees it', 'The admins and Mia'],
      ['Lead a team', '75 %'],
    ]);
    expect(texts(card).join(' ')).toMatch(/admins will see this and may get in touch/);
    expect(inputs(card)).toEqual([]);
    expect(action(card, 'rating.edit').data).toEqual({ sessionId });
  });

  it('has no follow-up line for a good rating', () => {
    const card = ratingThanksCard({ ...view, rating: { ...rating, score: 4, shareWithPartner: false } });
    expect(texts(card).join(' ')).not.toMatch(/get in touch/);
  });

  it('after the window: final answers, no Edit, and says nothing changed when a change was refused', () => {
    const refused = ratingClosedCard({ ...view, rating, editable: false }, true);
    expect(actions(refused)).toEqual([]);
    expect(texts(refused).join(' ')).toContain('Ratings can be given or changed until 10 March 2026, 7 days after the session. Nothing was changed.');
    const never = ratingClosedCard({ ...view, editable: false }, false);
    expect(texts(never)[0]).toBe('The session with Mia can no longer be rated');
  });
});

describe('the nudge cards', () => {
  it('no session: says when they last met, in the person\'s zone, and offers Find a time', () => {
    const card = nudgeNoSessionCard(nudge);
    expect(texts(card)[0]).toBe('Time for your next session with Mia?');
    expect(texts(card).join(' ')).toContain('You last met on 1 February 2026, and nothing is booked yet. Your program suggests meeting every 30 days.');
    expect(action(card, 'session.find').data).toEqual({ relationshipId });
    expect(texts(nudgeNoSessionCard({ ...nudge, lastSessionAt: null })).join(' ')).toContain("haven't had a session yet");
  });

  it('first contact: conversation starters and Find a time', () => {
    const card = nudgeFirstContactCard({ ...nudge, kind: 'no-first-contact', myRole: 'mentor', partnerName: 'Ann Lee' });
    expect(texts(card)[0]).toBe('Say hello to Ann');
    expect(texts(card).join('\n')).toMatch(/- Ask Ann what they hope to get from mentoring/);
    expect(action(card, 'session.find').data).toEqual({ relationshipId });
  });
});
