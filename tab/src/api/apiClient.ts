/**
 * The tab's client for /api/v1. Everything it needs from the outside (the
 * base URL, fetch, the token) is passed in, so tests point it at a real
 * server started in the test.
 */
import { ApiError } from './apiError';
import type { AgendaItem, DevPerson, Goal, GoalChanges, Me, Milestone, NewGoal, PairView, Relationship, Stage } from './types';

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export interface ApiClientOptions {
  /** Where the app is, e.g. `''` for the same origin or `http://127.0.0.1:3978`. */
  baseUrl: string;
  fetch: Fetch;
  getToken: () => string | null | Promise<string | null>;
}

export interface ApiClient {
  me(): Promise<Me>;
  relationships(): Promise<Relationship[]>;
  pairView(relationshipId: string): Promise<PairView>;
  setStage(relationshipId: string, stage: Stage): Promise<Relationship>;
  createGoal(relationshipId: string, goal: NewGoal): Promise<Goal>;
  updateGoal(goalId: string, changes: GoalChanges): Promise<Goal>;
  completeGoal(goalId: string): Promise<Goal>;
  deleteGoal(goalId: string): Promise<void>;
  addMilestone(goalId: string, title: string, dueOn: string | null): Promise<Milestone>;
  updateMilestone(milestoneId: string, changes: { title?: string; dueOn?: string | null; done?: boolean }): Promise<Milestone>;
  deleteMilestone(milestoneId: string): Promise<void>;
  addAgendaItem(sessionId: string, text: string): Promise<AgendaItem>;
  updateAgendaItem(itemId: string, changes: { text?: string; done?: boolean }): Promise<AgendaItem>;
  deleteAgendaItem(itemId: string): Promise<void>;
  reorderAgenda(sessionId: string, ids: string[]): Promise<AgendaItem[]>;
  devPeople(): Promise<{ tenantId: string; people: DevPerson[] }>;
  devSignIn(personId: string, tenantId: string): Promise<{ token: string; person: DevPerson }>;
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  const base = `${options.baseUrl.replace(/\/$/, '')}/api/v1`;

  async function call<T>(method: string, path: string, body?: unknown, signedIn = true): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    // Restify's body parser refuses a bodiless DELETE or POST without a content type (415).
    if (method !== 'GET') headers['content-type'] = 'application/json';
    if (signedIn) {
      const token = await options.getToken();
      if (token) headers.authorization = `Bearer ${token}`;
    }
    const response = await options.fetch(`${base}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const parsed: unknown = text ? safeJson(text) : undefined;
    if (!response.ok) {
      const problem = (parsed ?? {}) as { error?: unknown; field?: unknown };
      throw new ApiError(
        response.status,
        typeof problem.error === 'string' ? problem.error : `The request failed (HTTP ${response.status}).`,
        typeof problem.field === 'string' ? problem.field : undefined,
      );
    }
    return parsed as T;
  }

  const id = encodeURIComponent;
  return {
    me: () => call('GET', '/me'),
    relationships: async () => (await call<{ relationships: Relationship[] }>('GET', '/relationships')).relationships,
    pairView: (relationshipId) => call('GET', `/relationships/${id(relationshipId)}`),
    setStage: (relationshipId, stage) => call('PUT', `/relationships/${id(relationshipId)}/stage`, { stage }),
    createGoal: (relationshipId, goal) => call('POST', `/relationships/${id(relationshipId)}/goals`, goal),
    updateGoal: (goalId, changes) => call('PATCH', `/goals/${id(goalId)}`, changes),
    completeGoal: (goalId) => call('POST', `/goals/${id(goalId)}/complete`),
    deleteGoal: (goalId) => call('DELETE', `/goals/${id(goalId)}`),
    addMilestone: (goalId, title, dueOn) => call('POST', `/goals/${id(goalId)}/milestones`, { title, dueOn }),
    updateMilestone: (milestoneId, changes) => call('PATCH', `/milestones/${id(milestoneId)}`, changes),
    deleteMilestone: (milestoneId) => call('DELETE', `/milestones/${id(milestoneId)}`),
    addAgendaItem: (sessionId, text) => call('POST', `/sessions/${id(sessionId)}/agenda`, { text }),
    updateAgendaItem: (itemId, changes) => call('PATCH', `/agenda/${id(itemId)}`, changes),
    deleteAgendaItem: (itemId) => call('DELETE', `/agenda/${id(itemId)}`),
    reorderAgenda: async (sessionId, ids) =>
      (await call<{ agenda: AgendaItem[] }>('PUT', `/sessions/${id(sessionId)}/agenda/order`, { ids })).agenda,
    devPeople: () => call('GET', '/dev/people', undefined, false),
    devSignIn: (personId, tenantId) => call('POST', '/dev/sign-in', { personId, tenantId }, false),
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
