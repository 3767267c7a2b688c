/**
 * The databases every store and service suite runs on: embedded PGlite always,
 * and the PostgreSQL server at TEST_DATABASE_URL when it is set. Each opened
 * database is new and empty (a fresh PGlite, or a fresh database on the
 * server), so suites never see each other's rows.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/store/database';

export interface TestDatabaseTarget {
  name: 'pglite' | 'postgres';
  open(): Promise<Database>;
}

const pglite: TestDatabaseTarget = {
  name: 'pglite',
  open: () => openDatabase({ kind: 'pglite', dataDir: null }),
};

function postgres(serverUrl: string): TestDatabaseTarget {
  return {
    name: 'postgres',
    async open() {
      const name = `tandem_test_${randomUUID().replace(/-/g, '')}`;
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      const database = await openDatabase({ kind: 'postgres', url: url.toString() });
      return {
        ...database,
        async close() {
          await database.close();
          const dropper = new pg.Client({ connectionString: serverUrl });
          await dropper.connect();
          await dropper.query(`drop database if exists ${name} with (force)`);
          await dropper.end();
        },
      };
    },
  };
}

export const testDatabaseTargets: TestDatabaseTarget[] = process.env.TEST_DATABASE_URL
  ? [pglite, postgres(process.env.TEST_DATABASE_URL)]
  : [pglite];

/** The server-side URL for suites that need a whole app on PostgreSQL, if configured. */
export const testDatabaseUrl = process.env.TEST_DATABASE_URL;
