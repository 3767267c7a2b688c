import { defaultProgram } from '../../src/domain/defaultProgram';
import type { Enrollment } from '../../src/store/repositories/enrollments';
import type { Program } from '../../src/store/repositories/programs';
import { helpCard } from '../../bot/cards/helpCard';
import { registrationFormCard } from '../../bot/cards/registrationFormCard';
import { registrationSummaryCard } from '../../bot/cards/registrationSummaryCard';
import { roleChoiceCard } from '../../bot/cards/roleChoiceCard';
import { welcomeCard } from '../../bot/cards/welcomeCard';
import { withdrawalConfirmCard } from '../../bot/cards/withdrawalConfirmCard';
import { withdrawnCard } from '../../bot/cards/withdrawnCard';
import type { AdaptiveCard } from '../../bot/cards/render';
import { cardProblems } from '../support/adaptiveCards';
import { actions, input, inputs, textAfter, texts } from '../support/cards';

const program: Program = {
  ...defaultProgram,
  id: '6f9c1b9e-8d7a-4a57-9a6e-0d1b2c3d4e5f',
  tenantId: 'tenant',
  createdAt: new Date('2026-01-05T09:00:00Z'),
  updatedAt: new Date('2026-01-05T09:00:00Z'),
};

const enrollment: Enrollment = {
  id: 'e1',
  tenantId: 'tenant',
  programId: program.id,
  personId: 'p1',
  role: 'both',
  answers: { goals: 'Lead a team', skillsToDevelop: ['leadership'], skillsToOffer: ['writing', 'design'], mentorCapacity: 2, timeZone: 'Asia/Kolkata' },
  mentorCapacity: 2,
  status: 'active',
  revision: 3,
  withdrawnAt: new Date('2026-03-03T23:30:00Z'),
  createdAt: new Date('2026-03-03T08:00:00Z'),
  updatedAt: new Date('2026-03-03T08:00:00Z'),
};

const every: [string, AdaptiveCard][] = [
  ['welcome', welcomeCard({ personName: 'Ann Lee', programId: program.id, programName: program.name })],
  ['role choice', roleChoiceCard(program)],
  ['form (mentee)', registrationFormCard({ program, role: 'mentee', revision: 0, values: {} })],
  ['form (mentor)', registrationFormCard({ program, role: 'mentor', revision: 0, values: {} })],
  [
    'form (both, with errors)',
    registrationFormCard({
      program,
      role: 'both',
      revision: 3,
      values: enrollment.answers,
      errors: { goals: 'Please answer this question.' },
    }),
  ],
  ['summary', registrationSummaryCard({ program, enrollment, heading: 'You are registered', notice: 'Saved.' })],
  ['withdrawal confirmation', withdrawalConfirmCard(program)],
  ['withdrawn', withdrawnCard(program, enrollment, 'Asia/Kolkata')],
  ['help', helpCard()],
];

describe.each(every)('the %s card', (_name, card) => {
  it('parses as Adaptive Card 1.5 with no errors', () => {
    expect(card.version).toBe('1.5');
    expect(cardProblems(card)).toEqual([]);
  });

  it('has every template expression filled in', () => {
    expect(JSON.stringify(card)).not.toContain('${');
  });

  it('gives every Action.Execute a verb', () => {
    for (const a of actions(card)) {
      expect(a.type).toBe('Action.Execute');
      expect(a.verb).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
    }
  });
});

describe('the card checker itself', () => {
  it('reports unknown elements and a missing input id', () => {
    const problems = cardProblems({
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ type: 'Bogus' }, { type: 'Input.Text' }],
    });
    expect(problems.length).toBeGreaterThanOrEqual(2);
  });
});

describe('the registration form', () => {
  it('asks mentors for capacity and what they offer, and mentees for what they want', () => {
    const mentor = registrationFormCard({ program, role: 'mentor', revision: 0, values: {} });
    const mentee = registrationFormCard({ program, role: 'mentee', revision: 0, values: {} });
    expect(inputs(mentor).map((i) => i.id)).toEqual(expect.arrayContaining(['q_skillsToOffer', 'q_mentorCapacity']));
    expect(inputs(mentor).map((i) => i.id)).not.toContain('q_goals');
    expect(inputs(mentee).map((i) => i.id)).toEqual(expect.arrayContaining(['q_goals', 'q_skillsToDevelop']));
  });

  it('renders each question type with its limits and marks required ones', () => {
    const form = registrationFormCard({ program, role: 'both', revision: 0, values: {} });
    expect(input(form, 'q_goals')).toMatchObject({ type: 'Input.Text', isMultiline: true, maxLength: 1000, isRequired: true });
    expect(input(form, 'q_mentorCapacity')).toMatchObject({ type: 'Input.Number', min: 1, max: 5 });
    expect(input(form, 'q_languages')).toMatchObject({ type: 'Input.ChoiceSet', isMultiSelect: true, style: 'compact' });
    expect(input(form, 'q_availability')).toMatchObject({ type: 'Input.ChoiceSet', isMultiSelect: true, style: 'expanded' });
    expect(input(form, 'q_department')).toMatchObject({ type: 'Input.ChoiceSet', style: 'compact' });
    expect(input(form, 'q_interests').isRequired).toBe(false);
  });

  it('pre-fills stored answers and shows an error right under its field', () => {
    const form = registrationFormCard({
      program,
      role: 'both',
      revision: 3,
      values: enrollment.answers,
      errors: { skillsToOffer: 'Please choose at most 5.' },
    });
    expect(input(form, 'q_skillsToOffer').value).toBe('writing,design');
    expect(input(form, 'q_mentorCapacity').value).toBe(2);
    expect(input(form, 'q_experienceYears').value).toBeNull();
    expect(textAfter(form, 'q_skillsToOffer')).toBe('Please choose at most 5.');
    expect(textAfter(form, 'q_goals')).toBeUndefined();
    expect(actions(form).find((a) => a.verb === 'registration.submit')?.data).toEqual({
      programId: program.id,
      role: 'both',
      revision: 3,
    });
  });
});

describe('the summary card', () => {
  it('shows answers by their titles, in the questionnaire’s order, and the day in the person’s zone', () => {
    const card = registrationSummaryCard({ program, enrollment, heading: 'Your registration', timeZone: 'Asia/Kolkata' });
    const facts = (card.body as { type: string; facts?: { title: string; value: string }[] }[]).find((e) => e.type === 'FactSet')!.facts!;
    expect(facts.map((f) => f.value)).toEqual(['Lead a team', 'Leadership', 'Writing, Design', '2', '(UTC+05:30) India']);
    expect(texts(card)[1]).toBe('Tandem Mentoring · mentor and mentee · registered 3 March 2026');
    expect(inputs(card)).toEqual([]);
  });

  it('dates a withdrawal in the person’s own time zone', () => {
    expect(texts(withdrawnCard(program, enrollment, 'Asia/Kolkata'))[1]).toMatch(/^Withdrawn on 4 March 2026\./);
    expect(texts(withdrawnCard(program, enrollment, 'America/New_York'))[1]).toMatch(/^Withdrawn on 3 March 2026\./);
  });
});
