/**
 * Raw aggregate SQL, shared by the program health and export repositories.
 * Counts come back as int and averages as float8, times as epoch milliseconds
 * and days as text, so PGlite and node-postgres hand back the same JavaScript
 * values.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../database';

export async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export const ms = (column: string) => sql.raw(`(extract(epoch from ${column}) * 1000)::float8`);
