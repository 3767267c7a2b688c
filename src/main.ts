/**
 * The composition root: the only file that knows every concrete piece.
 * `npm start` runs it; tests call startTandem() with their own configuration.
 */
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { TeamsAdapter } from '@microsoft/teams-ai';
import type { Logger } from 'pino';
import { createBot } from '../bot/app';
import { answerFailedTurn } from '../bot/turnError';
import { loadConfig, ConfigError, PLAYGROUND_TENANT_ID, type Config } from './config';
import { createLogger } from './logger';
import { createHttpServer } from './http/server';
import { openDatabase, type Database } from './store/database';
import { DataDirInUseError } from './store/dataDirLock';
import { createStore } from './store/store';
import { createTenantService } from './services/tenants';
import { createPeopleService } from './services/people';
import { createRegistrationService } from './services/registration';
import { createProposalService } from './services/proposals';
import { createRelationshipService } from './services/relationships';
import { createMatchRunService } from './services/matchRuns';
import { createAdminPairingService } from './services/adminPairing';
import { graphDirectory, questionnaireDirectory } from './services/directory';
import { createGraphClient } from './graph/graphClient';
import { managerChain } from './graph/managerChain';
import { systemClock, type Clock } from './services/ports';
import { startJobQueue } from './jobs/jobQueue';
import { createProactiveSender } from '../bot/proactive/sender';
import { createMatchNotifier } from '../bot/matchNotifier';
import { createReminderNotifier } from '../bot/reminderNotifier';
import { createReminderService, type ReminderService } from './services/reminders';
import { createSchedulingNotifier } from '../bot/schedulingNotifier';
import { createSchedulingService } from './services/scheduling';
import { graphCalendar } from './graph/calendar';
import { createRatingNotifier } from '../bot/ratingNotifier';
import { createNudgeNotifier } from '../bot/nudgeNotifier';
import { createSessionRatingService } from './services/sessionRatings';
import { createNudgeService } from './services/nudges';
import { createDevelopmentSignIn } from './auth/developmentSignIn';
import { createTokenVerifier } from './auth/tokens';
import { createAuthenticator } from './http/authenticate';
import { registerDevelopmentSignIn } from './http/routes/devSignIn';
import { registerMatchingRoutes } from './http/routes/matching';
import { registerMyMentoringRoutes } from './http/routes/myMentoring';
import { registerAdminHealthRoutes } from './http/routes/adminHealth';
import { registerAdminExportRoutes } from './http/routes/adminExports';
import { registerQuestionnairePreviewRoute } from './http/routes/adminQuestionnairePreview';
import { programHealthRepository } from './store/repositories/programHealth';
import { programExportsRepository } from './store/repositories/programExports';
import { createProgramHealthService } from './services/programHealth';
import { createProgramExportService } from './services/programExports';
import { registerTab } from './http/routes/tab';
import { registerAdminProgramRoutes } from './http/routes/adminPrograms';
import { registerAdminParticipantRoutes } from './http/routes/adminParticipants';
import { createTenantAdmins } from './auth/tenantAdmins';
import { createProgramAdminService } from './services/programAdmin';
import { createParticipantService } from './services/participants';
import { createMentoringPairService } from './services/mentoringPairs';
import { createMentoringGoalService } from './services/mentoringGoals';
import { createMentoringAgendaService } from './services/mentoringAgenda';

const REMINDER_WORKERS = 16;

export interface RunningTandem {
  url: string;
  port: number;
  database: Database;
  /** The reminder use case, for tests that seed sessions through the store and schedule their reminders as booking would. */
  reminders: ReminderService;
  close(): Promise<void>;
}

export interface StartOptions {
  logger?: Logger;
  /** An already open database, left open on close (tests bring their own); otherwise the configured one is opened and closed. */
  database?: Database;
  /** Tests move time; everything else uses the system clock. */
  clock?: Clock;
  /** How often due jobs are looked for; tests shorten it. */
  jobPollingSeconds?: number;
  /** The built tab; by default dist/tab next to the compiled dist/src/main.js. */
  tabDir?: string;
  /** How Graph and Entra requests leave the process; tests hand in the fake Graph's fetch, which trusts its certificate. */
  graphFetch?: typeof fetch;
}

export async function startTandem(config: Config, options: StartOptions = {}): Promise<RunningTandem> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const database = options.database ?? (await openDatabase(config.database));
  const store = createStore(database.db);
  const tenants = createTenantService(store);
  const people = createPeopleService(store, tenants);
  const registration = createRegistrationService(store);
  const clock = options.clock ?? systemClock;
  const jobs = await startJobQueue(database, { logger, pollingIntervalSeconds: options.jobPollingSeconds });

  // The home tenant gets its default program at start, so registration works on day one.
  const homeTenant = config.bot.mode === 'anonymous' ? config.bot.localTenantId : config.bot.appTenantId;
  if (homeTenant) await tenants.ensureTenant(homeTenant);

  const adapter = new TeamsAdapter(
    config.bot.mode === 'anonymous'
      ? {}
      : {
          MicrosoftAppId: config.bot.appId,
          MicrosoftAppPassword: config.bot.appPassword,
          MicrosoftAppTenantId: config.bot.appTenantId,
          MicrosoftAppType: config.bot.appType,
        },
  );
  adapter.onTurnError = answerFailedTurn(logger);

  const botAppId = config.bot.mode === 'authenticated' ? config.bot.appId : '';
  const sender = createProactiveSender({
    adapter,
    appId: botAppId,
    store,
    logger,
    tenantRatePerSecond: config.proactive.tenantRatePerSecond,
  });
  const notifier = createMatchNotifier(sender);
  const graph = config.graph.enabled ? createGraphClient(config.graph, { fetch: options.graphFetch }) : undefined;
  const directory = graph ? graphDirectory((objectId) => managerChain(graph, objectId)) : questionnaireDirectory();
  const proposals = createProposalService({
    store,
    directory,
    notifier,
    scheduler: jobs,
    clock,
    // The first slot card goes to both people once the mentor accepts.
    onMatchAccepted: (tenantId, relationshipId) => scheduling.offerAfterMatch(tenantId, relationshipId),
  });
  const relationships = createRelationshipService({ store, proposals, notifier });
  const matchRuns = createMatchRunService({
    store,
    directory,
    proposals,
    clock,
    onRunFailed: (err, run) => logger.error({ err, runId: run.id }, 'matching run failed'),
  });
  const adminPairing = createAdminPairingService({ store, directory, proposals });
  const mentoring = {
    pairs: createMentoringPairService({ store, clock }),
    goals: createMentoringGoalService({ store }),
    agenda: createMentoringAgendaService({ store }),
  };
  const reminders = createReminderService({ store, scheduler: jobs, notifier: createReminderNotifier(sender), clock });
  const sessionRatings = createSessionRatingService({ store, scheduler: jobs, notifier: createRatingNotifier(sender), clock });
  const nudges = createNudgeService({ store, notifier: createNudgeNotifier(sender), clock });
  const scheduling = createSchedulingService({
    store,
    clock,
    scheduler: jobs,
    notifier: createSchedulingNotifier(sender),
    calendar: graph && config.graph.enabled ? graphCalendar(graph, { tenantId: config.graph.tenantId }) : undefined,
    // Reminders and the rating prompt follow every booked or moved session.
    followUps: {
      sessionBooked: async (session) => {
        await reminders.scheduleFor(session);
        await sessionRatings.schedulePrompt(session);
      },
    },
    logger,
  });

  // The queues are worked once every service exists: a job due while the app was down runs at once.
  await jobs.work('proposal-expiry', async (job) => {
    await proposals.expire(job);
  });
  // Several workers: each takes a batch of jobs and works it in order, and reminders
  // fall due together (every session on the hour), so one worker would trail the rate limits.
  for (let worker = 0; worker < REMINDER_WORKERS; worker++) {
    await jobs.work('session-reminder', async (job) => {
      await reminders.send(job);
    });
  }
  await jobs.work('rating-prompt', async (job) => {
    await sessionRatings.sendPrompt(job);
  });
  await jobs.work('next-session-offer', async (job) => {
    await scheduling.offerNextSession(job);
  });
  await jobs.work('attendance-check', async (job) => {
    await scheduling.checkAttendance(job);
  });
  await jobs.work('nudge-sweep', async () => {
    const report = await nudges.sweep();
    logger.info({ offered: report.offered.length, deferred: report.deferred.length, flagged: report.flagged.length }, 'nudge sweep');
  });
  // Every half hour, so each person's nudge lands early in their working day, whatever their zone.
  await jobs.every('nudge-sweep', '*/30 * * * *');

  const bot = createBot(adapter, {
    people,
    registration,
    proposals,
    relationships,
    sessionRatings,
    scheduling,
    botAppId,
    fallbackTenantId: config.bot.mode === 'anonymous' ? config.bot.localTenantId : undefined,
  });

  let draining = false;
  const server = createHttpServer({
    adapter,
    runTurn: async (context) => {
      await bot.run(context);
    },
    ping: database.ping,
    isDraining: () => draining,
    logger,
  });
  // Outside production, a development sign-in stands in for Teams SSO (the Playground has no Entra).
  const development = config.production ? null : createDevelopmentSignIn();
  const singleTenant =
    config.bot.mode === 'authenticated' && config.bot.appType !== 'MultiTenant' && config.bot.appTenantId;
  const authenticate = createAuthenticator({
    verifier: createTokenVerifier({
      ...config.auth,
      development: development ?? undefined,
      allowedTenants: singleTenant ? [singleTenant] : undefined,
    }),
    store,
    tenantAdmins: config.auth.tenantAdmins,
  });
  registerDevelopmentSignIn(server, { store, signIn: development, logger, defaultTenantId: homeTenant ?? PLAYGROUND_TENANT_ID });
  // Admin routes settle tenant admins by configuration or, when set, by the Entra group.
  const adminAuthenticate = createTenantAdmins({
    group:
      config.auth.tenantAdminGroup && graph && config.graph.enabled
        ? { groupId: config.auth.tenantAdminGroup, tenantId: config.graph.tenantId, graph }
        : undefined,
    logger,
    clock,
  }).authenticator(authenticate);
  registerMatchingRoutes(server, { authenticate: adminAuthenticate, store, matchRuns, adminPairing, logger });
  registerAdminProgramRoutes(server, { authenticate: adminAuthenticate, store, logger, programAdmin: createProgramAdminService({ store }) });
  registerAdminParticipantRoutes(server, {
    authenticate: adminAuthenticate,
    store,
    logger,
    participants: createParticipantService({ store, proposals, notifier }),
  });
  registerMyMentoringRoutes(server, { authenticate, store, logger, ...mentoring });
  registerAdminHealthRoutes(server, { authenticate: adminAuthenticate, store, logger, clock, nudges, programHealth: createProgramHealthService({ health: programHealthRepository(database.db), store, clock }) });
  registerAdminExportRoutes(server, { authenticate: adminAuthenticate, store, logger, programExports: createProgramExportService({ exports: programExportsRepository(database.db) }) });
  registerQuestionnairePreviewRoute(server, { authenticate: adminAuthenticate, store, logger });
  registerTab(server, { dir: options.tabDir ?? path.join(__dirname, '..', 'tab') });
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  logger.info({ port, database: database.kind, bot: config.bot.mode }, 'Tandem is listening');

  return {
    url,
    port,
    database,
    reminders,
    /**
     * Graceful shutdown: stop taking turns (readiness fails, new turns get a
     * 503 to retry elsewhere), let requests in flight finish, let running
     * jobs finish (pg-boss hands the rest to another instance or the next
     * start), then close the database.
     */
    async close() {
      draining = true;
      await new Promise<void>((resolve) => server.close(() => resolve()));
      // Matching runs working in the background finish before the database closes.
      await matchRuns.idle();
      await jobs.stop();
      if (!options.database) await database.close();
    },
  };
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  const tandem = await startTandem(config, { logger });
  const stop = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    await tandem.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

if (require.main === module) {
  main().catch((error) => {
    // A known start-up problem is a sentence for the operator, not a stack trace.
    console.error(error instanceof DataDirInUseError ? error.message : error);
    process.exit(1);
  });
}
