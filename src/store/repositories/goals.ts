import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { goals, milestones } from '../schema';
import type { Db } from '../database';

export type Goal = typeof goals.$inferSelect;
export type GoalStatus = Goal['status'];
export type Milestone = typeof milestones.$inferSelect;

export interface GoalDraft {
  tenantId: string;
  relationshipId: string;
  ownerPersonId: string;
  title: string;
  measure: string;
  targetDate?: string | null;
}

export interface GoalChanges {
  title?: string;
  measure?: string;
  targetDate?: string | null;
  status?: GoalStatus;
  progress?: number;
}

/** A goal and its milestones: milestones are only reached through their goal. */
export interface MilestoneChanges {
  title?: string;
  dueOn?: string | null;
  /** True stamps doneAt (kept if it already was done); false clears it. */
  done?: boolean;
}

export function goalsRepository(db: Db) {
  const byId = (tenantId: string, id: string) => and(eq(goals.tenantId, tenantId), eq(goals.id, id));
  const milestonesOf = (tenantId: string, goalId: string) =>
    and(eq(milestones.tenantId, tenantId), eq(milestones.goalId, goalId));

  return {
    async create(draft: GoalDraft): Promise<Goal> {
      const [row] = await db
        .insert(goals)
        .values({ ...draft, status: 'not-started', progress: 0 })
        .returning();
      return row!;
    },

    async get(tenantId: string, id: string): Promise<Goal | undefined> {
      const [row] = await db.select().from(goals).where(byId(tenantId, id));
      return row;
    },

    async listForRelationship(tenantId: string, relationshipId: string): Promise<Goal[]> {
      return db
        .select()
        .from(goals)
        .where(and(eq(goals.tenantId, tenantId), eq(goals.relationshipId, relationshipId)))
        .orderBy(asc(goals.createdAt), asc(goals.id));
    },

    /** completedAt is stamped when the goal becomes 'done' (kept if it already was) and cleared when it leaves 'done'. */
    async update(tenantId: string, id: string, changes: GoalChanges): Promise<Goal | undefined> {
      const completedAt =
        changes.status === undefined
          ? undefined
          : changes.status === 'done'
            ? sql`case when ${goals.status} = 'done' then ${goals.completedAt} else now() end`
            : null;
      const [row] = await db
        .update(goals)
        .set({ ...changes, completedAt, updatedAt: sql`now()` })
        .where(byId(tenantId, id))
        .returning();
      return row;
    },

    /** Deletes a goal and its milestones; false when there was no such goal. */
    async delete(tenantId: string, id: string): Promise<boolean> {
      const deleted = await db.delete(goals).where(byId(tenantId, id)).returning({ id: goals.id });
      return deleted.length > 0;
    },

    /** Appends a milestone to the goal; undefined when the goal is not the tenant's. */
    async addMilestone(
      tenantId: string,
      goalId: string,
      title: string,
      dueOn: string | null = null,
    ): Promise<Milestone | undefined> {
      const [goal] = await db.select({ id: goals.id }).from(goals).where(byId(tenantId, goalId));
      if (!goal) return undefined;
      const [row] = await db
        .insert(milestones)
        .values({
          tenantId,
          goalId,
          title,
          dueOn,
          position: sql`(select coalesce(max(${milestones.position}), 0) + 1 from ${milestones} where ${milestonesOf(tenantId, goalId)})`,
        })
        .returning();
      return row;
    },

    async listMilestones(tenantId: string, goalId: string): Promise<Milestone[]> {
      return db
        .select()
        .from(milestones)
        .where(milestonesOf(tenantId, goalId))
        .orderBy(asc(milestones.position), asc(milestones.createdAt));
    },

    async getMilestone(tenantId: string, milestoneId: string): Promise<Milestone | undefined> {
      const [row] = await db
        .select()
        .from(milestones)
        .where(and(eq(milestones.tenantId, tenantId), eq(milestones.id, milestoneId)));
      return row;
    },

    /** The milestones of several goals at once (a pair view), in each goal's order. */
    async listMilestonesForGoals(tenantId: string, goalIds: string[]): Promise<Milestone[]> {
      if (goalIds.length === 0) return [];
      return db
        .select()
        .from(milestones)
        .where(and(eq(milestones.tenantId, tenantId), inArray(milestones.goalId, goalIds)))
        .orderBy(asc(milestones.goalId), asc(milestones.position), asc(milestones.createdAt));
    },

    async updateMilestone(tenantId: string, milestoneId: string, changes: MilestoneChanges): Promise<Milestone | undefined> {
      const { done, ...fields } = changes;
      const doneAt =
        done === undefined ? undefined : done ? sql`coalesce(${milestones.doneAt}, now())` : null;
      const [row] = await db
        .update(milestones)
        .set({ ...fields, doneAt })
        .where(and(eq(milestones.tenantId, tenantId), eq(milestones.id, milestoneId)))
        .returning();
      return row;
    },

    /** False when there was no such milestone. */
    async deleteMilestone(tenantId: string, milestoneId: string): Promise<boolean> {
      const deleted = await db
        .delete(milestones)
        .where(and(eq(milestones.tenantId, tenantId), eq(milestones.id, milestoneId)))
        .returning({ id: milestones.id });
      return deleted.length > 0;
    },

    /** Marks a milestone done; undefined when it already was (or is not the tenant's). */
    async completeMilestone(tenantId: string, milestoneId: string): Promise<Milestone | undefined> {
      const [row] = await db
        .update(milestones)
        .set({ doneAt: sql`now()` })
        .where(and(eq(milestones.tenantId, tenantId), eq(milestones.id, milestoneId), isNull(milestones.doneAt)))
        .returning();
      return row;
    },
  };
}
