/**
 * Rows the store suites build on, made through the real repositories: a tenant
 * with its default program, a mentor and a mentee enrolled in it, and (on
 * request) a relationship between them.
 */
import type { Database } from '../../src/store/database';
import { createStore, type Store } from '../../src/store/store';
import type { TestDatabaseTarget } from '../support/databases';
import { defaultProgram } from '../../src/domain/defaultProgram';

export async function seedPair(store: Store, tenantId: string) {
  await store.tenants.ensure(tenantId);
  const program = await store.programs.ensure(tenantId, defaultProgram);
  const mentor = await store.people.upsertSeen({ tenantId, teamsUserId: `29:mentor-${tenantId}`, name: 'Mia Mentor' });
  const mentee = await store.people.upsertSeen({ tenantId, teamsUserId: `29:mentee-${tenantId}`, name: 'Max Mentee' });
  const mentorEnrollment = (await store.enrollments.saveIfRevision(
    { tenantId, programId: program.id, personId: mentor.id, role: 'mentor', answers: {}, mentorCapacity: 2 },
    0,
  ))!;
  const menteeEnrollment = (await store.enrollments.saveIfRevision(
    { tenantId, programId: program.id, personId: mentee.id, role: 'mentee', answers: {}, mentorCapacity: null },
    0,
  ))!;
  return { tenantId, program, mentor, mentee, mentorEnrollment, menteeEnrollment };
}

/** Another mentee in the seeded program: each open proposal or current relationship needs its own. */
export async function seedMentee(store: Store, pair: { tenantId: string; program: { id: string } }, label: string) {
  const person = await store.people.upsertSeen({ tenantId: pair.tenantId, teamsUserId: `29:${label}`, name: label });
  const enrollment = (await store.enrollments.saveIfRevision(
    { tenantId: pair.tenantId, programId: pair.program.id, personId: person.id, role: 'mentee', answers: {}, mentorCapacity: null },
    0,
  ))!;
  return { person, enrollment };
}

export async function seedRelationship(store: Store, tenantId: string) {
  const pair = await seedPair(store, tenantId);
  const relationship = await store.relationships.create({
    tenantId,
    programId: pair.program.id,
    mentorPersonId: pair.mentor.id,
    menteePersonId: pair.mentee.id,
  });
  return { ...pair, relationship };
}

export type SeededRelationship = Awaited<ReturnType<typeof seedRelationship>>;

/** A session the seeded pair held, for the rows that hang on one (ratings, flags). */
export function seedHeldSession(store: Store, seed: SeededRelationship) {
  return store.sessions.create({
    tenantId: seed.tenantId,
    relationshipId: seed.relationship.id,
    startsAt: new Date('2031-01-10T10:00:00Z'),
    endsAt: new Date('2031-01-10T11:00:00Z'),
    status: 'held',
  });
}

/** What a statement rejected by the named database constraint throws, on PGlite and on node-postgres. */
export const violating = (constraint: string) => ({ cause: { constraint } });

/**
 * A store suite's database: a fresh one opened before the suite's tests, with
 * `setup` run once on its store, and closed after them.
 */
export function useStore(target: TestDatabaseTarget, setup: (store: Store, database: Database) => Promise<void>): void {
  let database: Database;
  beforeAll(async () => {
    database = await target.open();
    await setup(createStore(database.db), database);
  });
  afterAll(() => database.close());
}

/**
 * A store suite about one pair's rows: a relationship seeded in `tenantId`,
 * and 'tenant-b' made as well, the tenant that must see none of them. `setup`
 * runs once on the store and the seed.
 */
export function useSeededRelationship(
  target: TestDatabaseTarget,
  tenantId: string,
  setup: (store: Store, seed: SeededRelationship) => void | Promise<void>,
): void {
  useStore(target, async (store) => {
    const seed = await seedRelationship(store, tenantId);
    await store.tenants.ensure('tenant-b');
    await setup(store, seed);
  });
}
