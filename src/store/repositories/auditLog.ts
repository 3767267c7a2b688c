import { and, desc, eq, lt, or, sql } from 'drizzle-orm';
import { auditLog, people } from '../schema';
import type { Db } from '../database';

export interface AuditEvent {
  tenantId: string;
  actorPersonId: string | null;
  action: string;
  targetType: string;
  targetId: string;
  /** Facts about the change; never free text a person wrote. Admin actions name their `programId` here. */
  details?: Record<string, unknown>;
  /** Defaults to the database's now(); given when the entry must carry the same time as the change it records. */
  at?: Date;
}

export interface AuditEntry {
  id: number;
  at: Date;
  actorPersonId: string | null;
  /** Null for the system (a job) or a person since deleted. */
  actorName: string | null;
  action: string;
  targetType: string;
  targetId: string;
  details: Record<string, unknown>;
}

export function auditLogRepository(db: Db) {
  return {
    async record(event: AuditEvent): Promise<void> {
      await db.insert(auditLog).values({ ...event, details: event.details ?? {} });
    },

    /**
     * What was done in a program, newest first: entries about the program
     * itself and entries whose details name it. `beforeId` pages back.
     */
    async listForProgram(tenantId: string, programId: string, options: { limit: number; beforeId?: number }): Promise<AuditEntry[]> {
      return db
        .select({
          id: auditLog.id,
          at: auditLog.at,
          actorPersonId: auditLog.actorPersonId,
          actorName: people.name,
          action: auditLog.action,
          targetType: auditLog.targetType,
          targetId: auditLog.targetId,
          details: auditLog.details,
        })
        .from(auditLog)
        .leftJoin(people, and(eq(people.tenantId, auditLog.tenantId), eq(people.id, auditLog.actorPersonId)))
        .where(
          and(
            eq(auditLog.tenantId, tenantId),
            or(
              and(eq(auditLog.targetType, 'program'), eq(auditLog.targetId, programId)),
              sql`${auditLog.details} ->> 'programId' = ${programId}`,
            ),
            options.beforeId === undefined ? undefined : lt(auditLog.id, options.beforeId),
          ),
        )
        .orderBy(desc(auditLog.id))
        .limit(options.limit);
    },
  };
}
