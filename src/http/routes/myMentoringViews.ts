/**
 * The JSON the "My mentoring" API answers with: times as ISO 8601 strings,
 * dates as YYYY-MM-DD. `src/http/openapi/myMentoringSchemas.ts` describes these same shapes.
 */
import type { GoalWithMilestones, PairSessions, PairView, RelationshipSummary, SessionWithAgenda } from '../../services/mentoringPairs';
import type { RatingGiven } from '../../services/mentoringRatings';
import type { Goal, Milestone } from '../../store/repositories/goals';
import type { AgendaItem } from '../../store/repositories/sessions';

const iso = (at: Date | null) => at?.toISOString() ?? null;

export function relationshipView({ relationship: r, stageTitle, myRole, other }: RelationshipSummary) {
  return {
    id: r.id,
    programId: r.programId,
    status: r.status,
    stage: r.stage,
    stageTitle,
    myRole,
    other,
    startedAt: r.startedAt.toISOString(),
    endedAt: iso(r.endedAt),
  };
}

export function milestoneView(m: Milestone) {
  return { id: m.id, goalId: m.goalId, title: m.title, dueOn: m.dueOn, position: m.position, done: m.doneAt !== null, doneAt: iso(m.doneAt) };
}

export function goalView(goal: Goal, milestones: Milestone[] = []) {
  return {
    id: goal.id,
    relationshipId: goal.relationshipId,
    ownerPersonId: goal.ownerPersonId,
    title: goal.title,
    measure: goal.measure,
    targetDate: goal.targetDate,
    status: goal.status,
    progress: goal.progress,
    completedAt: iso(goal.completedAt),
    createdAt: goal.createdAt.toISOString(),
    updatedAt: goal.updatedAt.toISOString(),
    milestones: milestones.map(milestoneView),
  };
}

export function agendaItemView(item: AgendaItem) {
  return {
    id: item.id,
    sessionId: item.sessionId,
    authorPersonId: item.authorPersonId,
    text: item.text,
    position: item.position,
    done: item.done,
    createdAt: item.createdAt.toISOString(),
    updatedAt: item.updatedAt.toISOString(),
  };
}

export function sessionView({ session: s, agenda }: SessionWithAgenda) {
  return {
    id: s.id,
    relationshipId: s.relationshipId,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    status: s.status,
    joinUrl: s.joinUrl,
    agenda: agenda.map(agendaItemView),
  };
}

export function sessionsView(sessions: PairSessions) {
  return { upcoming: sessions.upcoming.map(sessionView), past: sessions.past.map(sessionView) };
}

export function pairView(view: PairView) {
  return {
    relationship: relationshipView(view.summary),
    goals: view.goals.map(({ goal, milestones }: GoalWithMilestones) => goalView(goal, milestones)),
    sessions: sessionsView(view),
    nextSession: view.nextSession ? sessionView(view.nextSession) : null,
  };
}

export function ratingGivenView({ rating, session }: RatingGiven) {
  return {
    id: rating.id,
    sessionId: rating.sessionId,
    session: session ? { relationshipId: session.relationshipId, startsAt: session.startsAt.toISOString() } : null,
    score: rating.score,
    tookPlace: rating.tookPlace,
    mostUseful: rating.mostUseful,
    shareWithPartner: rating.shareWithPartner,
    createdAt: rating.createdAt.toISOString(),
  };
}
