/**
 * The repositories, one per aggregate, bound to a database or to a
 * transaction: `store.transaction(tx => tx.enrollments...)`.
 */
import type { Db } from './database';
import { auditLogRepository } from './repositories/auditLog';
import { enrollmentsRepository } from './repositories/enrollments';
import { peopleRepository } from './repositories/people';
import { programsRepository } from './repositories/programs';
import { tenantsRepository } from './repositories/tenants';

export interface Store {
  tenants: ReturnType<typeof tenantsRepository>;
  people: ReturnType<typeof peopleRepository>;
  programs: ReturnType<typeof programsRepository>;
  enrollments: ReturnType<typeof enrollmentsRepository>;
  auditLog: ReturnType<typeof auditLogRepository>;
  transaction<T>(work: (store: Store) => Promise<T>): Promise<T>;
}

export function createStore(db: Db): Store {
  return {
    tenants: tenantsRepository(db),
    people: peopleRepository(db),
    programs: programsRepository(db),
    enrollments: enrollmentsRepository(db),
    auditLog: auditLogRepository(db),
    transaction: (work) => db.transaction((tx) => work(createStore(tx as unknown as Db))),
  };
}
