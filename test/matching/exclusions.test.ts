import type { Answers } from '../../src/domain/answers';
import type { Participant } from '../../src/matching/participants';
import { scorePair, type Exclusion } from '../../src/matching/scoring';
import { context, person } from './participants';

const menteeAnswers: Answers = {
  skillsToDevelop: ['leadership'],
  department: 'engineering',
  level: 'early-career',
  experienceYears: 2,
  timeZone: 'Europe/Berlin',
  languages: ['english', 'german'],
  availability: ['lunchtime'],
  communication: 'either',
};

const mentorAnswers: Answers = {
  skillsToOffer: ['leadership'],
  mentorCapacity: 2,
  department: 'product',
  level: 'manager',
  experienceYears: 12,
  timeZone: 'Europe/London',
  languages: ['english'],
  availability: ['lunchtime'],
  communication: 'either',
};

function exclusionsOf(mentee: Participant, mentor: Participant, ctx = context()): Exclusion[] {
  const verdict = scorePair(mentee, mentor, ctx);
  return verdict.kind === 'excluded' ? verdict.exclusions : [];
}

const mentee = person('ann', menteeAnswers);
const mentor = person('bo', mentorAnswers);

describe('hard exclusions', () => {
  it('lets an ordinary pair through', () => {
    expect(scorePair(mentee, mentor, context()).kind).toBe('candidate');
  });

  it('never pairs a person with themselves', () => {
    expect(exclusionsOf(mentee, person('ann', mentorAnswers))).toEqual([{ code: 'same-person', words: 'the same person' }]);
  });

  it('never proposes anyone in the mentee’s reporting line', () => {
    const ctx = context({ reportingLine: (id) => new Set(id === 'ann' ? ['manager-of-ann', 'bo'] : []) });
    expect(exclusionsOf(mentee, mentor, ctx)).toEqual([
      { code: 'reporting-line', words: "the mentor is in the mentee's reporting line (their manager or above)" },
    ]);
    expect(exclusionsOf(person('cy', menteeAnswers), mentor, ctx)).toEqual([]);
  });

  it('never pairs the same two people again in a program', () => {
    const ctx = context({ pairedBefore: (a, b) => a === 'ann' && b === 'bo' });
    expect(exclusionsOf(mentee, mentor, ctx)).toEqual([{ code: 'paired-before', words: 'paired before in this program' }]);
  });

  it('refuses time zones further apart than the program allows, and allows exactly the limit', () => {
    const inLosAngeles = person('bo', { ...mentorAnswers, timeZone: 'America/Los_Angeles' });
    expect(exclusionsOf(mentee, inLosAngeles)).toEqual([
      { code: 'time-zone-gap', words: "9 h apart, more than the program's 6 h" },
    ]);
    expect(exclusionsOf(mentee, person('bo', { ...mentorAnswers, timeZone: 'America/New_York' }))).toEqual([]);
    expect(exclusionsOf(mentee, inLosAngeles, context({ maxTimeZoneGapHours: null }))).toEqual([]);
    const halfHours = person('bo', { ...mentorAnswers, timeZone: 'Asia/Kolkata' });
    expect(
      exclusionsOf(
        person('ann', { ...menteeAnswers, timeZone: 'Europe/London' }),
        halfHours,
        context({ maxTimeZoneGapHours: 5 }),
      ),
    ).toEqual([{ code: 'time-zone-gap', words: "5.5 h apart, more than the program's 5 h" }]);
  });

  it('refuses a pair with no language in common, but only when both said which they speak', () => {
    const germanOnly = person('bo', { ...mentorAnswers, languages: ['german'] });
    const frenchOnly = person('bo', { ...mentorAnswers, languages: ['french'] });
    expect(exclusionsOf(mentee, germanOnly)).toEqual([]);
    expect(exclusionsOf(mentee, frenchOnly)).toEqual([{ code: 'no-shared-language', words: 'no language in common' }]);
    const { languages: _, ...unanswered } = mentorAnswers;
    expect(exclusionsOf(mentee, person('bo', unanswered))).toEqual([]);
  });

  it('refuses paused and withdrawn enrollments, saying whose', () => {
    expect(exclusionsOf(person('ann', menteeAnswers, { status: 'paused' }), mentor)).toEqual([
      { code: 'not-active', words: "the mentee's enrollment is paused" },
    ]);
    expect(
      exclusionsOf(person('ann', menteeAnswers, { status: 'paused' }), person('bo', mentorAnswers, { status: 'withdrawn' })),
    ).toEqual([{ code: 'not-active', words: "the mentee's enrollment is paused and the mentor's enrollment is withdrawn" }]);
  });

  it('refuses a mentor with no room left', () => {
    expect(exclusionsOf(mentee, person('bo', mentorAnswers, { capacity: 0 }))).toEqual([
      { code: 'no-capacity', words: 'the mentor has no room for another mentee now' },
    ]);
  });

  it('lists every exclusion that applies', () => {
    const ctx = context({ pairedBefore: () => true, reportingLine: () => new Set(['bo']) });
    const far = person(
      'bo',
      { ...mentorAnswers, timeZone: 'Asia/Tokyo', languages: ['japanese'] },
      { capacity: 0, status: 'paused' },
    );
    expect(exclusionsOf(mentee, far, ctx).map((e) => e.code)).toEqual([
      'reporting-line',
      'paired-before',
      'time-zone-gap',
      'no-shared-language',
      'not-active',
      'no-capacity',
    ]);
  });
});
