import { defaultProgram } from '../../src/domain/defaultProgram';
import { questionsFor } from '../../src/domain/questionnaire';
import { submittedValues, validateRegistration } from '../../src/domain/registration';

const questionnaire = defaultProgram.questionnaire;

const mentor = {
  q_skillsToOffer: 'leadership, strategy',
  q_mentorCapacity: '2',
  q_department: 'product',
  q_level: 'director',
  q_experienceYears: 15,
  q_timeZone: 'Europe/London',
  q_languages: 'english',
  q_availability: 'afternoon',
  q_communication: 'either',
};

describe('validateRegistration', () => {
  it('turns card strings into typed answers and drops unanswered optional questions', () => {
    const result = validateRegistration(questionnaire, 'mentor', { ...mentor, q_interests: '  ', programId: 'x' });
    expect(result).toEqual({
      ok: true,
      mentorCapacity: 2,
      answers: {
        skillsToOffer: ['leadership', 'strategy'],
        mentorCapacity: 2,
        department: 'product',
        level: 'director',
        experienceYears: 15,
        timeZone: 'Europe/London',
        languages: ['english'],
        availability: ['afternoon'],
        communication: 'either',
      },
    });
  });

  it('reports each problem against its own question', () => {
    const result = validateRegistration(questionnaire, 'mentor', {
      ...mentor,
      q_skillsToOffer: 'leadership,juggling',
      q_mentorCapacity: '0',
      q_experienceYears: '2.5',
      q_languages: '',
      q_location: 'y'.repeat(101),
    });
    expect(result).toEqual({
      ok: false,
      errors: {
        skillsToOffer: 'Please choose only from the options offered.',
        mentorCapacity: 'Please enter a number from 1 to 5.',
        experienceYears: 'Please enter a whole number.',
        languages: 'Please answer this question.',
        location: 'Please keep this under 100 characters.',
      },
    });
  });

  it('never accepts text over 2,000 characters, whatever a question allows', () => {
    const loose = {
      questions: [{ ...questionsFor(questionnaire, 'mentee')[0]!, id: 'essay', maxLength: 50_000, required: false }],
    };
    expect(validateRegistration(loose, 'mentee', { q_essay: 'z'.repeat(2000) }).ok).toBe(true);
    expect(validateRegistration(loose, 'mentee', { q_essay: 'z'.repeat(2001) })).toEqual({
      ok: false,
      errors: { essay: 'Please keep this under 2,000 characters.' },
    });
  });

  it('refuses answers to questions the role was never asked', () => {
    const result = validateRegistration(questionnaire, 'mentor', { ...mentor, q_goals: 'sneaky' });
    expect(result).toMatchObject({ ok: false, formError: expect.stringContaining('answers we did not ask for') });
  });

  it('refuses values of the wrong type', () => {
    const result = validateRegistration(questionnaire, 'mentor', { ...mentor, q_department: ['product'] });
    expect(result).toMatchObject({ ok: false, errors: { department: 'This answer is not in a form we accept.' } });
  });

  it('removes repeated choices', () => {
    const result = validateRegistration(questionnaire, 'mentor', { ...mentor, q_languages: 'english,english,german' });
    expect(result).toMatchObject({ ok: true, answers: { languages: ['english', 'german'] } });
  });
});

describe('the default questionnaire', () => {
  it('asks every question with a type, an audience and a matching rule, with options where they apply', () => {
    for (const q of questionnaire.questions) {
      expect(['mentor', 'mentee', 'both']).toContain(q.audience);
      expect(q.matching.weight).toBeGreaterThanOrEqual(0);
      if (q.type.endsWith('choice')) expect(q.options?.length).toBeGreaterThan(1);
      if (q.matching.rule === 'wants-offers') {
        expect(questionnaire.questions.map((o) => o.id)).toContain(q.matching.counterpart);
      }
    }
    expect(new Set(questionnaire.questions.map((q) => q.id)).size).toBe(questionnaire.questions.length);
  });
});

describe('submittedValues', () => {
  it('keeps only the form’s inputs, by question id', () => {
    expect(submittedValues({ q_goals: 'x', q_experienceYears: 3, programId: 'p', q_bad: { a: 1 } })).toEqual({
      goals: 'x',
      experienceYears: '3',
    });
  });
});
