import { auditLog } from '../schema';
import type { Db } from '../database';

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
  };
}
