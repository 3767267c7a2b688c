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

/** One statement on the server's maintenance connection: creating and dropping databases cannot run inside them. */
async function onServer(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A new, empty database on the server at `serverUrl`, named `<prefix>_<random>`:
 * for suites and benchmarks that open the same data more than once (a restart,
 * two app instances). `drop` removes it, closing what is still connected.
 */
export async function createScratchDatabase(serverUrl: string, prefix: string): Promise<ScratchDatabase> {
  const name = `${prefix}_${randomUUID().replace(/-/g, '')}`;
  await onServer(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => onServer(serverUrl, `drop database if exists ${name} with (force)`) };
}

function postgres(serverUrl: string): TestDatabaseTarget {
  return {
    name: 'postgres',
    async open() {
      const scratch = await createScratchDatabase(serverUrl, 'tandem_test');
      const database = await openDatabase({ kind: 'postgres', url: scratch.url });
      return {
        ...database,
        async close() {
          await database.close();
          await scratch.drop();
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
