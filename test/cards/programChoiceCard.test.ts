import { defaultProgram } from '../../src/domain/defaultProgram';
import type { Enrollment } from '../../src/store/repositories/enrollments';
import type { Program } from '../../src/store/repositories/programs';
import { programChoiceCard, programRuns } from '../../bot/cards/programChoiceCard';
import { programPickCard } from '../../bot/cards/programPickCard';
import { welcomeProgramsCard } from '../../bot/cards/welcomeProgramsCard';
import { cardProblems } from '../support/adaptiveCards';
import { actions, elements, texts } from '../support/cards';

const at = new Date('2026-01-05T09:00:00Z');

const evergreen: Program = {
  ...defaultProgram,
  id: '6f9c1b9e-8d7a-4a57-9a6e-0d1b2c3d4e5f',
  tenantId: 'tenant',
  createdAt: at,
  updatedAt: at,
};

const cohort: Program = {
  ...evergreen,
  id: '0b7e4a7c-2f0e-4c55-9d1c-6a9b3f2e1d00',
  slug: 'leaders',
  name: 'Leaders of Tomorrow',
  description: '',
  type: 'reverse',
  shape: 'cohort',
  startsOn: '2027-03-01',
  endsOn: '2027-06-30',
  matchingMode: 'admin',
};

const enrollment = (program: Program, status: Enrollment['status']): Enrollment => ({
  id: 'e1',
  tenantId: 'tenant',
  programId: program.id,
  personId: 'p1',
  role: 'both',
  answers: {},
  mentorCapacity: 2,
  status,
  revision: 2,
  withdrawnAt: null,
  createdAt: at,
  updatedAt: at,
});

describe('the choice of program', () => {
  it('lists each program with its type, dates and matching in words, and a button that carries its id', () => {
    const card = programChoiceCard([{ program: evergreen }, { program: cohort }]);
    expect(cardProblems(card)).toEqual([]);
    expect(texts(card).slice(0, 2)).toEqual([
      'Choose a program',
      '2 mentoring programs are open. Pick one to register for; you can take part in more than one.',
    ]);
    const facts = elements(card)
      .filter((e) => e.type === 'FactSet')
      .map((e) => (e.facts as { title: string; value: string }[]).map((f) => `${f.title}: ${f.value}`));
    expect(facts).toEqual([
      ['Type: One-to-one mentoring', 'Runs: Ongoing, join at any time', 'Matching: Mentees choose their mentor from suggestions'],
      [
        'Type: Reverse mentoring: junior colleagues mentor senior ones',
        'Runs: 1 March 2027 to 30 June 2027',
        'Matching: The program admins pair people',
      ],
    ]);
    expect(actions(card).map((a) => [a.verb, a.title, a.data])).toEqual([
      ['program.choose', 'Register for Tandem Mentoring', { programId: evergreen.id }],
      ['program.choose', 'Register for Leaders of Tomorrow', { programId: cohort.id }],
    ]);
    // An empty description leaves no empty text block behind.
    expect(texts(card)).not.toContain('');
  });

  it('marks the programs the person is registered in, but not one they withdrew from', () => {
    const card = programChoiceCard([
      { program: evergreen, enrollment: enrollment(evergreen, 'active') },
      { program: cohort, enrollment: enrollment(cohort, 'withdrawn') },
    ]);
    expect(cardProblems(card)).toEqual([]);
    expect(texts(card).filter((t) => t.startsWith('✓'))).toEqual(['✓ Registered as mentor and mentee']);
    expect(actions(card).map((a) => a.title)).toEqual(['Change my registration', 'Register for Leaders of Tomorrow']);
  });

  it('says the dates a cohort has, however many', () => {
    expect(programRuns({ shape: 'cohort', startsOn: '2027-03-01', endsOn: null })).toBe('From 1 March 2027');
    expect(programRuns({ shape: 'cohort', startsOn: null, endsOn: '2027-06-30' })).toBe('Until 30 June 2027');
    expect(programRuns({ shape: 'cohort', startsOn: null, endsOn: null })).toBe('Dates to be announced');
  });
});

describe('which program a command is about', () => {
  it('offers one button per registration, all with the verb the command continues with', () => {
    const card = programPickCard(
      { heading: 'Which registration?', prompt: 'Which one?', buttonTitle: 'Show my registration', verb: 'registration.view' },
      [
        { program: evergreen, enrollment: { ...enrollment(evergreen, 'active'), role: 'mentee' } },
        { program: cohort, enrollment: { ...enrollment(cohort, 'paused'), role: 'mentor' } },
      ],
    );
    expect(cardProblems(card)).toEqual([]);
    expect(texts(card)).toEqual([
      'Which registration?',
      'Which one?',
      'Tandem Mentoring',
      'Registered as mentee',
      'Leaders of Tomorrow',
      'Registered as mentor',
    ]);
    expect(actions(card).map((a) => [a.verb, a.title, a.data])).toEqual([
      ['registration.view', 'Show my registration', { programId: evergreen.id }],
      ['registration.view', 'Show my registration', { programId: cohort.id }],
    ]);
  });
});

describe('the welcome with several programs', () => {
  it('names every open program and leads to the choice', () => {
    const card = welcomeProgramsCard({ personName: 'Ann Lee', programNames: ['Tandem Mentoring', 'Leaders', 'Circles'] });
    expect(cardProblems(card)).toEqual([]);
    expect(texts(card)[0]).toBe('Hi Ann, welcome to Tandem');
    expect(texts(card)[2]).toMatch(/^3 mentoring programs are open: \*\*Tandem Mentoring\*\*, \*\*Leaders\*\* and \*\*Circles\*\*\./);
    expect(actions(card).map((a) => a.verb)).toEqual(['program.list']);
  });
});
