/**
 * A person's mentoring relationships as they see them: who the other person
 * is, the stage, the goals and the sessions with their agendas; and moving the
 * relationship through its stages.
 */
import { stageTitles, type Stage } from '../domain/stages';
import type { Goal, Milestone } from '../store/repositories/goals';
import type { Relationship } from '../store/repositories/relationships';
import type { AgendaItem, Session } from '../store/repositories/sessions';
import type { Store } from '../store/store';
import { createPairAccess, MentoringRefusal, type Member } from './mentoringAccess';
import type { Clock } from './ports';

export type PairRole = 'mentor' | 'mentee';

export interface RelationshipSummary {
  relationship: Relationship;
  stageTitle: string;
  myRole: PairRole;
  other: { personId: string; name: string; role: PairRole };
}

export interface GoalWithMilestones {
  goal: Goal;
  milestones: Milestone[];
}

export interface SessionWithAgenda {
  session: Session;
  agenda: AgendaItem[];
}

export interface PairSessions {
  /** Soonest first. */
  upcoming: SessionWithAgenda[];
  /** Most recent first. */
  past: SessionWithAgenda[];
}

export interface PairView extends PairSessions {
  summary: RelationshipSummary;
  goals: GoalWithMilestones[];
  /** The first upcoming session: the one whose agenda the pair is preparing. */
  nextSession: SessionWithAgenda | null;
}

export interface RelationshipCounts {
  active: number;
  paused: number;
  past: number;
}

const isCurrent = (r: Relationship) => r.status === 'active' || r.status === 'paused';

export type MentoringPairService = ReturnType<typeof createMentoringPairService>;

export function createMentoringPairService(deps: { store: Store; clock: Clock }) {
  const { store, clock } = deps;
  const access = createPairAccess(store);

  async function summarize(member: Member, relationship: Relationship): Promise<RelationshipSummary> {
    const myRole: PairRole = relationship.mentorPersonId === member.personId ? 'mentor' : 'mentee';
    const otherId = myRole === 'mentor' ? relationship.menteePersonId : relationship.mentorPersonId;
    const other = await store.people.get(member.tenantId, otherId);
    return {
      relationship,
      stageTitle: stageTitles[relationship.stage],
      myRole,
      other: { personId: otherId, name: other?.name ?? 'Colleague', role: myRole === 'mentor' ? 'mentee' : 'mentor' },
    };
  }

  async function sessionsOf(member: Member, relationship: Relationship): Promise<PairSessions> {
    const sessions = await store.sessions.listForRelationship(member.tenantId, relationship.id);
    const agendaItems = await store.sessions.listAgendaForSessions(
      member.tenantId,
      sessions.map((s) => s.id),
    );
    const agendas = new Map<string, AgendaItem[]>();
    for (const item of agendaItems) agendas.set(item.sessionId, [...(agendas.get(item.sessionId) ?? []), item]);
    const now = clock.now().getTime();
    const upcoming: SessionWithAgenda[] = [];
    const past: SessionWithAgenda[] = [];
    for (const session of sessions) {
      const withAgenda = { session, agenda: agendas.get(session.id) ?? [] };
      const open = session.status === 'proposed' || session.status === 'scheduled';
      if (open && session.endsAt.getTime() > now) upcoming.push(withAgenda);
      // A cancelled session that has not happened yet is neither ahead nor behind the pair.
      else if (session.startsAt.getTime() <= now || session.status === 'held' || session.status === 'missed') past.push(withAgenda);
    }
    return { upcoming, past: past.reverse() };
  }

  return {
    /** Current relationships first, then past ones; newest first within each. */
    async list(member: Member): Promise<RelationshipSummary[]> {
      const relationships = await store.relationships.listForPerson(member.tenantId, member.personId);
      const ordered = [...relationships.filter(isCurrent).reverse(), ...relationships.filter((r) => !isCurrent(r)).reverse()];
      return Promise.all(ordered.map((r) => summarize(member, r)));
    },

    async counts(member: Member): Promise<RelationshipCounts> {
      const relationships = await store.relationships.listForPerson(member.tenantId, member.personId);
      return {
        active: relationships.filter((r) => r.status === 'active').length,
        paused: relationships.filter((r) => r.status === 'paused').length,
        past: relationships.filter((r) => !isCurrent(r)).length,
      };
    },

    async view(member: Member, relationshipId: string): Promise<PairView> {
      const relationship = await access.relationship(member, relationshipId);
      const goals = await store.goals.listForRelationship(member.tenantId, relationship.id);
      const milestones = await store.goals.listMilestonesForGoals(
        member.tenantId,
        goals.map((g) => g.id),
      );
      const [summary, sessions] = await Promise.all([summarize(member, relationship), sessionsOf(member, relationship)]);
      return {
        summary,
        goals: goals.map((goal) => ({ goal, milestones: milestones.filter((m) => m.goalId === goal.id) })),
        ...sessions,
        nextSession: sessions.upcoming[0] ?? null,
      };
    },

    async sessions(member: Member, relationshipId: string): Promise<PairSessions> {
      return sessionsOf(member, await access.relationship(member, relationshipId));
    },

    /** Forward or back to any stage, while the relationship is active. */
    async moveToStage(member: Member, relationshipId: string, stage: Stage): Promise<RelationshipSummary> {
      const relationship = await access.relationship(member, relationshipId);
      if (relationship.status !== 'active') throw new MentoringRefusal('not-active', 'relationship', relationship.status);
      const moved = await store.transaction(async (tx) => {
        const row = await tx.relationships.setStageIfActive(member.tenantId, relationship.id, stage);
        if (!row) return undefined;
        await tx.auditLog.record({
          tenantId: member.tenantId,
          actorPersonId: member.personId,
          action: 'relationship.stage-changed',
          targetType: 'relationship',
          targetId: relationship.id,
          details: { from: relationship.stage, to: stage },
        });
        return row;
      });
      // Ended or paused between the read and the write.
      if (!moved) throw new MentoringRefusal('not-active', 'relationship');
      return summarize(member, moved);
    },
  };
}
