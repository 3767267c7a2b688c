/**
 * What every scheduling use case starts from: the pair (both people, their
 * time zones, the program's session length), who may act on it, and the
 * shapes the bot turns into cards and messages.
 */
import { displayTimeZone } from '../domain/profileSummary';
import type { Interval } from '../domain/sessions';
import type { Person } from '../store/repositories/people';
import type { Program } from '../store/repositories/programs';
import type { Relationship } from '../store/repositories/relationships';
import type { Session } from '../store/repositories/sessions';
import type { SlotOffer } from '../store/repositories/slotOffers';
import type { Store } from '../store/store';
import type { Calendar, CalendarPerson, Clock, JobScheduler } from './ports';

export interface PairSide {
  personId: string;
  name: string;
  role: 'mentor' | 'mentee';
  /** The zone from their registration, else the one Teams reported, else UTC: every time they see is in it. */
  timeZone: string;
  aadObjectId: string | null;
  email: string | null;
}

export interface SchedulingPair {
  tenantId: string;
  relationship: Relationship;
  program: Program;
  mentor: PairSide;
  mentee: PairSide;
}

export function sideOf(pair: SchedulingPair, personId: string): PairSide {
  return pair.mentor.personId === personId ? pair.mentor : pair.mentee;
}

export function otherSide(pair: SchedulingPair, personId: string): PairSide {
  return pair.mentor.personId === personId ? pair.mentee : pair.mentor;
}

/**
 * What a card click leads to, for the person who clicked (`viewer`): the bot
 * renders one card per kind. A `note` is one line on top of the card.
 */
export type SchedulingOutcome =
  | { kind: 'message'; text: string }
  | { kind: 'offer'; pair: SchedulingPair; viewer: string; offer: SlotOffer; note?: string }
  | { kind: 'booked'; pair: SchedulingPair; viewer: string; session: Session; note?: string }
  | {
      kind: 'manual';
      pair: SchedulingPair;
      viewer: string;
      replacesSessionId?: string;
      note?: string;
      error?: string;
      values?: { date?: string; time?: string };
    }
  | { kind: 'proposed'; pair: SchedulingPair; viewer: string; session: Session; note?: string }
  | { kind: 'confirm'; pair: SchedulingPair; viewer: string; session: Session; replacesSessionId?: string }
  | { kind: 'cancel-confirm'; pair: SchedulingPair; viewer: string; session: Session }
  | { kind: 'cancelled'; pair: SchedulingPair; viewer: string; session: Session; note?: string };

/** A person's upcoming sessions, pair by pair, for the "schedule" command. */
export interface ScheduleOverview {
  viewer: string;
  timeZone: string;
  pairs: { pair: SchedulingPair; sessions: Session[] }[];
}

/**
 * How scheduling reaches people outside a click: each person has their own
 * copy of a card in their 1:1 chat, so the other person's copy is updated or
 * a new message is sent.
 */
export interface SchedulingNotifier {
  /** The slot card, to both people. */
  slotsOffered(pair: SchedulingPair, offer: SlotOffer): Promise<void>;
  /**
   * The card to propose a time by hand, to both people (no calendar, or the
   * calendar failed); `note` says why. `occasion` names the moment (the match,
   * the session before), so a retried job sends it once.
   */
  manualOffered(pair: SchedulingPair, note: string | null, occasion: string): Promise<void>;
  /** Replaces the person's copy of an earlier slot card (found by those offers' ids, newest first) with new times. */
  offerReplaced(pair: SchedulingPair, personId: string, offer: SlotOffer, earlierOfferIds: string[], note: string): Promise<void>;
  /**
   * Tells the person a session is booked (or moved, with `movedFrom`): their
   * copy of the slot card turns into the booked state, or a new card arrives
   * when they have none.
   */
  sessionBooked(
    pair: SchedulingPair,
    personId: string,
    session: Session,
    offerIds: string[],
    by: PairSide,
    movedFrom?: Interval,
  ): Promise<void>;
  /** The confirm card, to the person who did not propose the time. */
  timeProposed(pair: SchedulingPair, personId: string, session: Session, replacesSessionId: string | null): Promise<void>;
  sessionCancelled(pair: SchedulingPair, personId: string, session: Session, by: PairSide): Promise<void>;
}

/** Called after a session is booked or moved, so reminders and rating prompts follow it. */
export interface SessionFollowUps {
  sessionBooked(session: Session): Promise<void>;
}

export interface SchedulingLogger {
  warn(details: object, message: string): void;
}

export interface SchedulingDeps {
  store: Store;
  clock: Clock;
  scheduler: JobScheduler;
  notifier: SchedulingNotifier;
  /** Outlook/Teams calendars; absent without Graph, and then people propose times by hand. */
  calendar?: Calendar;
  followUps: SessionFollowUps;
  logger?: SchedulingLogger;
}

export const NOT_YOURS =
  'Only the two people in this mentorship can schedule its sessions; nothing has changed. Type "schedule" to see yours.';
export const UNKNOWN_PAIR = 'This mentorship is no longer in Tandem. Type "schedule" to see yours.';
export const PAIR_NOT_ACTIVE = 'This mentorship is not active any more, so no sessions can be booked for it.';

export function createPairLoader(store: Store) {
  async function side(tenantId: string, programId: string, personId: string, role: PairSide['role']): Promise<PairSide | undefined> {
    const [person, enrollment] = await Promise.all([
      store.people.get(tenantId, personId),
      store.enrollments.find(tenantId, programId, personId),
    ]);
    if (!person) return undefined;
    return {
      personId,
      name: person.name,
      role,
      timeZone: displayTimeZone(enrollment?.answers, person.timeZone),
      aadObjectId: person.aadObjectId,
      email: person.email,
    };
  }

  async function load(tenantId: string, relationshipId: string): Promise<SchedulingPair | undefined> {
    const relationship = await store.relationships.get(tenantId, relationshipId);
    if (!relationship) return undefined;
    const [program, mentor, mentee] = await Promise.all([
      store.programs.get(tenantId, relationship.programId),
      side(tenantId, relationship.programId, relationship.mentorPersonId, 'mentor'),
      side(tenantId, relationship.programId, relationship.menteePersonId, 'mentee'),
    ]);
    if (!program || !mentor || !mentee) return undefined;
    return { tenantId, relationship, program, mentor, mentee };
  }

  return {
    load,
    /** The pair, only for its two people; a message for anyone else. */
    async forPerson(person: Person, relationshipId: string): Promise<SchedulingPair | { kind: 'message'; text: string }> {
      const pair = await load(person.tenantId, relationshipId);
      if (!pair) return { kind: 'message', text: UNKNOWN_PAIR };
      if (pair.mentor.personId !== person.id && pair.mentee.personId !== person.id) return { kind: 'message', text: NOT_YOURS };
      return pair;
    },
  };
}

export type PairLoader = ReturnType<typeof createPairLoader>;

export function isMessage(value: SchedulingPair | { kind: 'message'; text: string }): value is { kind: 'message'; text: string } {
  return 'kind' in value;
}

/** The calendar can book for this pair only when both people have an Entra id (not so in the Playground). */
export function calendarPeople(pair: SchedulingPair): [CalendarPerson, CalendarPerson] | undefined {
  const asPerson = (side: PairSide): CalendarPerson | undefined =>
    side.aadObjectId ? { personId: side.personId, name: side.name, aadObjectId: side.aadObjectId, email: side.email } : undefined;
  const mentor = asPerson(pair.mentor);
  const mentee = asPerson(pair.mentee);
  return mentor && mentee ? [mentor, mentee] : undefined;
}
