import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bigint, integer, pgSchema, text } from 'drizzle-orm/pg-core';
import { openDatabase } from '../../src/store/database';
import { DataDirInUseError } from '../../src/store/dataDirLock';
import { createStore } from '../../src/store/store';
import journal from '../../src/store/migrations/meta/_journal.json';

// Where drizzle records the migrations it has applied.
const appliedMigrations = pgSchema('drizzle').table('__drizzle_migrations', {
  id: integer('id'),
  hash: text('hash').notNull(),
  createdAt: bigint('created_at', { mode: 'number' }),
});

describe('migrations on a PGlite data directory', () => {
  let dataDir: string;

  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-migrations-'));
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('keeps the rows and applies each migration once when the directory is opened again', async () => {
    const first = await openDatabase({ kind: 'pglite', dataDir });
    const applied = await first.db.select().from(appliedMigrations);
    expect(applied).toHaveLength(journal.entries.length);
    const store = createStore(first.db);
    await store.tenants.ensure('tenant-a');
    const person = await store.people.upsertSeen({ tenantId: 'tenant-a', teamsUserId: '29:ann', name: 'Ann' });
    await first.close();

    const second = await openDatabase({ kind: 'pglite', dataDir });
    try {
      expect(await second.db.select().from(appliedMigrations)).toEqual(applied);
      const reopened = createStore(second.db);
      expect((await reopened.tenants.list()).map((t) => t.id)).toEqual(['tenant-a']);
      expect(await reopened.people.get('tenant-a', person.id)).toEqual(person);
    } finally {
      await second.close();
    }
  });

  it('refuses a second opener of a data directory in use, and frees it on close', async () => {
    const owner = await openDatabase({ kind: 'pglite', dataDir });
    try {
      await expect(openDatabase({ kind: 'pglite', dataDir })).rejects.toThrow(DataDirInUseError);
      await expect(openDatabase({ kind: 'pglite', dataDir })).rejects.toThrow(`is in use by process ${process.pid}`);
    } finally {
      await owner.close();
    }
    const next = await openDatabase({ kind: 'pglite', dataDir });
    await next.close();
  });

  it('takes over a lock left behind by a process that has died', async () => {
    fs.writeFileSync(path.join(dataDir, 'tandem.lock'), '2147483646');
    const database = await openDatabase({ kind: 'pglite', dataDir });
    expect(fs.readFileSync(path.join(dataDir, 'tandem.lock'), 'utf8')).toBe(String(process.pid));
    await database.close();
    expect(fs.existsSync(path.join(dataDir, 'tandem.lock'))).toBe(false);
  });
});
