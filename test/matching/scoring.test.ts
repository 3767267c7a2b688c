import type { Answers } from '../../src/domain/answers';
import { defaultProgram } from '../../src/domain/defaultProgram';
import type { MatchingRule, Question, Questionnaire } from '../../src/domain/questionnaire';
import type { Participant, ScoringContext } from '../../src/matching/participants';
import { scorePair, type PairVerdict } from '../../src/matching/scoring';

const nobody: ReadonlySet<string> = new Set();

function contextFor(questionnaire: Questionnaire, maxTimeZoneGapHours: number | null = null): ScoringContext {
  return { questionnaire, maxTimeZoneGapHours, reportingLine: () => nobody, pairedBefore: () => false };
}

function person(personId: string, answers: Answers, capacity = 2): Participant {
  return { personId, enrollmentId: `enrollment-${personId}`, name: personId, answers, status: 'active', capacity };
}

function candidate(verdict: PairVerdict) {
  if (verdict.kind !== 'candidate') throw new Error(`expected a candidate, got ${JSON.stringify(verdict.exclusions)}`);
  return verdict;
}

/** The score of one pair under a questionnaire of the given questions. */
function score(questions: Question[], mentee: Answers, mentor: Answers): number {
  return candidate(scorePair(person('mentee', mentee), person('mentor', mentor), contextFor({ questions }))).score;
}

function question(id: string, type: Question['type'], matching: MatchingRule, extra: Partial<Question> = {}): Question {
  return { id, label: id, type, audience: 'both', required: false, matching, ...extra };
}

const choices = (...values: string[]) => values.map((value) => ({ value, title: value.toUpperCase() }));

/** The default questionnaire with only `id` scored, so that question alone makes the score and the reasons. */
function onlyScoring(id: string): Questionnaire {
  return {
    questions: defaultProgram.questionnaire.questions.map((q) =>
      q.id === id ? q : { ...q, matching: { rule: 'none', weight: 0 } },
    ),
  };
}

const menteeAnswers: Answers = {
  goals: 'Lead a team',
  skillsToDevelop: ['leadership', 'writing', 'strategy'],
  department: 'engineering',
  level: 'early-career',
  experienceYears: 2,
  timeZone: 'Europe/Berlin',
  languages: ['english', 'german'],
  availability: ['early-morning', 'lunchtime'],
  communication: 'teams-video-call',
};

const mentorAnswers: Answers = {
  skillsToOffer: ['leadership', 'writing', 'finance'],
  mentorCapacity: 2,
  department: 'product',
  level: 'senior-individual-contributor',
  experienceYears: 8,
  timeZone: 'Europe/London',
  languages: ['english', 'spanish'],
  availability: ['lunchtime', 'afternoon'],
  communication: 'teams-video-call',
};

describe('scoring rules', () => {
  it('same: a single choice scores when equal, free text regardless of case, accents and spacing', () => {
    const q = question('q', 'single-choice', { rule: 'same', weight: 1 }, { options: choices('a', 'b') });
    expect(score([q], { q: 'a' }, { q: 'a' })).toBe(100);
    expect(score([q], { q: 'a' }, { q: 'b' })).toBe(0);
    const text = question('city', 'text', { rule: 'same', weight: 1 });
    expect(score([text], { city: ' München ' }, { city: 'munchen' })).toBe(100);
    expect(score([text], { city: 'Berlin' }, { city: 'Bern' })).toBe(0);
  });

  it('different: scores when the answers differ', () => {
    const q = question('q', 'single-choice', { rule: 'different', weight: 1 }, { options: choices('a', 'b') });
    expect(score([q], { q: 'a' }, { q: 'b' })).toBe(100);
    expect(score([q], { q: 'a' }, { q: 'a' })).toBe(0);
  });

  it('overlap: shared choices over the smaller set, so picking more never dilutes', () => {
    const q = question('q', 'multi-choice', { rule: 'overlap', weight: 1 }, { options: choices('a', 'b', 'c', 'd') });
    expect(score([q], { q: ['a'] }, { q: ['a', 'b', 'c'] })).toBe(100);
    expect(score([q], { q: ['a', 'b'] }, { q: ['b', 'c', 'd'] })).toBe(50);
    expect(score([q], { q: ['a', 'b'] }, { q: ['c', 'd'] })).toBe(0);
  });

  it('overlap works the same on a question with more than 32 options', () => {
    const many = Array.from({ length: 40 }, (_, i) => `o${i}`);
    const q = question('q', 'multi-choice', { rule: 'overlap', weight: 1 }, { options: choices(...many) });
    expect(score([q], { q: ['o1', 'o35', 'o39'] }, { q: ['o35', 'o39', 'o2', 'o3'] })).toBe(66.7);
  });

  it('wants-offers: the share of the wanted items the mentor offers', () => {
    const wants = question(
      'wants',
      'multi-choice',
      { rule: 'wants-offers', weight: 1, counterpart: 'offers' },
      { options: choices('a', 'b', 'c', 'd') },
    );
    const offers = question('offers', 'multi-choice', { rule: 'none', weight: 0 }, { options: choices('a', 'b', 'c', 'd') });
    expect(score([wants, offers], { wants: ['a', 'b', 'c'] }, { offers: ['a', 'b', 'd'] })).toBe(66.7);
    expect(score([wants, offers], { wants: ['a'] }, { offers: ['a', 'b', 'c', 'd'] })).toBe(100);
    expect(score([wants, offers], { wants: ['a'] }, { offers: ['b'] })).toBe(0);
  });

  it('distance on ranked options: 1 at the ideal gap (mentor − mentee), falling linearly to 0 at ideal ± tolerance', () => {
    const level = defaultProgram.questionnaire.questions.find((q) => q.id === 'level')!;
    const byRank = level.options!.map((o) => o.value);
    const gap = (mentee: number, mentor: number) => score([level], { level: byRank[mentee]! }, { level: byRank[mentor]! });
    expect(gap(0, 2)).toBe(100);
    expect(gap(0, 1)).toBe(50);
    expect(gap(1, 4)).toBe(50);
    expect(gap(2, 2)).toBe(0);
    expect(gap(3, 1)).toBe(0);
  });

  it('distance on numbers, bounded (tabled) or not, gives the same points', () => {
    const bounded = question('years', 'number', { rule: 'distance', weight: 1, ideal: 6, tolerance: 8 }, { min: 0, max: 60 });
    const unbounded = question('years', 'number', { rule: 'distance', weight: 1, ideal: 6, tolerance: 8 });
    for (const q of [bounded, unbounded]) {
      expect(score([q], { years: 4 }, { years: 10 })).toBe(100);
      expect(score([q], { years: 4 }, { years: 14 })).toBe(50);
      expect(score([q], { years: 4 }, { years: 6 })).toBe(50);
      expect(score([q], { years: 10 }, { years: 2 })).toBe(0);
    }
  });

  it('time zones score by the hour gap between standard offsets, around the clock', () => {
    const timeZone = defaultProgram.questionnaire.questions.find((q) => q.id === 'timeZone')!;
    const zones = (a: string, b: string) => score([timeZone], { timeZone: a }, { timeZone: b });
    expect(zones('Europe/Berlin', 'Europe/Berlin')).toBe(100);
    expect(zones('Europe/Berlin', 'Europe/London')).toBe(66.7);
    expect(zones('Pacific/Honolulu', 'Pacific/Auckland')).toBe(33.3);
    expect(zones('Europe/London', 'Asia/Kolkata')).toBe(0);
  });

  it('weighs each question: Σ weight × points over the total weight, × 100', () => {
    const heavy = question('heavy', 'single-choice', { rule: 'same', weight: 3 }, { options: choices('a', 'b') });
    const light = question('light', 'single-choice', { rule: 'same', weight: 1 }, { options: choices('a', 'b') });
    expect(score([heavy, light], { heavy: 'a', light: 'a' }, { heavy: 'a', light: 'b' })).toBe(75);
    expect(score([heavy, light], { heavy: 'a', light: 'a' }, { heavy: 'b', light: 'a' })).toBe(25);
  });

  it('counts a missing answer as neutral, half points, for every rule', () => {
    const questions = [
      question('one', 'single-choice', { rule: 'same', weight: 1 }, { options: choices('a', 'b') }),
      question('text', 'text', { rule: 'same', weight: 1 }),
      question('set', 'multi-choice', { rule: 'overlap', weight: 1 }, { options: choices('a', 'b') }),
      question('years', 'number', { rule: 'distance', weight: 1, ideal: 0, tolerance: 5 }),
    ];
    expect(score(questions, {}, { one: 'a', text: 'x', set: ['a'], years: 3 })).toBe(50);
    expect(score(questions, { one: 'a', text: 'x', set: ['a'], years: 3 }, {})).toBe(50);
    const verdict = candidate(
      scorePair(person('mentee', { one: 'a' }), person('mentor', { one: 'a' }), contextFor({ questions })),
    );
    expect(verdict.score).toBe(62.5);
    expect(verdict.contributions.find((c) => c.questionId === 'set')).toMatchObject({ points: 0.5, bothAnswered: false });
  });

  it('counts an answer outside the options as missing', () => {
    const q = question('q', 'single-choice', { rule: 'same', weight: 1 }, { options: choices('a', 'b') });
    expect(score([q], { q: 'retired-option' }, { q: 'a' })).toBe(50);
  });

  it('counts a sensitive question only when both answered, and then both ways', () => {
    const plain = question('plain', 'single-choice', { rule: 'same', weight: 1 }, { options: choices('a', 'b') });
    const background = question(
      'background',
      'multi-choice',
      { rule: 'overlap', weight: 1 },
      { options: choices('x', 'y'), sensitive: true },
    );
    const questions = [plain, background];
    expect(score(questions, { plain: 'a' }, { plain: 'a', background: ['x'] })).toBe(100);
    expect(score(questions, { plain: 'a', background: ['x'] }, { plain: 'a', background: ['x'] })).toBe(100);
    expect(score(questions, { plain: 'a', background: ['x'] }, { plain: 'a', background: ['y'] })).toBe(50);
    const unanswered = candidate(
      scorePair(person('mentee', { plain: 'a' }), person('mentor', { plain: 'a', background: ['x'] }), contextFor({ questions })),
    );
    expect(unanswered.contributions.map((c) => c.questionId)).toEqual(['plain']);
  });

  it('gives a neutral 50 when no question counts', () => {
    const background = question(
      'background',
      'multi-choice',
      { rule: 'overlap', weight: 1 },
      { options: choices('x'), sensitive: true },
    );
    expect(score([background], {}, {})).toBe(50);
  });

  it('scores the default questionnaire from 0 to 100 with one decimal, and the contributions add up to it', () => {
    const verdict = candidate(
      scorePair(person('mentee', menteeAnswers), person('mentor', mentorAnswers), contextFor(defaultProgram.questionnaire)),
    );
    expect(verdict.score).toBeGreaterThan(0);
    expect(verdict.score).toBeLessThanOrEqual(100);
    expect(Math.round(verdict.score * 10)).toBeCloseTo(verdict.score * 10, 9);
    const total = verdict.contributions.reduce((sum, c) => sum + c.scorePoints, 0);
    expect(Math.abs(total - verdict.score)).toBeLessThanOrEqual(0.1 * verdict.contributions.length);
    expect(verdict.contributions.find((c) => c.questionId === 'skillsToDevelop')).toMatchObject({
      rule: 'wants-offers',
      weight: 10,
      points: 0.667,
    });
  });
});

describe('reasons', () => {
  const verdictFor = (mentee: Answers, mentor: Answers, questionnaire = defaultProgram.questionnaire) =>
    candidate(scorePair(person('mentee', mentee), person('mentor', mentor), contextFor(questionnaire)));

  it('states the three largest contributions first, worded for each reader', () => {
    const verdict = verdictFor(menteeAnswers, mentorAnswers);
    expect(verdict.reasons.forMentee).toEqual([
      'offers 2 of the 3 skills you want',
      '2 levels senior',
      '6 more years of experience',
    ]);
    expect(verdict.reasons.forMentor).toEqual([
      'you offer 2 of the 3 skills they want',
      'you are 2 levels senior',
      'you have 6 more years of experience',
    ]);
    const stated = ['skillsToDevelop', 'level', 'experienceYears'];
    const largestOthers = verdict.contributions.filter((c) => !stated.includes(c.questionId)).map((c) => c.scorePoints);
    const smallestStated = Math.min(
      ...verdict.contributions.filter((c) => stated.includes(c.questionId)).map((c) => c.scorePoints),
    );
    expect(Math.max(...largestOthers)).toBeLessThan(smallestStated);
  });

  it('leaves out questions that add nothing or that one of them did not answer', () => {
    const verdict = verdictFor(
      { ...menteeAnswers, department: 'product', skillsToDevelop: ['finance'], level: 'director' },
      { ...mentorAnswers, skillsToOffer: ['sales'] },
    );
    expect(verdict.reasons.forMentee.join(' · ')).not.toMatch(/skill|department|level|interests/);
    expect(verdict.reasons.forMentee).toHaveLength(3);
  });

  it.each([
    [
      'skillsToDevelop',
      { skillsToDevelop: ['leadership'] },
      { skillsToOffer: ['leadership'] },
      'offers Leadership, the skill you want',
      'you offer Leadership, the skill they want',
    ],
    [
      'skillsToDevelop',
      { skillsToDevelop: ['leadership', 'writing'] },
      { skillsToOffer: ['writing', 'leadership'] },
      'offers both skills you want',
      'you offer both skills they want',
    ],
    ['department', { department: 'engineering' }, { department: 'sales' }, 'different department', 'different department'],
    ['level', { level: 'manager' }, { level: 'director' }, '2 levels senior', 'you are 2 levels senior'],
    ['level', { level: 'manager' }, { level: 'senior-manager' }, '1 level senior', 'you are 1 level senior'],
    [
      'experienceYears',
      { experienceYears: 4 },
      { experienceYears: 5 },
      '1 more year of experience',
      'you have 1 more year of experience',
    ],
    [
      'interests',
      { interests: ['travel', 'reading', 'sport'] },
      { interests: ['reading', 'travel'] },
      'shared interests: Reading and Travel',
      'shared interests: Reading and Travel',
    ],
    [
      'location',
      { location: 'Berlin office' },
      { location: 'berlin OFFICE' },
      'both usually work in Berlin office',
      'both usually work in berlin OFFICE',
    ],
    ['timeZone', { timeZone: 'Europe/Berlin' }, { timeZone: 'Europe/Athens' }, '1 h apart', '1 h apart'],
    ['timeZone', { timeZone: 'Europe/Berlin' }, { timeZone: 'Africa/Lagos' }, 'same time zone', 'same time zone'],
    ['timeZone', { timeZone: 'Asia/Kolkata' }, { timeZone: 'Asia/Dubai' }, '1.5 h apart', '1.5 h apart'],
    ['languages', { languages: ['spanish'] }, { languages: ['english', 'spanish'] }, 'both speak Spanish', 'both speak Spanish'],
    [
      'languages',
      { languages: ['english', 'german'] },
      { languages: ['german', 'english'] },
      'both speak English and German',
      'both speak English and German',
    ],
    [
      'availability',
      { availability: ['late-morning', 'afternoon', 'lunchtime'] },
      { availability: ['afternoon', 'late-morning'] },
      'both can meet: late morning and afternoon',
      'both can meet: late morning and afternoon',
    ],
    [
      'communication',
      { communication: 'in-person' },
      { communication: 'in-person' },
      'both prefer to meet in person',
      'both prefer to meet in person',
    ],
    [
      'communication',
      { communication: 'teams-video-call' },
      { communication: 'teams-video-call' },
      'both prefer Teams video calls',
      'both prefer Teams video calls',
    ],
  ] as [string, Answers, Answers, string, string][])('words %s for both readers', (id, mentee, mentor, forMentee, forMentor) => {
    const verdict = verdictFor(mentee, mentor, onlyScoring(id));
    expect(verdict.reasons).toEqual({ forMentee: [forMentee], forMentor: [forMentor] });
  });

  it('never puts a sensitive answer into words, even when it decides the score', () => {
    const questionnaire: Questionnaire = {
      questions: onlyScoring('background').questions.map((q) =>
        q.id === 'background' ? { ...q, matching: { rule: 'overlap', weight: 50 } } : q,
      ),
    };
    const verdict = verdictFor({ background: ['lgbtq'] }, { background: ['lgbtq', 'parent-or-carer'] }, questionnaire);
    expect(verdict.score).toBe(100);
    expect(verdict.reasons).toEqual({ forMentee: [], forMentor: [] });
    expect(verdict.contributions).toEqual([expect.objectContaining({ questionId: 'background', sensitive: true })]);
    expect(JSON.stringify(verdict)).not.toMatch(/lgbtq|LGBTQ|parent/i);
  });
});
