/** Participants and a scoring context for the matching suites, on the default questionnaire unless told otherwise. */
import type { Answers } from '../../src/domain/answers';
import { defaultProgram } from '../../src/domain/defaultProgram';
import type { Participant, ScoringContext } from '../../src/matching/participants';

export function person(personId: string, answers: Answers, extra: Partial<Participant> = {}): Participant {
  return { personId, enrollmentId: `enrollment-${personId}`, name: personId, answers, status: 'active', capacity: 2, ...extra };
}

export function context(extra: Partial<ScoringContext> = {}): ScoringContext {
  return {
    questionnaire: defaultProgram.questionnaire,
    maxTimeZoneGapHours: 6,
    reportingLine: () => new Set(),
    pairedBefore: () => false,
    ...extra,
  };
}
