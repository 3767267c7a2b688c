/** A mentoring program and the defaults practitioners recommend. */
import type { Questionnaire } from './questionnaire';

export type ProgramType = 'one-to-one' | 'group' | 'peer' | 'reverse' | 'flash';
export type ProgramShape = 'cohort' | 'evergreen';
export type MatchingMode = 'algorithm' | 'mentee-choice' | 'admin';
export type ProgramStatus = 'draft' | 'open' | 'closed';

export interface ProgramSettings {
  slug: string;
  name: string;
  description: string;
  type: ProgramType;
  shape: ProgramShape;
  startsOn: string | null;
  endsOn: string | null;
  matchingMode: MatchingMode;
  status: ProgramStatus;
  questionnaire: Questionnaire;
  mentorCapacityDefault: number;
  cadenceDays: number;
  sessionMinutes: number;
  reminderOffsetsMinutes: number[];
  maxTimeZoneGapHours: number | null;
  proposalExpiryDays: number;
  /** Minutes after a session's end that each participant is asked to rate it. */
  ratingDelayMinutes: number;
}

/**
 * Monthly check-ins of about an hour are the most cited rhythm; mentors commonly
 * take 1 to 3 mentees; reminders a day and a quarter of an hour before.
 */
export const programDefaults = {
  mentorCapacityDefault: 2,
  cadenceDays: 30,
  sessionMinutes: 60,
  reminderOffsetsMinutes: [24 * 60, 15],
  maxTimeZoneGapHours: 6,
  proposalExpiryDays: 3,
  ratingDelayMinutes: 5,
} as const;
