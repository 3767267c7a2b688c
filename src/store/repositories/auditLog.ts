import { and, desc, eq } from 'drizzle-orm';
import { auditLog } from '../schema';
import type { Db } from '../database';

export type AuditEntry = typeof auditLog.$inferSelect;

export interface AuditEvent {
  tenantId: string;
  actorPersonId: string | null;
  action: string;
  targetType: string;
  targetId: string;
  /** Facts about the change; never free text a person wrote. */
  details?: Record<string, unknown>;
}

export function auditLogRepository(db: Db) {
  return {
    async record(event: AuditEvent): Promise<void> {
      await db.insert(auditLog).values({ ...event, details: event.details ?? {} });
    },

    async listForTarget(tenantId: string, targetType: string, targetId: string): Promise<AuditEntry[]> {
      return db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.tenantId, tenantId), eq(auditLog.targetType, targetType), eq(auditLog.targetId, targetId)))
        .orderBy(desc(auditLog.id));
    },
  };
}
