/**
 * The repositories, one per aggregate, bound to a database or to a
 * transaction: `store.transaction(tx => tx.enrollments...)`.
 */
import type { Db } from './database';
import { auditLogRepository } from './repositories/auditLog';
import { enrollmentsRepository } from './repositories/enrollments';
import { goalsRepository } from './repositories/goals';
import { matchProposalsRepository } from './repositories/matchProposals';
import { matchRunsRepository } from './repositories/matchRuns';
import { notificationsRepository } from './repositories/notifications';
import { pairFlagsRepository } from './repositories/pairFlags';
import { peopleRepository } from './repositories/people';
import { programsRepository } from './repositories/programs';
import { ratingsRepository } from './repositories/ratings';
import { relationshipsRepository } from './repositories/relationships';
import { sessionsRepository } from './repositories/sessions';
import { slotOffersRepository } from './repositories/slotOffers';
import { tenantsRepository } from './repositories/tenants';

export interface Store {
  tenants: ReturnType<typeof tenantsRepository>;
  people: ReturnType<typeof peopleRepository>;
  programs: ReturnType<typeof programsRepository>;
  enrollments: ReturnType<typeof enrollmentsRepository>;
  matchRuns: ReturnType<typeof matchRunsRepository>;
  matchProposals: ReturnType<typeof matchProposalsRepository>;
  relationships: ReturnType<typeof relationshipsRepository>;
  sessions: ReturnType<typeof sessionsRepository>;
  slotOffers: ReturnType<typeof slotOffersRepository>;
  goals: ReturnType<typeof goalsRepository>;
  ratings: ReturnType<typeof ratingsRepository>;
  auditLog: ReturnType<typeof auditLogRepository>;
  notifications: ReturnType<typeof notificationsRepository>;
  pairFlags: ReturnType<typeof pairFlagsRepository>;
  transaction<T>(work: (store: Store) => Promise<T>): Promise<T>;
}

export function createStore(db: Db): Store {
  return {
    tenants: tenantsRepository(db),
    people: peopleRepository(db),
    programs: programsRepository(db),
    enrollments: enrollmentsRepository(db),
    matchRuns: matchRunsRepository(db),
    matchProposals: matchProposalsRepository(db),
    relationships: relationshipsRepository(db),
    sessions: sessionsRepository(db),
    slotOffers: slotOffersRepository(db),
    goals: goalsRepository(db),
    ratings: ratingsRepository(db),
    auditLog: auditLogRepository(db),
    notifications: notificationsRepository(db),
    pairFlags: pairFlagsRepository(db),
    transaction: (work) => db.transaction((tx) => work(createStore(tx as unknown as Db))),
  };
}
