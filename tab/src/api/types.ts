/** The JSON shapes of the "My mentoring" API, as src/http/openapi/myMentoringSchemas.ts describes them. */
// Type-only, so the bundle never reaches into server code; the stages' titles stay in content/stages.ts.
import type { Stage } from '../../../src/domain/stages';

export type { Stage };
export type Role = 'mentor' | 'mentee';
export type GoalStatus = 'not-started' | 'in-progress' | 'done' | 'dropped';

export interface Relationship {
  id: string;
  programId: string;
  status: 'active' | 'paused' | 'finished' | 'ended';
  stage: Stage;
  stageTitle: string;
  myRole: Role;
  other: { personId: string; name: string; role: Role };
  startedAt: string;
  endedAt: string | null;
}

export interface Milestone {
  id: string;
  goalId: string;
  title: string;
  dueOn: string | null;
  position: number;
  done: boolean;
  doneAt: string | null;
}

export interface Goal {
  id: string;
  relationshipId: string;
  ownerPersonId: string;
  title: string;
  measure: string;
  targetDate: string | null;
  status: GoalStatus;
  progress: number;
  completedAt: string | null;
  createdAt: string;
  updatedAt: string;
  milestones: Milestone[];
}

export interface AgendaItem {
  id: string;
  sessionId: string;
  authorPersonId: string;
  text: string;
  position: number;
  done: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface Session {
  id: string;
  relationshipId: string;
  startsAt: string;
  endsAt: string;
  status: 'proposed' | 'scheduled' | 'held' | 'cancelled' | 'missed';
  joinUrl: string | null;
  agenda: AgendaItem[];
}

export interface PairView {
  relationship: Relationship;
  goals: Goal[];
  sessions: { upcoming: Session[]; past: Session[] };
  nextSession: Session | null;
}

export interface Me {
  person: { id: string; name: string; tenantId: string };
  relationships: { active: number; paused: number; past: number };
}

export interface NewGoal {
  title: string;
  measure: string;
  targetDate: string | null;
}

export type GoalChanges = Partial<NewGoal & { status: GoalStatus; progress: number }>;

export interface DevPerson {
  id: string;
  name: string;
}
