import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { AttendeeResponse, OfferedSlot } from '../../domain/sessions';
import { createdAt, updatedAt } from './columns';
import { people, tenants } from './people';
import { relationships } from './relationships';

export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    relationshipId: uuid('relationship_id').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    status: text('status', { enum: ['proposed', 'scheduled', 'held', 'cancelled', 'missed'] }).notNull(),
    organizerPersonId: uuid('organizer_person_id'),
    calendarEventId: text('calendar_event_id'),
    joinUrl: text('join_url'),
    // Manual scheduling (no Graph): who proposed the time; the other person confirms it.
    proposedByPersonId: uuid('proposed_by_person_id'),
    // Read back from the calendar event: each attendee's response, by person id.
    attendance: jsonb('attendance').$type<Record<string, AttendeeResponse>>().notNull().default({}),
    attendanceCheckedAt: timestamp('attendance_checked_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    // Not declared here, so no code reads or writes them: program_id and attendance_responses, kept by
    // triggers for program_session_days and program health's index (migration 0003_dashboard).
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('sessions_tenant_id').on(t.tenantId, t.id),
    foreignKey({ columns: [t.tenantId, t.relationshipId], foreignColumns: [relationships.tenantId, relationships.id] }),
    foreignKey({ columns: [t.tenantId, t.organizerPersonId], foreignColumns: [people.tenantId, people.id] }),
    index('sessions_relationship_starts').on(t.relationshipId, t.startsAt),
    check('sessions_ends_after_start', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

export const agendaItems = pgTable(
  'agenda_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    sessionId: uuid('session_id').notNull(),
    authorPersonId: uuid('author_person_id').notNull(),
    text: text('text').notNull(),
    position: integer('position').notNull(),
    done: boolean('done').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    foreignKey({ columns: [t.tenantId, t.sessionId], foreignColumns: [sessions.tenantId, sessions.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.authorPersonId], foreignColumns: [people.tenantId, people.id] }),
    index('agenda_items_session').on(t.sessionId, t.position),
  ],
);

export const ratings = pgTable(
  'ratings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    sessionId: uuid('session_id').notNull(),
    raterPersonId: uuid('rater_person_id').notNull(),
    score: integer('score').notNull(),
    tookPlace: boolean('took_place').notNull(),
    mostUseful: text('most_useful'),
    shareWithPartner: boolean('share_with_partner').notNull().default(false),
    goalProgress: jsonb('goal_progress').$type<Record<string, number>>().notNull().default({}),
    // Not declared here, so no code reads or writes them: program_id, session_starts_at and by_mentor, kept
    // by triggers for program_rating_days (migration 0003_dashboard).
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    foreignKey({ columns: [t.tenantId, t.sessionId], foreignColumns: [sessions.tenantId, sessions.id] }),
    foreignKey({ columns: [t.tenantId, t.raterPersonId], foreignColumns: [people.tenantId, people.id] }),
    uniqueIndex('ratings_session_rater').on(t.sessionId, t.raterPersonId),
    check('ratings_score_range', sql`${t.score} BETWEEN 1 AND 5`),
  ],
);

/**
 * The times offered to a pair on a slot card. Booking one is a single
 * conditional update (open -> booked), so a second tap or the other person's
 * tap on the same card books nothing twice.
 */
export const slotOffers = pgTable(
  'slot_offers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    relationshipId: uuid('relationship_id').notNull(),
    // Why the card was sent: a new match, the cadence after a session, someone asked, or a reschedule.
    reason: text('reason', { enum: ['match', 'cadence', 'request', 'reschedule'] }).notNull(),
    slots: jsonb('slots').$type<OfferedSlot[]>().notNull(),
    status: text('status', { enum: ['open', 'booked', 'superseded'] }).notNull(),
    // For a reschedule: the session the booked slot moves.
    rescheduleSessionId: uuid('reschedule_session_id'),
    sessionId: uuid('session_id'),
    bookedByPersonId: uuid('booked_by_person_id'),
    bookedAt: timestamp('booked_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    unique('slot_offers_tenant_id').on(t.tenantId, t.id),
    foreignKey({ columns: [t.tenantId, t.relationshipId], foreignColumns: [relationships.tenantId, relationships.id] }),
    foreignKey({ columns: [t.tenantId, t.sessionId], foreignColumns: [sessions.tenantId, sessions.id] }),
    foreignKey({ columns: [t.tenantId, t.bookedByPersonId], foreignColumns: [people.tenantId, people.id] }),
    index('slot_offers_relationship').on(t.tenantId, t.relationshipId, t.createdAt),
  ],
);
