/**
 * Opens the database: embedded PGlite under a data directory by default, a
 * PostgreSQL server when a connection string is given. Both run the same
 * committed migrations before anything else touches them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { lockDataDir } from './dataDirLock';
import * as schema from './schema';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Answers a trivial query; used by readiness checks. */
  ping(): Promise<void>;
  /** Raw SQL for pg-boss, which keeps its job tables in its own schema of the same database. */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  close(): Promise<void>;
}

export type DatabaseTarget =
  | { kind: 'pglite'; dataDir: string | null } // null: in memory
  | { kind: 'postgres'; url: string; ssl?: pg.ConnectionConfig['ssl'] };

const migrationsFolder = path.join(__dirname, 'migrations');

// Any 64-bit number unique to us: serialises migrations across app instances.
const MIGRATION_LOCK = 7_305_117_001;

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  return target.kind === 'pglite' ? openPglite(target.dataDir) : openPostgres(target.url, target.ssl);
}

async function openPglite(dataDir: string | null): Promise<Database> {
  let unlock = () => {};
  if (dataDir) {
    fs.mkdirSync(dataDir, { recursive: true });
    unlock = lockDataDir(dataDir);
  }
  try {
    const client = dataDir ? new PGlite(dataDir) : new PGlite();
    const db = drizzlePglite(client, { schema }) as unknown as Db;
    await migratePglite(drizzlePglite(client), { migrationsFolder });
    return {
      db,
      kind: 'pglite',
      ping: async () => {
        await client.query('select 1');
      },
      // PGlite takes parameters only on a single statement; pg-boss sends its scripts unparameterised.
      async executeSql(text, values) {
        if (values && values.length > 0) return { rows: (await client.query(text, values)).rows };
        const results = await client.exec(text);
        return { rows: results.at(-1)?.rows ?? [] };
      },
      async close() {
        await client.close();
        unlock();
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}

async function openPostgres(url: string, ssl: pg.ConnectionConfig['ssl']): Promise<Database> {
  // Migrate on one dedicated connection holding an advisory lock, so two
  // instances starting together do not both apply the same migration.
  const migrator = new pg.Client({ connectionString: url, ssl });
  await migrator.connect();
  try {
    await migrator.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migratePg(drizzlePg(migrator), { migrationsFolder });
  } finally {
    await migrator.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await migrator.end();
  }
  const pool = new pg.Pool({ connectionString: url, ssl, max: 10 });
  // An idle connection the server closes (restart, failover) must not crash the process: the
  // pool drops it and reconnects, and a query that fails still fails on its own promise.
  pool.on('error', () => {});
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    ping: async () => {
      await pool.query('select 1');
    },
    executeSql: async (text, values) => ({ rows: (await pool.query(text, values)).rows }),
    close: () => pool.end(),
  };
}
