/** Each admin route module adds only its own part when registered, so the document never lists a route the server lacks. */
import { riskReason } from './adminHealthSchemas';
import {
  adminOperation,
  arrayOf,
  conflict,
  dateTime,
  day,
  integer,
  notFound,
  nullable,
  object,
  ok,
  pathParameter,
  personIdParameter,
  problem,
  programIdParameter,
  queryParameter,
  ref,
  runIdParameter,
  string,
  unprocessable,
  uuid,
} from './builders';
import { type OpenApiDocument } from './types';

/** The admin API's paths, by the route module that registers them. */
export const adminPaths: Record<'programs' | 'questionnairePreview' | 'participants' | 'matching' | 'health' | 'exports', OpenApiDocument['paths']> = {
  programs: {
    '/admin/me': { get: adminOperation('getAdminMe', 'What the caller may administer: tenant admin (and how), and their programs. Anyone signed in may ask.', 'admin', ok('The caller as an admin.', ref('AdminMe'))) },
    '/programs': {
      get: adminOperation('listPrograms', 'The programs the caller administers (every one for tenant admins).', 'programs', ok('The programs.', object({ programs: arrayOf(ref('ProgramSummary')) }))),
      post: adminOperation('createProgram', 'Create a program (tenant admins). It starts as a draft; the questionnaire defaults to the standard one.', 'programs', { ...ok('The new program.', ref('Program'), '201'), ...unprocessable }, { body: 'NewProgram' }),
    },
    '/programs/{programId}': {
      get: adminOperation('getProgram', 'A program with its questionnaire and admins.', 'programs', ok('The program.', ref('Program')), { parameters: [programIdParameter] }),
      patch: adminOperation('updateProgram', 'Change settings or the admins; a cohort needs start and end, end after start.', 'programs', { ...ok('The program.', ref('Program')), ...unprocessable }, { parameters: [programIdParameter], body: 'ProgramChanges' }),
    },
    '/programs/{programId}/questionnaire': {
      put: adminOperation(
        'replaceQuestionnaire',
        'Replace the questionnaire with an edited one, after checking it. Answered questions are kept unless allowDroppingAnswers is set.',
        'programs',
        { ...ok('The program with its new questionnaire; answersDropped says what answers are no longer read.', ref('Program')), ...unprocessable, ...conflict('The program changed since expectedUpdatedAt.') },
        { parameters: [programIdParameter], body: 'QuestionnaireEdit' },
      ),
    },
    '/programs/{programId}/open': {
      post: adminOperation('openProgram', 'Open registration (from draft or closed). A repeat answers changed: false.', 'programs', { ...ok('The program.', ref('Program')), ...unprocessable }, { parameters: [programIdParameter] }),
    },
    '/programs/{programId}/close': {
      post: adminOperation('closeProgram', 'Close the program to registration and matching. A repeat answers changed: false.', 'programs', ok('The program.', ref('Program')), { parameters: [programIdParameter] }),
    },
    '/programs/{programId}/audit': {
      get: adminOperation(
        'listAudit',
        "What admins (and people) did in the program, newest first: who, what, when.",
        'programs',
        ok('A page of entries; nextBefore fetches the next page.', object({ entries: arrayOf(ref('AuditEntry')), nextBefore: nullable({ type: 'integer' }) })),
        {
          parameters: [
            programIdParameter,
            queryParameter('limit', 'Entries per page, 1 to 200 (50).', integer(1, 200)),
            queryParameter('before', 'Only entries older than this id (nextBefore).', integer(1)),
          ],
        },
      ),
    },
  },
  questionnairePreview: {
    '/programs/{programId}/questionnaire/preview': {
      post: adminOperation(
        'previewQuestionnaire',
        'The registration card an edited questionnaire would give people in a role, and the rules it still breaks (it renders anyway). Nothing is saved.',
        'programs',
        ok('The card and its problems.', ref('QuestionnairePreview')),
        { parameters: [programIdParameter], body: 'QuestionnairePreviewRequest' },
      ),
    },
  },
  participants: {
    '/programs/{programId}/participants': {
      get: adminOperation(
        'listParticipants',
        'Participants, by name, filtered.',
        'participants',
        ok('A page of participants.', object({ total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' }, participants: arrayOf(ref('Participant')) })),
        {
          parameters: [
            programIdParameter,
            queryParameter('role', 'Who acts as mentor (mentor or both) or as mentee (mentee or both).', { type: 'string', enum: ['mentor', 'mentee'] }),
            queryParameter('status', 'Enrollment status.', { type: 'string', enum: ['active', 'paused', 'withdrawn'] }),
            queryParameter('matched', 'Matched in the filtered role (a mentee with a mentor, a mentor with a mentee); without role, in either.', { type: 'string', enum: ['true', 'false'] }),
            queryParameter('q', 'Part of the name, ignoring case and accents.', string({ maxLength: 100 })),
            queryParameter('limit', '1 to 200 (50).', integer(1, 200)),
            queryParameter('offset', 'From 0.', integer(0)),
          ],
        },
      ),
    },
    '/programs/{programId}/participants/{personId}': {
      get: adminOperation('getParticipant', 'A participant: answers with their questions, current match, proposals, sessions, ratings, open flags.', 'participants', { ...ok('The profile.', ref('ParticipantProfile')), ...notFound('participant') }, { parameters: [programIdParameter, personIdParameter] }),
    },
    ...Object.fromEntries(
      (
        [
          ['pause', 'Pause: not offered to anyone until resumed; proposals waiting on them are closed.'],
          ['resume', 'Resume a paused participant.'],
          ['withdraw', 'Withdraw from the program; proposals waiting on them are closed. They can register again from chat.'],
        ] as const
      ).map(([action, summary]) => [
        `/programs/{programId}/participants/{personId}/${action}`,
        {
          post: adminOperation(`${action}Participant`, `${summary} A repeat answers changed: false.`, 'participants', { ...ok('The participant.', ref('ParticipantChange')), ...notFound('participant'), ...conflict('Not possible from their status (a withdrawn person cannot be paused).') }, { parameters: [programIdParameter, personIdParameter] }),
        },
      ]),
    ),
    '/programs/{programId}/participants/{personId}/rematch': {
      post: adminOperation(
        'rematchParticipant',
        "End the mentee's current relationship and propose the next best mentor they have not had. A repeat finds the proposal waiting and changes nothing.",
        'participants',
        { ...ok('What was ended and proposed.', ref('Rematch')), ...notFound('participant'), ...conflict('Not an active mentee, or the program is not open.') },
        { parameters: [programIdParameter, personIdParameter] },
      ),
    },
  },
  matching: {
    '/programs/{programId}/match-runs': {
      post: adminOperation(
        'startMatchRun',
        'Score and solve the pool in the background. 201 with the finished run when it is done within a few seconds; otherwise (or with Prefer: respond-async) 202 with the run running and a Location to follow.',
        'matching',
        { ...ok('The finished run.', ref('Run'), '201'), ...ok('The run, still running.', ref('RunSummary'), '202'), ...unprocessable },
        { parameters: [programIdParameter], body: 'StartRun' },
      ),
      get: adminOperation('listMatchRuns', 'The latest runs, newest first.', 'matching', ok('The runs.', object({ runs: arrayOf(ref('RunSummary')) })), { parameters: [programIdParameter] }),
    },
    '/programs/{programId}/match-runs/{runId}': {
      get: adminOperation('getMatchRun', 'A run: progress while running; then the objectives side by side, the pairs with reasons, and who is unmatched and why.', 'matching', { ...ok('The run.', ref('Run')), ...notFound('run') }, { parameters: [programIdParameter, runIdParameter] }),
    },
    '/programs/{programId}/match-runs/{runId}/publish': {
      post: adminOperation('publishMatchRun', "Propose every pair of one objective's draft to its mentor, once.", 'matching', { ...ok('What was proposed and skipped.', ref('Published')), ...notFound('run'), ...conflict('Already published, still running, or failed.') }, { parameters: [programIdParameter, runIdParameter], body: 'Publish' }),
    },
    '/programs/{programId}/pairings/preview': {
      post: adminOperation('previewPairing', "A pair's score and reasons, or why the rules exclude it.", 'matching', { ...ok('The preview.', ref('PairingPreview')), '422': problem('One of the two is not in the pool (matched, waiting, inactive).') }, { parameters: [programIdParameter], body: 'PairingPreviewRequest' }),
    },
    '/programs/{programId}/pairings': {
      post: adminOperation('createPairing', 'Propose a pair by hand; an excluded pair needs override (never for the same person or an inactive enrollment).', 'matching', { ...ok('The proposal sent to the mentor.', ref('Proposed'), '201'), '422': problem('Excluded by the rules (with exclusions), or not in the pool.') }, { parameters: [programIdParameter], body: 'Pairing' }),
    },
  },
  health: {
    '/programs/{programId}/health': {
      get: adminOperation(
        'getProgramHealth',
        "Program health for a date range: registrations, match rate, time to match, proposals, pairs, sessions, attendance, ratings, goals, mentor load, pairs at risk with actions, and weekly and monthly series. Each figure's definition is in src/domain/programHealth.ts. Answers may be up to a minute old (generatedAt).",
        'health',
        { ...ok('The figures.', ref('ProgramHealth')), '400': problem('from or to is not a date (YYYY-MM-DD), from is after to, the range is longer than three years, or an unknown parameter: `field` names it.') },
        {
          parameters: [
            programIdParameter,
            queryParameter('from', 'First day, inclusive (UTC). Default: 26 weeks before to.', day),
            queryParameter('to', 'Last day, inclusive (UTC). Default: today.', day),
          ],
        },
      ),
    },
    '/programs/{programId}/flags/{flagId}/resolve': {
      post: adminOperation(
        'resolvePairFlag',
        'Mark a pair flag as looked at (audited). A repeat answers alreadyResolved: true and records nothing.',
        'health',
        { ...ok('The flag.', object({ flag: object({ id: uuid, relationshipId: uuid, reason: riskReason, resolvedAt: dateTime }), alreadyResolved: { type: 'boolean' } })), ...notFound('flag') },
        { parameters: [programIdParameter, pathParameter('flagId', "The flag's id.")] },
      ),
    },
    '/programs/{programId}/pairs/{relationshipId}/nudge': {
      post: adminOperation(
        'nudgePair',
        'Send both people of an active pair the nudge card now (audited). Once a day per person: a repeat answers already-sent. Someone outside their working hours is not sent it; the answer says from when they can be.',
        'health',
        {
          ...ok('What happened for each person.', ref('PairNudge')),
          ...notFound('pair'),
          ...conflict('The pair is not active, or has a session booked (nothing to nudge them about).'),
        },
        { parameters: [programIdParameter, pathParameter('relationshipId', "The pair's (relationship's) id.")] },
      ),
    },
  },
  exports: Object.fromEntries(
    (
      [
        ['participants', 'Participants: registration, status, capacity, current match and their questionnaire answers (sensitive answers never).'],
        ['pairs', 'Pairs: people, status, stage, dates, sessions held, missed and cancelled, average rating, goals, open flags.'],
        ['sessions', "Sessions: pair, times, status, each person's calendar response, ratings."],
        ['ratings', 'Ratings: session, rater, score, whether it took place, and the comment (hidden from an admin who is the other person of that pair, unless shared).'],
      ] as const
    ).map(([table, summary]) => [
      `/programs/{programId}/exports/${table}.csv`,
      {
        get: adminOperation(
          `export${table[0]!.toUpperCase()}${table.slice(1)}`,
          `${summary} CSV (RFC 4180, UTF-8 with BOM, a header row; cells that a spreadsheet would run as a formula start with an apostrophe), as an attachment. Audited.`,
          'exports',
          { '200': { description: 'The CSV file.', content: { 'text/csv': { schema: string() } } } },
          { parameters: [programIdParameter] },
        ),
      },
    ]),
  ),
};
