/**
 * Scheduled work on pg-boss, in its own schema of Tandem's database (PGlite
 * or the PostgreSQL server): the job survives a restart, and a job that is
 * due while the app is down runs when it comes back.
 */
import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { Database } from '../store/database';

export const PROPOSAL_EXPIRY = 'proposal-expiry';

export interface ProposalExpiryJob {
  tenantId: string;
  proposalId: string;
}

export interface JobQueueOptions {
  logger: Logger;
  /** How often workers look for due jobs; tests shorten it. */
  pollingIntervalSeconds?: number;
}

export interface JobQueue {
  scheduleProposalExpiry(job: ProposalExpiryJob, at: Date): Promise<void>;
  /** Starts working the expiry queue with this handler; a failing job is retried by pg-boss. */
  workProposalExpiries(handler: (job: ProposalExpiryJob) => Promise<void>): Promise<void>;
  stop(): Promise<void>;
}

export async function startJobQueue(database: Database, options: JobQueueOptions): Promise<JobQueue> {
  const boss = new PgBoss({
    db: { executeSql: (text, values) => database.executeSql(text, values) },
    schema: 'pgboss',
    // Cron schedules are not used; due times are per job (startAfter).
    schedule: false,
  });
  boss.on('error', (error) => options.logger.error({ err: error }, 'job queue error'));
  await boss.start();
  await boss.createQueue(PROPOSAL_EXPIRY);
  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 5;

  return {
    async scheduleProposalExpiry(job, at) {
      await boss.send(PROPOSAL_EXPIRY, job, { startAfter: at, retryLimit: 5, retryDelay: 60, retryBackoff: true });
    },

    async workProposalExpiries(handler) {
      await boss.work<ProposalExpiryJob>(PROPOSAL_EXPIRY, { pollingIntervalSeconds, batchSize: 10 }, async (jobs) => {
        for (const job of jobs) {
          try {
            await handler(job.data);
          } catch (error) {
            options.logger.error({ err: error, job: job.id, queue: PROPOSAL_EXPIRY }, 'job failed; pg-boss will retry it');
            throw error;
          }
        }
      });
    },

    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}
