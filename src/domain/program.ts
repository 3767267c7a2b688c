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

/*
 * The admin API's answers about programs (times as ISO 8601 UTC strings). They live here, not
 * with the routes, so the admin tab reads the very types the server sends without importing server code.
 */

/** A program in the admin's list: its settings without the questionnaire. */
export interface ProgramSummaryView extends Omit<ProgramSettings, 'questionnaire'> {
  id: string;
  createdAt: string;
  /** Send it back as `expectedUpdatedAt` with a questionnaire edit. */
  updatedAt: string;
}

export interface ProgramAdminRef {
  personId: string;
  name: string;
}

/** GET /api/v1/programs/:programId and every program write. */
export interface ProgramView extends ProgramSummaryView {
  questionnaire: Questionnaire;
  admins: ProgramAdminRef[];
}

/** GET /api/v1/admin/me */
export interface AdminMeView {
  person: { id: string; name: string; tenantId: string };
  /** Administers every program of the tenant, and may create programs. */
  tenantAdmin: boolean;
  /** How: named in TENANT_ADMINS, or a member of TENANT_ADMIN_GROUP. */
  tenantAdminVia: 'configuration' | 'group' | null;
  canCreatePrograms: boolean;
  programs: { id: string; name: string; status: ProgramStatus; as: 'tenant-admin' | 'program-admin' }[];
}
