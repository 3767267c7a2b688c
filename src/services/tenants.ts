/** A tenant's first contact: record it and give it the default program. */
import { defaultProgram } from '../domain/defaultProgram';
import type { Store } from '../store/store';

export function createTenantService(store: Store) {
  // Tenants are few and never removed, so each instance remembers the ones it has set up.
  const ready = new Set<string>();

  return {
    async ensureTenant(tenantId: string): Promise<void> {
      if (ready.has(tenantId)) return;
      await store.transaction(async (tx) => {
        await tx.tenants.ensure(tenantId);
        await tx.programs.ensure(tenantId, defaultProgram);
      });
      ready.add(tenantId);
    },
  };
}

export type TenantService = ReturnType<typeof createTenantService>;
