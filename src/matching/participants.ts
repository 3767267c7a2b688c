/** Who matching works on, and what it asks the service about them. */
import type { Answers } from '../domain/answers';
import type { Questionnaire } from '../domain/questionnaire';

export type EnrollmentStatus = 'active' | 'paused' | 'withdrawn';

export interface Participant {
  personId: string;
  enrollmentId: string;
  name: string;
  answers: Answers;
  status: EnrollmentStatus;
  /** mentors: how many mentees they take now (capacity minus current active mentees, computed by the caller) */
  capacity: number;
}

export interface ScoringContext {
  questionnaire: Questionnaire;
  maxTimeZoneGapHours: number | null;
  /** person ids above the mentee in their reporting line (manager, manager's manager, ...), from a Directory port the service resolves */
  reportingLine(menteePersonId: string): ReadonlySet<string>;
  /** true when this mentee and mentor were paired before in this program (any past relationship or declined/expired proposal the caller counts) */
  pairedBefore(menteePersonId: string, mentorPersonId: string): boolean;
}
