import { tenants } from '../schema';
import type { Db } from '../database';

export type Tenant = typeof tenants.$inferSelect;

export function tenantsRepository(db: Db) {
  return {
    /** Records a tenant the first time one of its people reaches us; true when it was new. */
    async ensure(id: string): Promise<boolean> {
      const inserted = await db.insert(tenants).values({ id }).onConflictDoNothing().returning({ id: tenants.id });
      return inserted.length > 0;
    },

    async list(): Promise<Tenant[]> {
      return db.select().from(tenants);
    },
  };
}
