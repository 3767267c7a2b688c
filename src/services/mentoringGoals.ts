/**
 * A pair's goals and their milestones. Either person of the pair may write
 * them; a goal belongs to the mentee (it is what the mentoring is for),
 * whoever typed it. Each change is recorded in the audit log by field name,
 * never with the words people wrote.
 */
import type { Goal, GoalChanges, Milestone, MilestoneChanges } from '../store/repositories/goals';
import type { Store } from '../store/store';
import { createPairAccess, type Member } from './mentoringAccess';

export interface GoalDraftInput {
  title: string;
  measure: string;
  targetDate?: string | null;
}

export interface MilestoneInput {
  title: string;
  dueOn?: string | null;
}

export type MentoringGoalService = ReturnType<typeof createMentoringGoalService>;

export function createMentoringGoalService(deps: { store: Store }) {
  const { store } = deps;
  const access = createPairAccess(store);

  const audit = (
    tx: Store,
    member: Member,
    action: string,
    target: { type: 'goal' | 'milestone'; id: string },
    details: Record<string, unknown>,
  ) =>
    tx.auditLog.record({
      tenantId: member.tenantId,
      actorPersonId: member.personId,
      action,
      targetType: target.type,
      targetId: target.id,
      details,
    });

  /** Rows that vanish between the access check and the write (a concurrent delete) surface as a thrown error, not a half answer. */
  function written<T>(row: T | undefined): T {
    if (row === undefined) throw new Error('the row changed during the write');
    return row;
  }

  return {
    async create(member: Member, relationshipId: string, input: GoalDraftInput): Promise<Goal> {
      const relationship = await access.relationship(member, relationshipId);
      return store.transaction(async (tx) => {
        const goal = await tx.goals.create({
          tenantId: member.tenantId,
          relationshipId: relationship.id,
          ownerPersonId: relationship.menteePersonId,
          title: input.title,
          measure: input.measure,
          targetDate: input.targetDate ?? null,
        });
        await audit(tx, member, 'goal.created', { type: 'goal', id: goal.id }, { relationshipId: relationship.id });
        return goal;
      });
    },

    async update(member: Member, goalId: string, changes: GoalChanges): Promise<Goal> {
      const { goal, relationship } = await access.goal(member, goalId);
      return store.transaction(async (tx) => {
        const updated = written(await tx.goals.update(member.tenantId, goal.id, changes));
        await audit(tx, member, 'goal.updated', { type: 'goal', id: goal.id }, {
          relationshipId: relationship.id,
          fields: Object.keys(changes).sort(),
          ...(changes.status === undefined ? {} : { status: changes.status }),
          ...(changes.progress === undefined ? {} : { progress: changes.progress }),
        });
        return updated;
      });
    },

    /** Done at 100%; completing a completed goal keeps its completion time. */
    async complete(member: Member, goalId: string): Promise<Goal> {
      const { goal, relationship } = await access.goal(member, goalId);
      return store.transaction(async (tx) => {
        const updated = written(await tx.goals.update(member.tenantId, goal.id, { status: 'done', progress: 100 }));
        await audit(tx, member, 'goal.completed', { type: 'goal', id: goal.id }, { relationshipId: relationship.id });
        return updated;
      });
    },

    async remove(member: Member, goalId: string): Promise<void> {
      const { goal, relationship } = await access.goal(member, goalId);
      await store.transaction(async (tx) => {
        await tx.goals.delete(member.tenantId, goal.id);
        await audit(tx, member, 'goal.deleted', { type: 'goal', id: goal.id }, { relationshipId: relationship.id });
      });
    },

    async addMilestone(member: Member, goalId: string, input: MilestoneInput): Promise<Milestone> {
      const { goal, relationship } = await access.goal(member, goalId);
      return store.transaction(async (tx) => {
        const milestone = written(await tx.goals.addMilestone(member.tenantId, goal.id, input.title, input.dueOn ?? null));
        await audit(tx, member, 'milestone.created', { type: 'milestone', id: milestone.id }, {
          relationshipId: relationship.id,
          goalId: goal.id,
        });
        return milestone;
      });
    },

    async updateMilestone(member: Member, milestoneId: string, changes: MilestoneChanges): Promise<Milestone> {
      const { milestone, goal, relationship } = await access.milestone(member, milestoneId);
      return store.transaction(async (tx) => {
        const updated = written(await tx.goals.updateMilestone(member.tenantId, milestone.id, changes));
        await audit(tx, member, 'milestone.updated', { type: 'milestone', id: milestone.id }, {
          relationshipId: relationship.id,
          goalId: goal.id,
          fields: Object.keys(changes).sort(),
          ...(changes.done === undefined ? {} : { done: changes.done }),
        });
        return updated;
      });
    },

    async removeMilestone(member: Member, milestoneId: string): Promise<void> {
      const { milestone, goal, relationship } = await access.milestone(member, milestoneId);
      await store.transaction(async (tx) => {
        await tx.goals.deleteMilestone(member.tenantId, milestone.id);
        await audit(tx, member, 'milestone.deleted', { type: 'milestone', id: milestone.id }, {
          relationshipId: relationship.id,
          goalId: goal.id,
        });
      });
    },
  };
}
