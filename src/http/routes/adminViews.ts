/**
 * What the admin API answers, in one place: the JSON shapes the "Programs"
 * tab reads (programs, participants, audit entries, matching runs), with
 * times as ISO 8601 UTC strings and days as YYYY-MM-DD. `src/http/openapi/adminSchemas.ts`
 * describes these same shapes; request bodies are in adminBodies.ts.
 */
import type { AdminCaller } from '../../auth/tenantAdmins';
import type { AdminMeView, ProgramSummaryView, ProgramView } from '../../domain/program';
import type { RunSummaryView, RunView } from '../../domain/matchRuns';
import type { AuditEntry } from '../../store/repositories/auditLog';
import type { MatchRun } from '../../store/repositories/matchRuns';
import type { Program, ProgramAdmin } from '../../store/repositories/programs';
import type { ParticipantActivity } from '../../store/repositories/enrollments';
import { details } from '../../services/matchRuns';
import type { AnswerView, PairRef, ParticipantProfile, ParticipantSummary, PendingRef, ProposalRef } from '../../services/participants';

// The pure shapes live in the domain, where the admin tab imports them too.
export type { AdminMeView, ProgramSummaryView, ProgramView } from '../../domain/program';
export type { PairPreviewView, RunSummaryView, RunView } from '../../domain/matchRuns';

const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);

// ---------------------------------------------------------------- who

export function adminMeView(caller: AdminCaller, programs: Program[]): AdminMeView {
  return {
    person: { id: caller.personId, name: caller.name, tenantId: caller.tenantId },
    tenantAdmin: caller.isTenantAdmin,
    tenantAdminVia: caller.tenantAdminVia,
    canCreatePrograms: caller.isTenantAdmin,
    programs: programs.map((p) => ({
      id: p.id,
      name: p.name,
      status: p.status,
      as: caller.isTenantAdmin ? 'tenant-admin' : 'program-admin',
    })),
  };
}

// ---------------------------------------------------------------- programs

export function programSummaryView(p: Program): ProgramSummaryView {
  return {
    id: p.id,
    slug: p.slug,
    name: p.name,
    description: p.description,
    type: p.type,
    shape: p.shape,
    startsOn: p.startsOn,
    endsOn: p.endsOn,
    matchingMode: p.matchingMode,
    status: p.status,
    mentorCapacityDefault: p.mentorCapacityDefault,
    cadenceDays: p.cadenceDays,
    sessionMinutes: p.sessionMinutes,
    reminderOffsetsMinutes: p.reminderOffsetsMinutes,
    ratingDelayMinutes: p.ratingDelayMinutes,
    maxTimeZoneGapHours: p.maxTimeZoneGapHours,
    proposalExpiryDays: p.proposalExpiryDays,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

export function programView(p: Program, admins: ProgramAdmin[]): ProgramView {
  return { ...programSummaryView(p), questionnaire: p.questionnaire, admins };
}

/** GET /api/v1/programs/:programId/audit */
export interface AuditEntryView {
  id: number;
  at: string;
  actor: { personId: string; name: string | null } | null;
  /** e.g. program.create, program.update, program.questionnaire.replace, program.open, program.close, participant.pause, match-run.publish */
  action: string;
  targetType: string;
  targetId: string;
  details: Record<string, unknown>;
}

export function auditEntryView(e: AuditEntry): AuditEntryView {
  return {
    id: e.id,
    at: e.at.toISOString(),
    actor: e.actorPersonId ? { personId: e.actorPersonId, name: e.actorName } : null,
    action: e.action,
    targetType: e.targetType,
    targetId: e.targetId,
    details: e.details,
  };
}

// ---------------------------------------------------------------- participants

export interface PairRefView {
  relationshipId: string;
  personId: string;
  name: string;
  status: PairRef['status'];
  startedAt: string;
}

export interface ParticipantView {
  personId: string;
  enrollmentId: string;
  name: string;
  role: ParticipantSummary['role'];
  status: ParticipantSummary['status'];
  registeredAt: string;
  updatedAt: string;
  mentorCapacity: number | null;
  /** Their current mentor (as a mentee). */
  mentor: PairRefView | null;
  /** Their current mentees (as a mentor). */
  mentees: PairRefView[];
  /** Proposals waiting for an answer that involve them. */
  pending: (Omit<PendingRef, 'expiresAt'> & { expiresAt: string | null })[];
  matched: boolean;
}

export interface ParticipantProfileView {
  participant: ParticipantView;
  answers: AnswerView[];
  relationships: (PairRefView & { as: 'mentor' | 'mentee'; endedAt: string | null })[];
  proposals: (Omit<ProposalRef, 'proposedAt' | 'respondedAt'> & { proposedAt: string | null; respondedAt: string | null })[];
  sessions: ParticipantActivity['sessions'];
  ratings: ParticipantActivity['ratings'];
  openFlags: { id: string; relationshipId: string; reason: string; raisedAt: string }[];
}

const pairRefView = (r: PairRef): PairRefView => ({ ...r, startedAt: r.startedAt.toISOString() });

export function participantView(s: ParticipantSummary): ParticipantView {
  return {
    ...s,
    registeredAt: s.registeredAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
    mentor: s.mentor && pairRefView(s.mentor),
    mentees: s.mentees.map(pairRefView),
    pending: s.pending.map((p) => ({ ...p, expiresAt: iso(p.expiresAt) })),
  };
}

export function participantProfileView(p: ParticipantProfile): ParticipantProfileView {
  return {
    participant: participantView(p.participant),
    answers: p.answers,
    relationships: p.relationships.map((r) => ({ ...pairRefView(r), as: r.as, endedAt: iso(r.endedAt) })),
    proposals: p.proposals.map((x) => ({ ...x, proposedAt: iso(x.proposedAt), respondedAt: iso(x.respondedAt) })),
    sessions: p.activity.sessions,
    ratings: p.activity.ratings,
    openFlags: p.activity.openFlags.map((f) => ({ ...f, raisedAt: f.raisedAt.toISOString() })),
  };
}

// ---------------------------------------------------------------- matching runs

export function runSummaryView(run: MatchRun): RunSummaryView {
  const d = details(run);
  return {
    id: run.id,
    programId: run.programId,
    status: run.status,
    createdAt: run.createdAt.toISOString(),
    publishedObjective: run.publishedObjective,
    publishedAt: iso(run.publishedAt),
    progress: d.progress ?? null,
    weights: d.weights ?? null,
    error: d.error ?? null,
    pool: d.pool,
    objectives: d.drafts.map(({ objective, matched, totalScore, minScore }) => ({ objective, matched, totalScore, minScore })),
  };
}

export function runView(run: MatchRun): RunView {
  const d = details(run);
  return {
    ...runSummaryView(run),
    comparison: d.comparison ?? [],
    drafts: d.drafts.map((draft) => ({ ...draft, unmatched: d.unmatchedByObjective?.[draft.objective] ?? [] })),
    unmatched: d.unmatched,
    timings: { scoringMs: d.scoringMs, solvingMs: d.solvingMs },
  };
}
