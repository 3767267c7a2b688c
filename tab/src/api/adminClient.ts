/**
 * The Programs tab's client for the admin API (/api/v1/admin, /api/v1/programs).
 * Like apiClient.ts, everything from the outside (base URL, fetch, token) is
 * passed in, so tests point it at a real server.
 */
import type { ApiClientOptions } from './apiClient';
import { ApiError } from './apiError';
import type {
  AdminMe,
  ExportKind,
  NewProgram,
  PairNudge,
  PairPreview,
  Pairing,
  Participant,
  ParticipantAction,
  ParticipantFilter,
  ParticipantProfile,
  Program,
  ProgramChanges,
  ProgramHealth,
  ProgramSummary,
  PublishOutcome,
  Objective,
  Questionnaire,
  QuestionnairePreview,
  RegistrationRole,
  RematchOutcome,
  Run,
  RunSummary,
} from './adminTypes';

/** A refusal that lists every problem (422 from a program or questionnaire write). */
export class ApiProblems extends ApiError {
  constructor(
    status: number,
    message: string,
    field: string | undefined,
    readonly problems: { field: string; reason: string }[],
  ) {
    super(status, message, field);
  }
}

export interface AdminClient {
  me(): Promise<AdminMe>;
  programs(): Promise<ProgramSummary[]>;
  program(programId: string): Promise<Program>;
  createProgram(program: NewProgram): Promise<Program>;
  updateProgram(programId: string, changes: ProgramChanges): Promise<Program>;
  saveQuestionnaire(
    programId: string,
    questionnaire: Questionnaire,
    options: { expectedUpdatedAt?: string; allowDroppingAnswers?: boolean },
  ): Promise<Program>;
  previewQuestionnaire(programId: string, questionnaire: Questionnaire, role: RegistrationRole): Promise<QuestionnairePreview>;
  openRegistration(programId: string): Promise<Program>;
  close(programId: string): Promise<Program>;

  participants(programId: string, filter: ParticipantFilter): Promise<{ total: number; participants: Participant[] }>;
  participant(programId: string, personId: string): Promise<ParticipantProfile>;
  participantAction(programId: string, personId: string, action: ParticipantAction): Promise<Participant>;
  rematch(programId: string, personId: string): Promise<RematchOutcome>;
  previewPairing(programId: string, menteePersonId: string, mentorPersonId: string): Promise<PairPreview>;
  pair(programId: string, menteePersonId: string, mentorPersonId: string, override?: boolean): Promise<Pairing>;

  startRun(programId: string, weights?: Record<string, number>): Promise<RunSummary>;
  runs(programId: string): Promise<RunSummary[]>;
  run(programId: string, runId: string): Promise<Run>;
  publish(programId: string, runId: string, objective: Objective): Promise<PublishOutcome>;

  health(programId: string, range: { from?: string; to?: string }): Promise<ProgramHealth>;
  resolveFlag(programId: string, flagId: string): Promise<{ alreadyResolved: boolean }>;
  /** Sends both people of an active pair the nudge card now (once a day each, never outside their working hours). */
  nudgePair(programId: string, relationshipId: string): Promise<PairNudge>;
  /** The CSV as the server sends it, for a download (a plain link would not carry the token). */
  exportCsv(programId: string, kind: ExportKind): Promise<{ blob: Blob; fileName: string }>;
}

export function createAdminClient(options: ApiClientOptions): AdminClient {
  const base = `${options.baseUrl.replace(/\/$/, '')}/api/v1`;

  async function send(method: string, path: string, body?: unknown, accept = 'application/json'): Promise<Response> {
    const headers: Record<string, string> = { accept };
    // Restify's body parser refuses a bodiless POST without a content type (415).
    if (method !== 'GET') headers['content-type'] = 'application/json';
    const token = await options.getToken();
    if (token) headers.authorization = `Bearer ${token}`;
    const response = await options.fetch(`${base}${path}`, {
      method,
      headers,
      body: body === undefined ? (method === 'GET' ? undefined : '{}') : JSON.stringify(body),
    });
    if (!response.ok) throw await refusal(response);
    return response;
  }

  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const text = await (await send(method, path, body)).text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  const id = encodeURIComponent;
  const program = (programId: string) => `/programs/${id(programId)}`;
  const query = (params: Record<string, string | number | boolean | undefined>) => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, String(value));
    const text = search.toString();
    return text ? `?${text}` : '';
  };

  return {
    me: () => call('GET', '/admin/me'),
    programs: async () => (await call<{ programs: ProgramSummary[] }>('GET', '/programs')).programs,
    program: (programId) => call('GET', program(programId)),
    createProgram: (body) => call('POST', '/programs', body),
    updateProgram: (programId, changes) => call('PATCH', program(programId), changes),
    saveQuestionnaire: (programId, questionnaire, opts) => call('PUT', `${program(programId)}/questionnaire`, { questionnaire, ...opts }),
    previewQuestionnaire: (programId, questionnaire, role) =>
      call('POST', `${program(programId)}/questionnaire/preview`, { questionnaire, role }),
    openRegistration: (programId) => call('POST', `${program(programId)}/open`),
    close: (programId) => call('POST', `${program(programId)}/close`),

    participants: (programId, filter) => call('GET', `${program(programId)}/participants${query({ ...filter })}`),
    participant: (programId, personId) => call('GET', `${program(programId)}/participants/${id(personId)}`),
    participantAction: async (programId, personId, action) =>
      (await call<{ participant: Participant }>('POST', `${program(programId)}/participants/${id(personId)}/${action}`)).participant,
    rematch: (programId, personId) => call('POST', `${program(programId)}/participants/${id(personId)}/rematch`),
    previewPairing: (programId, menteePersonId, mentorPersonId) =>
      call('POST', `${program(programId)}/pairings/preview`, { menteePersonId, mentorPersonId }),
    pair: (programId, menteePersonId, mentorPersonId, override) =>
      call('POST', `${program(programId)}/pairings`, { menteePersonId, mentorPersonId, ...(override ? { override } : {}) }),

    startRun: (programId, weights) => call('POST', `${program(programId)}/match-runs`, weights ? { weights } : {}),
    runs: async (programId) => (await call<{ runs: RunSummary[] }>('GET', `${program(programId)}/match-runs`)).runs,
    run: (programId, runId) => call('GET', `${program(programId)}/match-runs/${id(runId)}`),
    publish: (programId, runId, objective) => call('POST', `${program(programId)}/match-runs/${id(runId)}/publish`, { objective }),

    health: (programId, range) => call('GET', `${program(programId)}/health${query(range)}`),
    resolveFlag: (programId, flagId) => call('POST', `${program(programId)}/flags/${id(flagId)}/resolve`),
    nudgePair: (programId, relationshipId) => call('POST', `${program(programId)}/pairs/${id(relationshipId)}/nudge`),
    exportCsv: async (programId, kind) => {
      const response = await send('GET', `${program(programId)}/exports/${kind}.csv`, undefined, 'text/csv');
      const disposition = response.headers.get('content-disposition') ?? '';
      const fileName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? `${kind}.csv`;
      return { blob: await response.blob(), fileName };
    },
  };
}

async function refusal(response: Response): Promise<ApiError> {
  const text = await response.text();
  let parsed: { error?: unknown; field?: unknown; problems?: unknown } = {};
  try {
    parsed = text ? (JSON.parse(text) as typeof parsed) : {};
  } catch {
    // Not JSON (a proxy's page): the status alone says what happened.
  }
  const message = typeof parsed.error === 'string' ? parsed.error : `The request failed (HTTP ${response.status}).`;
  const field = typeof parsed.field === 'string' ? parsed.field : undefined;
  if (Array.isArray(parsed.problems)) {
    return new ApiProblems(response.status, message, field, parsed.problems as { field: string; reason: string }[]);
  }
  return new ApiError(response.status, message, field);
}
