/** Mentoring sessions: the shapes shared by scheduling, reminders and ratings. */

export interface Interval {
  start: Date;
  end: Date;
}

/** A time on a slot card, stored as ISO strings (UTC). */
export interface OfferedSlot {
  startsAt: string;
  endsAt: string;
}

/** An attendee's answer to the calendar invitation, as Graph reports it. */
export type AttendeeResponse = 'none' | 'organizer' | 'tentativelyAccepted' | 'accepted' | 'declined' | 'notResponded';

/** When a person works, in their own time zone (Graph mailbox settings, or the default below). */
export interface WorkingHours {
  timeZone: string;
  /** 0 = Sunday ... 6 = Saturday. */
  days: number[];
  /** "HH:MM", local. */
  startTime: string;
  endTime: string;
}

/** Without a calendar to ask: Monday to Friday, 9 to 5, in the person's own zone. */
export function defaultWorkingHours(timeZone: string): WorkingHours {
  return { timeZone, days: [1, 2, 3, 4, 5], startTime: '09:00', endTime: '17:00' };
}

/** How many working days ahead the slot finder looks. */
export const SLOT_SEARCH_WORKING_DAYS = 10;
/** How many times a slot card offers. */
export const SLOTS_OFFERED = 3;
/** A rating can be changed for this long after the session ends. */
export const RATING_EDIT_DAYS = 7;
/** A mentor who has not booked or proposed a session this long after accepting is nudged. */
export const FIRST_CONTACT_DAYS = 7;
