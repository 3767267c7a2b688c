/**
 * The database schema. Every row carries its tenant: nothing is shared across
 * Microsoft 365 tenants, and every repository filters by tenant first.
 * Times are stored in UTC (`timestamptz`) and shown in the person's time zone.
 */
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  foreignKey,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Questionnaire } from '../domain/questionnaire';
import type { Answers } from '../domain/answers';
import type { MatchReasons, MatchRunResults } from '../domain/matchRuns';
import type { AttendeeResponse, OfferedSlot } from '../domain/sessions';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

export const tenants = pgTable('tenants', {
  id: text('id').primaryKey(), // the Entra tenant id
  name: text('name'),
  createdAt: createdAt(),
});

export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    teamsUserId: text('teams_user_id').notNull(),
    aadObjectId: text('aad_object_id'),
    name: text('name').notNull(),
    // From Teams' member record on install; lets the questionnaire name a manager by email.
    email: text('email'),
    timeZone: text('time_zone'),
    locale: text('locale'),
    // The chat the welcome card went to: one welcome per install, not one per install event.
    welcomedConversationId: text('welcomed_conversation_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('people_tenant_id').on(t.tenantId, t.id),
    uniqueIndex('people_tenant_teams_user').on(t.tenantId, t.teamsUserId),
    index('people_tenant_aad').on(t.tenantId, t.aadObjectId),
  ],
);

/** Where to reach a person proactively: their 1:1 chat with the bot. */
export const conversationReferences = pgTable(
  'conversation_references',
  {
    personId: uuid('person_id').primaryKey(),
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    conversationId: text('conversation_id').notNull(),
    serviceUrl: text('service_url').notNull(),
    channelId: text('channel_id').notNull(),
    reference: jsonb('reference').$type<Record<string, unknown>>().notNull(),
    unreachableAt: timestamp('unreachable_at', { withTimezone: true }),
    updatedAt: updatedAt(),
  },
  (t) => [
    foreignKey({ columns: [t.tenantId, t.personId], foreignColumns: [people.tenantId, people.id] }).onDelete('cascade'),
  ],
);

export const programs = pgTable(
  'programs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull(),
    type: text('type', { enum: ['one-to-one', 'group', 'peer', 'reverse', 'flash'] }).notNull(),
    shape: text('shape', { enum: ['cohort', 'evergreen'] }).notNull(),
    startsOn: date('starts_on'),
    endsOn: date('ends_on'),
    matchingMode: text('matching_mode', { enum: ['algorithm', 'mentee-choice', 'admin'] }).notNull(),
    status: text('status', { enum: ['draft', 'open', 'closed'] }).notNull(),
    questionnaire: jsonb('questionnaire').$type<Questionnaire>().notNull(),
    mentorCapacityDefault: integer('mentor_capacity_default').notNull(),
    cadenceDays: integer('cadence_days').notNull(),
    sessionMinutes: integer('session_minutes').notNull(),
    reminderOffsetsMinutes: integer('reminder_offsets_minutes').array().notNull(),
    maxTimeZoneGapHours: integer('max_time_zone_gap_hours'),
    proposalExpiryDays: integer('proposal_expiry_days').notNull(),
    // Minutes after a session's end that each participant is asked to rate it.
    ratingDelayMinutes: integer('rating_delay_minutes').notNull().default(5),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('programs_tenant_id').on(t.tenantId, t.id),uniqueIndex('programs_tenant_slug').on(t.tenantId, t.slug)],
);

export const programAdmins = pgTable(
  'program_admins',
  {
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    programId: uuid('program_id').notNull(),
    personId: uuid('person_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({ columns: [t.tenantId, t.programId], foreignColumns: [programs.tenantId, programs.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.personId], foreignColumns: [people.tenantId, people.id] }).onDelete('cascade'),primaryKey({ columns: [t.programId, t.personId] })],
);

export const enrollments = pgTable(
  'enrollments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    programId: uuid('program_id').notNull(),
    personId: uuid('person_id').notNull(),
    role: text('role', { enum: ['mentor', 'mentee', 'both'] }).notNull(),
    answers: jsonb('answers').$type<Answers>().notNull(),
    mentorCapacity: integer('mentor_capacity'),
    status: text('status', { enum: ['active', 'paused', 'withdrawn'] }).notNull(),
    // Bumped on every change; a card carries the revision it was built from,
    // so a repeated or stale submission is recognised and writes nothing.
    revision: integer('revision').notNull().default(1),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('enrollments_tenant_id').on(t.tenantId, t.id),
    foreignKey({ columns: [t.tenantId, t.programId], foreignColumns: [programs.tenantId, programs.id] }),
    foreignKey({ columns: [t.tenantId, t.personId], foreignColumns: [people.tenantId, people.id] }),
    uniqueIndex('enrollments_program_person').on(t.programId, t.personId),
    index('enrollments_tenant_program_status').on(t.tenantId, t.programId, t.status),
    check('enrollments_capacity_range', sql`${t.mentorCapacity} IS NULL OR ${t.mentorCapacity} BETWEEN 0 AND 20`),
  ],
);

/** An admin's matching run: draft assignments for each objective, until one is published. */
export const matchRuns = pgTable(
  'match_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    programId: uuid('program_id').notNull(),
    startedByPersonId: uuid('started_by_person_id').notNull(),
    status: text('status', { enum: ['draft', 'published', 'discarded'] }).notNull(),
    results: jsonb('results').$type<MatchRunResults>().notNull(),
    publishedObjective: text('published_objective', { enum: ['max-matched', 'max-score', 'max-min'] }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    unique('match_runs_tenant_id').on(t.tenantId, t.id),
    foreignKey({ columns: [t.tenantId, t.programId], foreignColumns: [programs.tenantId, programs.id] }),
    foreignKey({ columns: [t.tenantId, t.startedByPersonId], foreignColumns: [people.tenantId, people.id] }),
    index('match_runs_program').on(t.tenantId, t.programId, t.createdAt),
  ],
);

export const matchProposals = pgTable(
  'match_proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    programId: uuid('program_id').notNull(),
    menteeEnrollmentId: uuid('mentee_enrollment_id').notNull(),
    mentorEnrollmentId: uuid('mentor_enrollment_id').notNull(),
    score: real('score').notNull(),
    reasons: jsonb('reasons').$type<MatchReasons>().notNull(),
    // How the pair came about: a published run, the mentee's own request, or an admin.
    source: text('source', { enum: ['algorithm', 'mentee-choice', 'admin'] }).notNull().default('algorithm'),
    runId: uuid('run_id'),
    requestedByPersonId: uuid('requested_by_person_id'),
    status: text('status', {
      enum: ['draft', 'proposed', 'accepted', 'declined', 'expired', 'withdrawn'],
    }).notNull(),
    declineReason: text('decline_reason'),
    proposedAt: timestamp('proposed_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    unique('match_proposals_tenant_id').on(t.tenantId, t.id),
    foreignKey({ columns: [t.tenantId, t.programId], foreignColumns: [programs.tenantId, programs.id] }),
    foreignKey({ columns: [t.tenantId, t.menteeEnrollmentId], foreignColumns: [enrollments.tenantId, enrollments.id] }),
    foreignKey({ columns: [t.tenantId, t.mentorEnrollmentId], foreignColumns: [enrollments.tenantId, enrollments.id] }),
    index('match_proposals_program_status').on(t.tenantId, t.programId, t.status),
    index('match_proposals_mentor').on(t.mentorEnrollmentId, t.status),
    index('match_proposals_mentee').on(t.menteeEnrollmentId, t.status),
    foreignKey({ columns: [t.tenantId, t.runId], foreignColumns: [matchRuns.tenantId, matchRuns.id] }),
    foreignKey({ columns: [t.tenantId, t.requestedByPersonId], foreignColumns: [people.tenantId, people.id] }),
    // A mentee waits on one mentor at a time; a racing second proposal fails here.
    uniqueIndex('match_proposals_one_open_per_mentee')
      .on(t.menteeEnrollmentId)
      .where(sql`status = 'proposed'`),
  ],
);

export const relationshipStages = [
  'rapport-building',
  'setting-direction',
  'progression',
  'winding-down',
  'moving-on',
] as const;

export const relationships = pgTable(
  'relationships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    programId: uuid('program_id').notNull(),
    mentorPersonId: uuid('mentor_person_id').notNull(),
    menteePersonId: uuid('mentee_person_id').notNull(),
    proposalId: uuid('proposal_id'),
    stage: text('stage', { enum: relationshipStages }).notNull(),
    status: text('status', { enum: ['active', 'paused', 'finished', 'ended'] }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endReason: text('end_reason'),
    // The mentor's first step after accepting (a booked or proposed session); nudges look for it.
    mentorFirstContactAt: timestamp('mentor_first_contact_at', { withTimezone: true }),
    // Not declared here, so no code reads or writes them: last_held_at, open_until and has_session, the
    // pair's sessions summed up by triggers for program health's pairs at risk (migration 0003_dashboard).
    createdAt: createdAt(),
  },
  (t) => [
    unique('relationships_tenant_id').on(t.tenantId, t.id),
    foreignKey({ columns: [t.tenantId, t.programId], foreignColumns: [programs.tenantId, programs.id] }),
    foreignKey({ columns: [t.tenantId, t.mentorPersonId], foreignColumns: [people.tenantId, people.id] }),
    foreignKey({ columns: [t.tenantId, t.menteePersonId], foreignColumns: [people.tenantId, people.id] }),
    foreignKey({ columns: [t.tenantId, t.proposalId], foreignColumns: [matchProposals.tenantId, matchProposals.id] }),
    index('relationships_tenant_program').on(t.tenantId, t.programId, t.status),
    index('relationships_mentor').on(t.mentorPersonId),
    index('relationships_mentee').on(t.menteePersonId),
    check('relationships_two_people', sql`${t.mentorPersonId} <> ${t.menteePersonId}`),
    // One mentor per mentee per program at a time.
    uniqueIndex('relationships_one_current_per_mentee')
      .on(t.programId, t.menteePersonId)
      .where(sql`status in ('active', 'paused')`),
  ],
);

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
    foreignKey({ columns: [t.tenantId, t.authorPersonId], foreignColumns: [people.tenantId, people.id] }),index('agenda_items_session').on(t.sessionId, t.position)],
);

export const goals = pgTable(
  'goals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    relationshipId: uuid('relationship_id').notNull(),
    ownerPersonId: uuid('owner_person_id').notNull(),
    title: text('title').notNull(),
    measure: text('measure').notNull(),
    targetDate: date('target_date'),
    status: text('status', { enum: ['not-started', 'in-progress', 'done', 'dropped'] }).notNull(),
    progress: integer('progress').notNull().default(0),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('goals_tenant_id').on(t.tenantId, t.id),
    foreignKey({ columns: [t.tenantId, t.relationshipId], foreignColumns: [relationships.tenantId, relationships.id] }),
    foreignKey({ columns: [t.tenantId, t.ownerPersonId], foreignColumns: [people.tenantId, people.id] }),
    index('goals_relationship').on(t.relationshipId),
    check('goals_progress_range', sql`${t.progress} BETWEEN 0 AND 100`),
  ],
);

export const milestones = pgTable(
  'milestones',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    goalId: uuid('goal_id').notNull(),
    title: text('title').notNull(),
    dueOn: date('due_on'),
    position: integer('position').notNull(),
    doneAt: timestamp('done_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({ columns: [t.tenantId, t.goalId], foreignColumns: [goals.tenantId, goals.id] }).onDelete('cascade'),index('milestones_goal').on(t.goalId, t.position)],
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

/**
 * A pair the program's admins should look at, and why. `key` names the
 * occasion (a rating, a gap since a session) so each is raised once.
 */
export const pairFlags = pgTable(
  'pair_flags',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    relationshipId: uuid('relationship_id').notNull(),
    reason: text('reason', { enum: ['low-rating', 'did-not-meet', 'no-session', 'no-first-contact'] }).notNull(),
    key: text('key').notNull(),
    sessionId: uuid('session_id'),
    raisedByPersonId: uuid('raised_by_person_id'),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedByPersonId: uuid('resolved_by_person_id'),
  },
  (t) => [
    foreignKey({ columns: [t.tenantId, t.relationshipId], foreignColumns: [relationships.tenantId, relationships.id] }),
    foreignKey({ columns: [t.tenantId, t.sessionId], foreignColumns: [sessions.tenantId, sessions.id] }),
    uniqueIndex('pair_flags_key').on(t.tenantId, t.key),
    index('pair_flags_open').on(t.tenantId, t.relationshipId).where(sql`resolved_at is null`),
  ],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    actorPersonId: uuid('actor_person_id'),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id').notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ columns: [t.tenantId, t.actorPersonId], foreignColumns: [people.tenantId, people.id] }),index('audit_log_tenant_at').on(t.tenantId, t.at)],
);

/**
 * Every proactive message the bot sent or tried to send: what, to whom, about
 * what, and the message id, so a card can be updated later (an expired proposal).
 */
export const notifications = pgTable(
  'notifications',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    personId: uuid('person_id').notNull(),
    kind: text('kind').notNull(),
    subjectId: text('subject_id'),
    activityId: text('activity_id'),
    // 'sending': claimed by an instance that is delivering it now (see claimedAt).
    status: text('status', { enum: ['sending', 'sent', 'failed', 'unreachable'] }).notNull(),
    error: text('error'),
    // Names one delivery (a reminder for one session at one offset, say): a
    // keyed message is sent once, whichever instance or retry gets there first.
    deliveryKey: text('delivery_key'),
    attempts: integer('attempts').notNull().default(0),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    foreignKey({ columns: [t.tenantId, t.personId], foreignColumns: [people.tenantId, people.id] }).onDelete('cascade'),
    index('notifications_subject').on(t.tenantId, t.subjectId, t.kind),
    index('notifications_person').on(t.tenantId, t.personId, t.createdAt),
    uniqueIndex('notifications_delivery_key').on(t.tenantId, t.deliveryKey).where(sql`delivery_key is not null`),
  ],
);

/**
 * Program health's daily counts, kept by triggers on sessions and ratings
 * (migration 0003_dashboard): each statement adds its new rows and takes away
 * its old ones, so concurrent writers' changes add up. Health sums days
 * instead of reading every session and rating of a range. Derived data only:
 * no code writes them.
 */
export const programSessionDays = pgTable(
  'program_session_days',
  {
    tenantId: text('tenant_id').notNull(),
    programId: uuid('program_id').notNull(),
    /** The UTC day the sessions start on. */
    day: date('day', { mode: 'string' }).notNull(),
    status: text('status').notNull(),
    /** The sessions' attendance responses, sorted: sessions with the same ones are counted together. */
    responses: text('responses').array().notNull(),
    sessions: integer('sessions').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.programId, t.day, t.status, t.responses] })],
);

export const programRatingDays = pgTable(
  'program_rating_days',
  {
    tenantId: text('tenant_id').notNull(),
    programId: uuid('program_id').notNull(),
    /** The UTC day the rated sessions start on. */
    day: date('day', { mode: 'string' }).notNull(),
    score: integer('score').notNull(),
    byMentor: boolean('by_mentor').notNull(),
    ratings: integer('ratings').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.programId, t.day, t.score, t.byMentor] })],
);
