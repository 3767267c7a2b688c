/**
 * The app as `npm run bench:fanout` runs it, in a child process it can
 * SIGKILL: Tandem from the environment (DATABASE_URL or DATA_DIR,
 * PROACTIVE_TENANT_RATE_PER_SECOND), polling for due jobs every half second.
 * Prints "ready" once it is listening.
 */
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { startTandem } from '../src/main';

async function run(): Promise<void> {
  const config = loadConfig();
  await startTandem(config, { logger: createLogger(config.logLevel), jobPollingSeconds: 0.5 });
  process.stdout.write('ready\n');
}

run().catch((error) => {
  console.error(error);
  process.exit(1);
});
