/**
 * Rating a session: the prompt after it ends, one answer per person that can
 * be changed for RATING_EDIT_DAYS, goal progress carried into the pair's
 * goals, and flags for the program's admins when a session went badly or did
 * not happen.
 *
 * Who sees what (the card says so in these words): the rating and whether
 * the session took place go to the program's admins only; the comment goes
 * to the admins, and to the partner only when the rater shares it
 * (ratings.shareWithPartner); goal progress updates the pair's shared goals.
 *
 * Session status follows the answers: `held` as soon as either person says it
 * took place, `missed` when both say it did not; one "did not" alone changes
 * nothing (the other may remember differently, and an admin sees the flag).
 */
import { RATING_EDIT_DAYS } from '../domain/sessions';
import type { Goal, GoalChanges } from '../store/repositories/goals';
import type { PairFlagReason } from '../store/repositories/pairFlags';
import type { Person } from '../store/repositories/people';
import type { Rating } from '../store/repositories/ratings';
import type { Relationship } from '../store/repositories/relationships';
import type { Session, SessionStatus } from '../store/repositories/sessions';
import type { Store } from '../store/store';
import { answeredTimeZone } from '../domain/profileSummary';
import type { Clock, JobPayloads, JobScheduler } from './ports';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const DEFAULT_RATING_DELAY_MINUTES = 5;
/** Ratings of this or lower flag the pair for the admins. */
export const LOW_RATING = 2;

export interface RatingAnswers {
  score: number;
  tookPlace: boolean;
  mostUseful: string | null;
  shareWithPartner: boolean;
  /** Progress per goal id as chosen on the card; ids that are not the pair's goals are ignored. */
  goalProgress: Record<string, number>;
  /**
   * What the card showed for each goal. A value the person left as shown is
   * not written, so an old card does not undo a change made since in the tab.
   */
  shownProgress?: Record<string, number>;
}

export interface RatingGoal {
  id: string;
  title: string;
  progress: number;
}

/** A session's rating as one participant sees it: the card's content in every state. */
export interface RatingView {
  tenantId: string;
  sessionId: string;
  personId: string;
  partnerName: string;
  programName: string;
  startsAt: Date;
  endsAt: Date;
  /** The rater's time zone, for dates on the card. */
  timeZone: string | null;
  /** The pair's goals that are not dropped, with their progress now. */
  goals: RatingGoal[];
  rating: Rating | null;
  editableUntil: Date;
  editable: boolean;
}

/** Sends the rating card to one participant's 1:1 chat; `deliveryKey` makes it once per person and session. */
export interface RatingNotifier {
  ratingPrompt(view: RatingView, deliveryKey: string): Promise<void>;
}

export type RatingResult =
  | { kind: 'unknown' }
  | { kind: 'cancelled' }
  /** The session was moved to later and has not ended yet. */
  | { kind: 'not-ended'; view: RatingView }
  | { kind: 'saved' | 'unchanged' | 'closed' | 'form'; view: RatingView };

export type PromptOutcome = 'sent' | 'stale' | 'rescheduled';

export interface SessionRatingDeps {
  store: Store;
  scheduler: JobScheduler;
  notifier: RatingNotifier;
  clock: Clock;
}

export type SessionRatingService = ReturnType<typeof createSessionRatingService>;

export function createSessionRatingService(deps: SessionRatingDeps) {
  const { store, clock } = deps;

  async function promptAt(session: Session): Promise<Date> {
    const relationship = await store.relationships.get(session.tenantId, session.relationshipId);
    const program = relationship && (await store.programs.get(session.tenantId, relationship.programId));
    const delay = program?.ratingDelayMinutes ?? DEFAULT_RATING_DELAY_MINUTES;
    return new Date(session.endsAt.getTime() + delay * MINUTE);
  }

  async function schedule(session: Session, at: Date): Promise<void> {
    const endsAt = session.endsAt.toISOString();
    await deps.scheduler.schedule(
      'rating-prompt',
      { tenantId: session.tenantId, sessionId: session.id, endsAt },
      at,
    );
  }

  async function viewFor(session: Session, relationship: Relationship, person: Person): Promise<RatingView> {
    const partnerId = relationship.mentorPersonId === person.id ? relationship.menteePersonId : relationship.mentorPersonId;
    const [partner, program, goals, rating, enrollment] = await Promise.all([
      store.people.get(session.tenantId, partnerId),
      store.programs.get(session.tenantId, relationship.programId),
      store.goals.listForRelationship(session.tenantId, relationship.id),
      store.ratings.find(session.tenantId, session.id, person.id),
      store.enrollments.find(session.tenantId, relationship.programId, person.id),
    ]);
    const editableUntil = new Date(session.endsAt.getTime() + RATING_EDIT_DAYS * DAY);
    return {
      tenantId: session.tenantId,
      sessionId: session.id,
      personId: person.id,
      partnerName: partner?.name ?? 'your partner',
      programName: program?.name ?? 'Tandem',
      startsAt: session.startsAt,
      endsAt: session.endsAt,
      timeZone: (enrollment && answeredTimeZone(enrollment.answers)) ?? person.timeZone ?? null,
      goals: ratedGoals(goals).map((g) => ({ id: g.id, title: g.title, progress: g.progress })),
      rating: rating ?? null,
      editableUntil,
      editable: clock.now().getTime() <= editableUntil.getTime(),
    };
  }

  /** The session and the pair, only for one of the two people in it. */
  async function own(person: Person, sessionId: string) {
    const session = await store.sessions.get(person.tenantId, sessionId);
    if (!session) return undefined;
    const relationship = await store.relationships.get(person.tenantId, session.relationshipId);
    if (!relationship) return undefined;
    if (relationship.mentorPersonId !== person.id && relationship.menteePersonId !== person.id) return undefined;
    return { session, relationship };
  }

  /** What a click on a rating card can be answered with before anything is written. */
  async function gate(person: Person, sessionId: string): Promise<
    | { result: RatingResult }
    | { session: Session; relationship: Relationship; view: RatingView }
  > {
    const found = await own(person, sessionId);
    if (!found) return { result: { kind: 'unknown' } };
    const { session, relationship } = found;
    if (isCancelled(session)) return { result: { kind: 'cancelled' } };
    const view = await viewFor(session, relationship, person);
    if (clock.now().getTime() < session.endsAt.getTime()) return { result: { kind: 'not-ended', view } };
    if (!view.editable) return { result: { kind: 'closed', view } };
    return { session, relationship, view };
  }

  return {
    /**
     * Asks both people to rate the session once it has ended (program's
     * ratingDelayMinutes after the end). Called after every booking or move;
     * a job for an earlier end time finds the session moved and does nothing.
     */
    async schedulePrompt(session: Session): Promise<void> {
      if (isCancelled(session) || session.status === 'proposed') return;
      await schedule(session, await promptAt(session));
    },

    /** The 'rating-prompt' job: the rating card to each participant, once per person (delivery key). */
    async sendPrompt(job: JobPayloads['rating-prompt']): Promise<PromptOutcome> {
      const session = await store.sessions.get(job.tenantId, job.sessionId);
      if (!session || isCancelled(session) || session.status === 'proposed') return 'stale';
      if (session.endsAt.toISOString() !== new Date(job.endsAt).toISOString()) return 'stale';
      const relationship = await store.relationships.get(job.tenantId, session.relationshipId);
      if (!relationship) return 'stale';
      const at = await promptAt(session);
      // pg-boss starts jobs by the database's clock; the app's clock has the last word.
      if (clock.now().getTime() < at.getTime()) {
        await schedule(session, at);
        return 'rescheduled';
      }
      // After the edit window (the app was down all week) a rating card could only say it is closed.
      if (clock.now().getTime() > session.endsAt.getTime() + RATING_EDIT_DAYS * DAY) return 'stale';
      for (const personId of [relationship.menteePersonId, relationship.mentorPersonId]) {
        const person = await store.people.get(job.tenantId, personId);
        if (!person) continue;
        const view = await viewFor(session, relationship, person);
        await deps.notifier.ratingPrompt(view, `rating:${session.id}:${person.id}`);
      }
      return 'sent';
    },

    /**
     * Saves a person's answers. The same answers again write nothing; changed
     * answers within RATING_EDIT_DAYS of the end are an edit; later, nothing
     * is written and the result says the rating is closed.
     */
    async submit(person: Person, sessionId: string, answers: RatingAnswers): Promise<RatingResult> {
      const gated = await gate(person, sessionId);
      if ('result' in gated) return gated.result;
      const { session, relationship, view } = gated;
      const goals = ratedGoals(await store.goals.listForRelationship(person.tenantId, relationship.id));
      const goalProgress = knownGoalProgress(answers.goalProgress, goals);
      const draft = {
        score: answers.score,
        tookPlace: answers.tookPlace,
        mostUseful: answers.mostUseful?.trim() || null,
        shareWithPartner: answers.shareWithPartner && Boolean(answers.mostUseful?.trim()),
        goalProgress,
      };
      if (view.rating && sameAnswers(view.rating, draft)) return { kind: 'unchanged', view };

      const now = clock.now();
      await store.transaction(async (tx) => {
        await tx.ratings.upsert({ tenantId: person.tenantId, sessionId, raterPersonId: person.id, ...draft });
        for (const goal of goals) {
          const progress = goalProgress[goal.id];
          if (progress === undefined || progress === goal.progress) continue;
          if (answers.shownProgress?.[goal.id] === progress) continue;
          const changes = goalChangesFor(goal, progress);
          await tx.goals.update(person.tenantId, goal.id, changes);
          await tx.auditLog.record({
            tenantId: person.tenantId,
            actorPersonId: person.id,
            action: 'goal.updated',
            targetType: 'goal',
            targetId: goal.id,
            details: { relationshipId: relationship.id, fields: Object.keys(changes).sort(), ...changes, via: 'rating', sessionId },
          });
        }
        for (const flag of flagsFor(sessionId, person.id, draft)) {
          const raised = await tx.pairFlags.raise({
            tenantId: person.tenantId,
            relationshipId: relationship.id,
            reason: flag.reason,
            key: flag.key,
            sessionId,
            raisedByPersonId: person.id,
            raisedAt: now,
          });
          if (raised) {
            await tx.auditLog.record({
              tenantId: person.tenantId,
              actorPersonId: person.id,
              action: 'pair.flagged',
              targetType: 'relationship',
              targetId: relationship.id,
              details: { flagId: raised.id, reason: raised.reason, sessionId },
            });
          }
        }
        const status = sessionStatusAfterRatings(session.status, await tx.ratings.listForSession(person.tenantId, sessionId));
        if (status !== session.status) await tx.sessions.update(person.tenantId, sessionId, { status });
      });
      return { kind: 'saved', view: await viewFor(session, relationship, person) };
    },

    /** "Edit" on the thanks card: the form again with the saved answers, while it can still change. */
    async edit(person: Person, sessionId: string): Promise<RatingResult> {
      const gated = await gate(person, sessionId);
      if ('result' in gated) return gated.result;
      return { kind: 'form', view: gated.view };
    },
  };
}

function isCancelled(session: Session): boolean {
  return session.status === 'cancelled' || session.cancelledAt !== null;
}

/** Dropped goals are no longer worked on, so the card does not ask about them. */
function ratedGoals(goals: Goal[]): Goal[] {
  return goals.filter((g) => g.status !== 'dropped');
}

function knownGoalProgress(progress: Record<string, number>, goals: Goal[]): Record<string, number> {
  const known: Record<string, number> = {};
  for (const goal of goals) {
    const value = progress[goal.id];
    if (value !== undefined) known[goal.id] = Math.max(0, Math.min(100, Math.round(value)));
  }
  return known;
}

type RatingDraftFields = Pick<Rating, 'score' | 'tookPlace' | 'mostUseful' | 'shareWithPartner' | 'goalProgress'>;

function sameAnswers(rating: Rating, draft: RatingDraftFields): boolean {
  const a = rating.goalProgress;
  const b = draft.goalProgress;
  return (
    rating.score === draft.score &&
    rating.tookPlace === draft.tookPlace &&
    rating.mostUseful === draft.mostUseful &&
    rating.shareWithPartner === draft.shareWithPartner &&
    Object.keys(a).length === Object.keys(b).length &&
    Object.entries(b).every(([id, value]) => a[id] === value)
  );
}

/** The occasions an answer flags; each key is raised once, however often the answer is saved. */
export function flagsFor(
  sessionId: string,
  raterId: string,
  answers: { score: number; tookPlace: boolean },
): { reason: PairFlagReason; key: string }[] {
  const flags: { reason: PairFlagReason; key: string }[] = [];
  if (answers.score <= LOW_RATING) flags.push({ reason: 'low-rating', key: `low-rating:${sessionId}:${raterId}` });
  // One flag per session: both saying so is still one session that did not happen.
  if (!answers.tookPlace) flags.push({ reason: 'did-not-meet', key: `did-not-meet:${sessionId}` });
  return flags;
}

/** See the file comment: held when anyone met, missed when both did not, otherwise unchanged. */
export function sessionStatusAfterRatings(current: SessionStatus, ratings: Pick<Rating, 'tookPlace'>[]): SessionStatus {
  if (current === 'cancelled' || current === 'proposed') return current;
  if (ratings.some((r) => r.tookPlace)) return 'held';
  if (ratings.length >= 2) return 'missed';
  return current;
}

/** Progress from a rating card also moves the goal's status: done at 100, in progress once started. */
export function goalChangesFor(goal: Pick<Goal, 'status'>, progress: number): GoalChanges {
  if (progress >= 100) return { progress: 100, status: 'done' };
  if (goal.status === 'done' || (progress > 0 && goal.status === 'not-started')) return { progress, status: 'in-progress' };
  return { progress };
}
