/**
 * Scheduled work on pg-boss, in its own schema of Tandem's database (PGlite
 * or the PostgreSQL server): a job survives a restart, a job that is due
 * while the app is down runs when it comes back, and with several instances
 * on one server each job is fetched by one of them (SKIP LOCKED).
 * Handlers must still be idempotent: pg-boss retries a failed job, and an
 * instance killed mid-job leaves it to be run again after it expires.
 */
import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { Database } from '../store/database';
import { jobQueues, type JobPayloads, type JobQueueName, type JobScheduler } from '../services/ports';

const BATCH_SIZE = 10;

interface JobTiming {
  /** How long a fetched job may run before pg-boss gives it to another worker (its instance died). */
  expireInSeconds: number;
  retryLimit: number;
  retryDelay: number;
  retryBackoff: boolean;
}

/**
 * Reminders are due to the minute, so a dead instance's must come back
 * within minutes; one that waits on a delivery another instance claimed is
 * retried steadily until that claim's lease (2 minutes) runs out.
 */
const TIMING: Partial<Record<JobQueueName, JobTiming>> = {
  'session-reminder': { expireInSeconds: 120, retryLimit: 10, retryDelay: 30, retryBackoff: false },
};
const DEFAULT_TIMING: JobTiming = { expireInSeconds: 15 * 60, retryLimit: 5, retryDelay: 60, retryBackoff: true };

export interface JobQueueOptions {
  logger: Logger;
  /** How often workers look for due jobs; tests shorten it. */
  pollingIntervalSeconds?: number;
}

export interface JobQueue extends JobScheduler {
  /** Starts working a queue with this handler; a failing job is retried by pg-boss. */
  work<Q extends JobQueueName>(queue: Q, handler: (job: JobPayloads[Q]) => Promise<void>): Promise<void>;
  /** Runs a queue on a cron schedule (UTC), once per tick across all instances. */
  every(queue: JobQueueName, cron: string): Promise<void>;
  stop(): Promise<void>;
}

export async function startJobQueue(database: Database, options: JobQueueOptions): Promise<JobQueue> {
  let queriesInFlight = 0;
  let batchesInFlight = 0;
  const boss = new PgBoss({
    db: {
      executeSql: async (text, values) => {
        queriesInFlight++;
        try {
          return await database.executeSql(text, values);
        } finally {
          queriesInFlight--;
        }
      },
    },
    schema: 'pgboss',
    // Expired jobs (their instance died mid-job) are found and handed out again this often.
    maintenanceIntervalSeconds: 30,
  });
  boss.on('error', (error) => options.logger.error({ err: error }, 'job queue error'));
  await boss.start();
  for (const queue of jobQueues) await boss.createQueue(queue);
  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 5;

  return {
    async schedule(queue, data, at) {
      await boss.send(queue, data as object, { startAfter: at, ...(TIMING[queue] ?? DEFAULT_TIMING) });
    },

    async work(queue, handler) {
      let workerId: string | undefined = undefined;
      workerId = await boss.work<JobPayloads[typeof queue]>(queue, { pollingIntervalSeconds, batchSize: BATCH_SIZE }, async (jobs) => {
        batchesInFlight++;
        try {
          for (const job of jobs) {
            try {
              await handler(job.data);
            } catch (error) {
              options.logger.error({ err: error, job: job.id, queue }, 'job failed; pg-boss will retry it');
              throw error;
            }
          }
        } finally {
          batchesInFlight--;
        }
        // A full batch means more are waiting (reminders fall due together): fetch again at once, not after the polling interval.
        if (jobs.length === BATCH_SIZE && workerId) boss.notifyWorker(workerId);
      });
    },

    async every(queue, cron) {
      await boss.schedule(queue, cron, {});
    },

    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
      // stop() can return while a worker is still fetching, or past its timeout with a handler
      // still running; let them finish, so every worker ends before the database closes and
      // nothing of the queue runs after close.
      for (const until = Date.now() + 15_000; queriesInFlight + batchesInFlight > 0 && Date.now() < until; ) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
  };
}
