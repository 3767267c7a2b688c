import { endRelationshipConfirmCard } from '../../bot/cards/endRelationshipConfirmCard';
import { matchMadeCard } from '../../bot/cards/matchMadeCard';
import { matchStatusCard } from '../../bot/cards/matchStatusCard';
import type { MatchStatusView, MentorOptionView, ProposalView } from '../../bot/cards/matchViews';
import { mentorOptionsCard } from '../../bot/cards/mentorOptionsCard';
import { mentorRequestedCard } from '../../bot/cards/mentorRequestedCard';
import { proposalAcceptedCard } from '../../bot/cards/proposalAcceptedCard';
import { proposalCard } from '../../bot/cards/proposalCard';
import { proposalClosedCard } from '../../bot/cards/proposalClosedCard';
import { proposalDeclinedCard } from '../../bot/cards/proposalDeclinedCard';
import { proposalExpiredCard } from '../../bot/cards/proposalExpiredCard';
import { relationshipEndedCard } from '../../bot/cards/relationshipEndedCard';
import type { AdaptiveCard } from '../../bot/cards/render';
import { cardProblems } from '../support/adaptiveCards';
import { actions, elements, input, inputs, texts, type CardAction, type CardJson } from '../support/cards';

const programId = '6f9c1b9e-8d7a-4a57-9a6e-0d1b2c3d4e5f';

const proposal: ProposalView = {
  proposalId: '0b7e4a7c-2f0e-4c55-9d1c-6a9b3f2e1d00',
  programName: 'Tandem Mentoring',
  menteeName: 'Ann Lee',
  menteeRole: 'Senior · Engineering',
  menteeGoals: 'Grow into a tech lead role and get better at giving feedback.',
  reasons: ['You offer leadership, which Ann wants to develop', 'You both work in Europe/London hours', 'You share an interest in design'],
  score: 82.4,
  expiresOn: '24 November 2026',
  source: 'mentee-choice',
};

const priya: MentorOptionView = {
  mentorPersonId: 'a1d2c3b4-0000-4000-8000-000000000001',
  name: 'Priya Shah',
  role: 'Principal · Engineering',
  score: 91,
  reasons: ['Offers leadership', 'Offers public speaking', 'Same time zone', 'Both enjoy running'],
};

const status: MatchStatusView = {
  programId,
  programName: 'Tandem Mentoring',
  relationships: [
    { relationshipId: 'r-1', otherName: 'Priya Shah', myRole: 'mentee', stage: 'Rapport building', since: '3 March 2026' },
    { relationshipId: 'r-2', otherName: 'Tom Baker', myRole: 'mentor', stage: 'Setting direction', since: '10 April 2026' },
  ],
  pending: [
    { proposalId: 'p-1', otherName: 'Sam Ortiz', myRole: 'mentee', expiresOn: '24 November 2026' },
    { proposalId: 'p-2', otherName: 'Ann Lee', myRole: 'mentor', expiresOn: '25 November 2026' },
  ],
  canFindMentor: true,
};

function executes(card: CardJson, verb: string): CardAction[] {
  return actions(card).filter((a) => a.type === 'Action.Execute' && a.verb === verb);
}

function onlyExecute(card: CardJson, verb: string): CardAction {
  const found = executes(card, verb);
  expect(found).toHaveLength(1);
  return found[0]!;
}

const text = (card: CardJson) => texts(card).join('\n');

const every: [string, AdaptiveCard][] = [
  ['proposal (mentee choice)', proposalCard(proposal)],
  ['proposal (algorithm, no role, no reasons)', proposalCard({ ...proposal, source: 'algorithm', menteeRole: '', reasons: [] })],
  ['proposal accepted', proposalAcceptedCard(proposal, { acceptedOn: '3 March 2026' })],
  ['proposal declined', proposalDeclinedCard(proposal, { declinedOn: '3 March 2026' })],
  ['proposal expired', proposalExpiredCard(proposal, { expiredOn: '24 November 2026' })],
  ['proposal closed', proposalClosedCard(proposal, { reason: 'Ann has withdrawn from the program.' })],
  ['mentor options', mentorOptionsCard({ programId, programName: 'Tandem Mentoring', options: [priya] })],
  ['mentor options (none)', mentorOptionsCard({ programId, programName: 'Tandem Mentoring', options: [] })],
  ['mentor requested', mentorRequestedCard({ mentorName: 'Priya Shah', expiresOn: '24 November 2026' })],
  ['match status', matchStatusCard(status)],
  ['match status (empty)', matchStatusCard({ ...status, relationships: [], pending: [], canFindMentor: false })],
  ['end confirmation (mentee)', endRelationshipConfirmCard({ relationshipId: 'r-1', otherName: 'Priya Shah', myRole: 'mentee' })],
  ['end confirmation (mentor)', endRelationshipConfirmCard({ relationshipId: 'r-2', otherName: 'Tom Baker', myRole: 'mentor' })],
  ['relationship ended', relationshipEndedCard({ otherName: 'Priya Shah', endedOn: '1 June 2026', rematching: true })],
  ['match made (mentor)', matchMadeCard({ otherName: 'Ann Lee', myRole: 'mentor', programName: 'Tandem Mentoring', reasons: proposal.reasons, introPrompt: true })],
  ['match made (mentee)', matchMadeCard({ otherName: 'Priya Shah', myRole: 'mentee', programName: 'Tandem Mentoring', reasons: [], introPrompt: false })],
];

describe.each(every)('the %s card', (_name, card) => {
  it('parses as Adaptive Card 1.5 with no errors', () => {
    expect(card.version).toBe('1.5');
    expect(cardProblems(card)).toEqual([]);
  });

  it('has every template expression filled in', () => {
    expect(JSON.stringify(card)).not.toContain('${');
    expect(JSON.stringify(card)).not.toContain('$data');
    expect(JSON.stringify(card)).not.toContain('$when');
  });

  it('opens with one wrapped heading, and wraps every text', () => {
    const blocks = elements(card).filter((e) => e.type === 'TextBlock');
    expect(blocks[0]).toMatchObject({ style: 'heading', wrap: true });
    expect(blocks.filter((b) => b.style === 'heading')).toHaveLength(1);
    for (const block of blocks) expect(block.wrap).toBe(true);
    for (const block of blocks) expect(String(block.text).trim()).not.toBe('');
  });

  it('gives every Action.Execute a verb and data', () => {
    for (const a of actions(card).filter((a) => a.type === 'Action.Execute')) {
      expect(a.verb).toMatch(/^[a-z]+(\.[a-z]+)+$/);
      expect(a.data).toEqual(expect.any(Object));
      for (const value of Object.values(a.data ?? {})) expect(value).toEqual(expect.stringMatching(/.+/));
    }
  });
});

describe('the proposal card', () => {
  it('says who asked', () => {
    expect(texts(proposalCard(proposal))[0]).toBe('Ann Lee would like you as their mentor');
    expect(texts(proposalCard({ ...proposal, source: 'algorithm' }))[0]).toBe('Tandem suggests a mentee for you');
    expect(texts(proposalCard({ ...proposal, source: 'admin' }))[0]).toBe('Your program admin paired you with a mentee');
  });

  it('shows the mentee, their goals, the reasons as a list, the score and the deadline', () => {
    const card = proposalCard(proposal);
    expect(texts(card)).toEqual(
      expect.arrayContaining([
        'Ann Lee',
        'Senior · Engineering',
        proposal.menteeGoals,
        'Why this match',
        '- You offer leadership, which Ann wants to develop\r- You both work in Europe/London hours\r- You share an interest in design',
        'Match score 82 of 100',
        'Please answer by 24 November 2026.',
      ]),
    );
  });

  it('leaves out an unknown role and an empty reason list', () => {
    const card = proposalCard({ ...proposal, menteeRole: ' ', reasons: [], score: 100.2 });
    const all = texts(card);
    expect(all[all.indexOf('Ann Lee') + 1]).toBe('Their goals');
    expect(texts(card).some((t) => t.startsWith('- '))).toBe(false);
    expect(texts(card)).toContain('Match score 100 of 100');
  });

  it('accepts with the proposal id and sends no decline reason along', () => {
    const accept = onlyExecute(proposalCard(proposal), 'proposal.accept');
    expect(accept).toMatchObject({ title: 'Accept', data: { proposalId: proposal.proposalId }, associatedInputs: 'none' });
  });

  it('declines from a show card that asks for an optional, private reason', () => {
    const card = proposalCard(proposal);
    const showCard = actions(card).find((a) => a.type === 'Action.ShowCard') as (CardAction & { card: CardJson }) | undefined;
    expect(showCard?.title).toBe('Decline');
    expect(inputs(showCard!.card)).toEqual([
      {
        type: 'Input.Text',
        id: 'declineReason',
        label: "Anything you'd like to share? (optional, only the program admins see it)",
        isMultiline: true,
        maxLength: 500,
        isRequired: false,
      },
    ]);
    expect(showCard!.card.actions).toEqual([
      { type: 'Action.Execute', title: 'Decline', verb: 'proposal.decline', data: { proposalId: proposal.proposalId } },
    ]);
  });
});

describe('the proposal’s final states', () => {
  it('replace every action with the outcome', () => {
    const accepted = proposalAcceptedCard(proposal, { acceptedOn: '3 March 2026' });
    const declined = proposalDeclinedCard(proposal, { declinedOn: '4 March 2026' });
    const expired = proposalExpiredCard(proposal, { expiredOn: '24 November 2026' });
    const closed = proposalClosedCard(proposal, { reason: 'Ann has been matched with another mentor.' });
    for (const card of [accepted, declined, expired, closed]) {
      expect(actions(card)).toEqual([]);
      expect(inputs(card)).toEqual([]);
      expect(texts(card)[1]).toBe('Tandem Mentoring · Ann Lee · Senior · Engineering');
    }
    expect(texts(accepted)).toContain('Accepted on 3 March 2026. You and Ann are now a mentoring pair.');
    expect(text(declined)).toContain('Declined on 4 March 2026.');
    expect(text(expired)).toContain('It expired on 24 November 2026 without an answer');
    expect(texts(closed)).toContain('Ann has been matched with another mentor.');
  });

  it('do not repeat the mentee’s goals or the score', () => {
    const accepted = proposalAcceptedCard(proposal, { acceptedOn: '3 March 2026' });
    expect(text(accepted)).not.toContain(proposal.menteeGoals);
    expect(text(accepted)).not.toContain('Match score');
  });

  it('explain a closed proposal even without a reason', () => {
    expect(texts(proposalClosedCard(proposal, { reason: '' }))).toContain('It is no longer open.');
  });
});

describe('the mentor options card', () => {
  const options: MentorOptionView[] = Array.from({ length: 7 }, (_, i) => ({
    ...priya,
    mentorPersonId: `mentor-${i}`,
    name: `Mentor${i} Example`,
    score: 90 - i,
  }));

  it('shows at most five mentors, each with the top three reasons and an ask button', () => {
    const card = mentorOptionsCard({ programId, programName: 'Tandem Mentoring', options });
    const asks = executes(card, 'match.request');
    expect(asks.map((a) => a.title)).toEqual(['Ask Mentor0', 'Ask Mentor1', 'Ask Mentor2', 'Ask Mentor3', 'Ask Mentor4']);
    expect(asks[2]!.data).toEqual({ programId, mentorPersonId: 'mentor-2' });
    expect(texts(card)).toContain('- Offers leadership\r- Offers public speaking\r- Same time zone');
    expect(text(card)).not.toContain('Both enjoy running');
    expect(texts(card)).toContain('Match score 86 of 100');
    expect(text(card)).toContain('They get your request in Teams and have 3 days to answer.');
  });

  it('keeps each mentor’s button inside that mentor’s container', () => {
    const card = mentorOptionsCard({ programId, programName: 'Tandem Mentoring', options: [priya] });
    const container = elements(card).find((e) => e.type === 'Container')!;
    const items = container.items as { type: string; text?: string; actions?: CardAction[] }[];
    expect(items.map((i) => i.text ?? i.type)).toEqual([
      'Priya Shah',
      'Principal · Engineering',
      'Match score 91 of 100',
      '- Offers leadership\r- Offers public speaking\r- Same time zone',
      'ActionSet',
    ]);
    expect(items[4]!.actions).toEqual([
      { type: 'Action.Execute', title: 'Ask Priya', verb: 'match.request', data: { programId, mentorPersonId: priya.mentorPersonId } },
    ]);
  });

  it('says so kindly when there is no one to suggest', () => {
    const card = mentorOptionsCard({ programId, programName: 'Tandem Mentoring', options: [] });
    expect(actions(card)).toEqual([]);
    expect(text(card)).toContain("We couldn't find a mentor for you right now.");
    expect(text(card)).not.toContain('3 days');
  });
});

describe('the request sent card', () => {
  it('names the mentor and the deadline', () => {
    const card = mentorRequestedCard({ mentorName: 'Priya Shah', expiresOn: '24 November 2026' });
    expect(texts(card)).toContain(
      "You asked Priya Shah to be your mentor. We'll let you know as soon as they answer (by 24 November 2026).",
    );
    expect(actions(card)).toEqual([]);
  });
});

describe('the match status card', () => {
  it('lists each mentorship with its stage and an end button for it', () => {
    const card = matchStatusCard(status);
    expect(texts(card)).toEqual(
      expect.arrayContaining([
        'Priya Shah is your mentor',
        'Rapport building · since 3 March 2026',
        'You mentor Tom Baker',
        'Setting direction · since 10 April 2026',
      ]),
    );
    expect(executes(card, 'relationship.end.request').map((a) => [a.title, a.data])).toEqual([
      ['End this mentorship', { relationshipId: 'r-1' }],
      ['End this mentorship', { relationshipId: 'r-2' }],
    ]);
  });

  it('words pending proposals from each side', () => {
    const card = matchStatusCard(status);
    expect(texts(card)).toEqual(
      expect.arrayContaining([
        'Waiting for Sam to answer, until 24 November 2026',
        'Ann is waiting for your answer, until 25 November 2026',
      ]),
    );
    expect(texts(card)).not.toContain('You have no matches yet.');
  });

  it('offers to find a mentor only when the person may have another', () => {
    expect(onlyExecute(matchStatusCard(status), 'match.find')).toMatchObject({ title: 'Find a mentor', data: { programId } });
    expect(executes(matchStatusCard({ ...status, canFindMentor: false }), 'match.find')).toEqual([]);
  });

  it('has an empty state with nothing to press but finding a mentor', () => {
    const empty = matchStatusCard({ ...status, relationships: [], pending: [] });
    expect(texts(empty)).toContain('You have no matches yet.');
    expect(texts(empty)).not.toContain('Waiting for an answer');
    expect(actions(empty).map((a) => a.verb)).toEqual(['match.find']);
  });
});

describe('the end confirmation card', () => {
  it('is kind, takes an optional note, and offers a mentee a new mentor by default', () => {
    const card = endRelationshipConfirmCard({ relationshipId: 'r-1', otherName: 'Priya Shah', myRole: 'mentee' });
    expect(texts(card)).toContain(
      "Mentorships end for many reasons, and that's fine. We'll let Priya know kindly, without a reason.",
    );
    expect(input(card, 'endReason')).toMatchObject({ type: 'Input.Text', maxLength: 500, isRequired: false });
    expect(input(card, 'rematch')).toMatchObject({
      type: 'Input.Toggle',
      title: 'Find me a new mentor',
      valueOn: 'true',
      valueOff: 'false',
      value: 'true',
    });
    expect(onlyExecute(card, 'relationship.end.confirm')).toMatchObject({ title: 'End mentorship', data: { relationshipId: 'r-1' } });
    expect(onlyExecute(card, 'relationship.end.cancel')).toMatchObject({ title: 'Keep it', data: { relationshipId: 'r-1' } });
  });

  it('does not offer a mentor a new mentor', () => {
    const card = endRelationshipConfirmCard({ relationshipId: 'r-2', otherName: 'Tom Baker', myRole: 'mentor' });
    expect(inputs(card).map((i) => i.id)).toEqual(['endReason']);
    expect(onlyExecute(card, 'relationship.end.confirm').data).toEqual({ relationshipId: 'r-2' });
  });
});

describe('the relationship ended card', () => {
  it('mentions rematching only when it happens', () => {
    const rematching = relationshipEndedCard({ otherName: 'Priya Shah', endedOn: '1 June 2026', rematching: true });
    const not = relationshipEndedCard({ otherName: 'Priya Shah', endedOn: '1 June 2026', rematching: false });
    expect(texts(rematching)[0]).toBe('Your mentorship with Priya Shah has ended');
    expect(text(rematching)).toContain('Ended on 1 June 2026.');
    expect(text(rematching)).toContain('new mentor');
    expect(text(not)).not.toContain('new mentor');
    expect(actions(rematching)).toEqual([]);
  });
});

describe('the match made card', () => {
  const made = (myRole: 'mentor' | 'mentee', introPrompt: boolean, reasons = proposal.reasons) =>
    matchMadeCard({ otherName: myRole === 'mentor' ? 'Ann Lee' : 'Priya Shah', myRole, programName: 'Tandem Mentoring', reasons, introPrompt });

  it('tells each side who they are paired with and why', () => {
    expect(texts(made('mentee', false))[0]).toBe('Priya Shah will be your mentor');
    expect(texts(made('mentor', false))[0]).toBe("You are now Ann Lee's mentor");
    expect(texts(made('mentee', false))).toEqual(expect.arrayContaining(['Why you were matched', expect.stringMatching(/^- You offer leadership/)]));
  });

  it('gives a mentor three conversation starters when asked, and no buttons', () => {
    const card = made('mentor', true);
    expect(texts(card)).toContain('Introduce yourself');
    const starters = texts(card).find((t) => t.startsWith('- What you do'));
    expect(starters?.split('\r')).toHaveLength(3);
    expect(starters).toContain("talking through Ann's goals");
    expect(actions(card)).toEqual([]);
    expect(texts(made('mentor', false))).not.toContain('Introduce yourself');
    expect(texts(made('mentee', true))).not.toContain('Introduce yourself');
  });

  it('leaves out the reasons heading when there are none', () => {
    expect(texts(made('mentee', false, []))).not.toContain('Why you were matched');
  });
});
