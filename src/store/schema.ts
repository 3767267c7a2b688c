/**
 * The database schema. Every row carries its tenant: nothing is shared across
 * Microsoft 365 tenants, and every repository filters by tenant first.
 * Times are stored in UTC (`timestamptz`) and shown in the person's time zone.
 *
 * The tables live in ./schema/, one file per aggregate; this module stays the
 * single entry point, so importers, the relational query builder (database.ts
 * passes this whole module) and drizzle-kit all see every table.
 */
export * from './schema/people';
export * from './schema/programs';
export * from './schema/matching';
export * from './schema/relationships';
export * from './schema/sessions';
export * from './schema/goals';
export * from './schema/admin';
export * from './schema/dashboard';
