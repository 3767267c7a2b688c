/**
 * The JSON shapes of the admin API ("Programs" tab), as the server sends them
 * (/api/v1/openapi.json). Times are ISO 8601 UTC strings, days YYYY-MM-DD.
 *
 * Where the server's shape is a pure domain type, it is imported from src/domain
 * (type-only: nothing reaches the bundle) so the two cannot drift; the rest are
 * written out here because the server derives them from store and service types.
 */
import type { AdminMeView, ProgramAdminRef, ProgramSettings as StoredProgramSettings, ProgramSummaryView, ProgramView } from '../../../src/domain/program';
import type { MatchingRule, Questionnaire } from '../../../src/domain/questionnaire';
import type { QuestionnaireProblem } from '../../../src/domain/questionnaireRules';
import type { MatchReasons, PairPreviewView, RunSummaryView, RunView } from '../../../src/domain/matchRuns';
import type { Role } from '../../../src/domain/roles';

export type { MatchingMode, ProgramShape, ProgramStatus, ProgramType } from '../../../src/domain/program';
export type { Audience, ChoiceOption, MatchingRule, Question, Questionnaire, QuestionType } from '../../../src/domain/questionnaire';
export type { QuestionnaireProblem } from '../../../src/domain/questionnaireRules';
export type {
  DraftPair,
  MatchReasons,
  Objective,
  ObjectiveComparison,
  PoolSummary,
  RunProgress,
  RunStatus,
  UnmatchedMentee,
} from '../../../src/domain/matchRuns';
export type { PairAtRisk, ProgramHealth, RiskAction, RiskItem, RiskReason } from '../../../src/domain/programHealth';

export type RegistrationRole = Role;
export type AdminMe = AdminMeView;

// ---------------------------------------------------------------- questionnaire

export type MatchingRuleName = MatchingRule['rule'];

/** POST /programs/:id/questionnaire/preview */
export interface QuestionnairePreview {
  role: RegistrationRole;
  /** An Adaptive Card 1.5, built by the bot's own registration form builder. */
  card: Record<string, unknown>;
  problems: QuestionnaireProblem[];
}

// ---------------------------------------------------------------- programs

/** What an admin edits: the program's settings but its slug, status and questionnaire. */
export type ProgramSettings = Omit<StoredProgramSettings, 'slug' | 'status' | 'questionnaire'>;
export type ProgramSummary = ProgramSummaryView;
export type ProgramAdmin = ProgramAdminRef;
export type Program = ProgramView;

export type ProgramChanges = Partial<ProgramSettings> & { adminPersonIds?: string[] };
export type NewProgram = ProgramChanges & { name: string; questionnaire?: Questionnaire };

// ---------------------------------------------------------------- participants

export type EnrollmentStatus = 'active' | 'paused' | 'withdrawn';

export interface PairRef {
  relationshipId: string;
  personId: string;
  name: string;
  status: 'active' | 'paused' | 'finished' | 'ended';
  startedAt: string;
}

export interface Participant {
  personId: string;
  enrollmentId: string;
  name: string;
  role: RegistrationRole;
  status: EnrollmentStatus;
  registeredAt: string;
  updatedAt: string;
  mentorCapacity: number | null;
  mentor: PairRef | null;
  mentees: PairRef[];
  pending: { proposalId: string; as: 'mentor' | 'mentee'; otherPersonId: string; otherName: string; expiresAt: string | null }[];
  matched: boolean;
}

export interface ParticipantFilter {
  role?: 'mentor' | 'mentee';
  status?: EnrollmentStatus;
  matched?: boolean;
  q?: string;
  limit?: number;
  offset?: number;
}

export interface ParticipantProfile {
  participant: Participant;
  answers: { questionId: string; label: string; answer: string | null; hidden: boolean }[];
  relationships: (PairRef & { as: 'mentor' | 'mentee'; endedAt: string | null })[];
  proposals: {
    proposalId: string;
    as: 'mentor' | 'mentee';
    otherPersonId: string;
    otherName: string;
    status: string;
    source: string;
    score: number;
    proposedAt: string | null;
    respondedAt: string | null;
  }[];
  sessions: { total: number; held: number; scheduled: number; proposed: number; cancelled: number; missed: number };
  ratings: { count: number; average: number | null };
  openFlags: { id: string; relationshipId: string; reason: string; raisedAt: string }[];
}

export type ParticipantAction = 'pause' | 'resume' | 'withdraw';

export interface RematchOutcome {
  changed: boolean;
  ended: { relationshipId: string; mentorName: string } | null;
  proposal: { proposalId: string; mentorPersonId: string; mentorName: string; score: number } | null;
  note: string | null;
}

export type PairPreview = PairPreviewView;

export interface Pairing {
  proposalId: string;
  mentee: { personId: string; name: string };
  mentor: { personId: string; name: string };
  score: number;
  reasons: MatchReasons;
  expiresAt: string;
}

// ---------------------------------------------------------------- matching runs

export type RunSummary = RunSummaryView;
export type Run = RunView;

export interface PublishOutcome {
  run: RunSummary;
  proposed: number;
  skipped: { menteeName: string; reason: string }[];
}

// ---------------------------------------------------------------- health

/** What an admin's nudge of a pair did for each person (POST .../pairs/:relationshipId/nudge). */
export interface PairNudge {
  relationshipId: string;
  /** The UTC day it counts for: each person gets it once a day. */
  day: string;
  people: {
    personId: string;
    name: string;
    role: 'mentor' | 'mentee';
    outcome: 'sent' | 'already-sent' | 'outside-working-hours' | 'undeliverable';
    workingHoursFrom: string | null;
  }[];
  /** A sentence per person saying what happened. */
  message: string;
}

export type ExportKind = 'participants' | 'pairs' | 'sessions' | 'ratings';
