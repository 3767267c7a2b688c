/**
 * Run as a child of the tab suites: the real Tandem (PGlite in memory) on a
 * free port. jsdom cannot host the server itself (PGlite takes jsdom for a
 * browser), so the suites talk to it over HTTP like the tab does, and ask it
 * for pairs over stdin: one JSON line in, one JSON line out.
 */
import readline from 'node:readline';
import pino from 'pino';
import { loadConfig, PLAYGROUND_TENANT_ID } from '../../../src/config';
import { startTandem } from '../../../src/main';
import { openDatabase } from '../../../src/store/database';
import { createStore } from '../../../src/store/store';
import { seedTabPair } from './seedPair';

async function main(): Promise<void> {
  const database = await openDatabase({ kind: 'pglite', dataDir: null });
  const app = await startTandem(loadConfig({ ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' }), {
    database,
    logger: pino({ level: 'silent' }),
  });
  const store = createStore(database.db);
  const answer = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);
  answer({ url: app.url });

  const lines = readline.createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    const request = JSON.parse(line) as { seed: string };
    seedTabPair(store, PLAYGROUND_TENANT_ID, request.seed).then(
      (pair) => answer({ pair }),
      (error: unknown) => answer({ error: String(error) }),
    );
  });
  lines.on('close', () => {
    void app.close().then(() => database.close()).then(() => process.exit(0));
  });
}

void main();
