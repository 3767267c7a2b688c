/**
 * A stand-in for Entra's token service and Microsoft Graph, the outside edges
 * the app calls with its own credentials. It speaks HTTPS with a certificate
 * made for each test process (msal refuses authorities that are not https,
 * and the Graph client sends tokens only over https), answers with the shapes
 * and errors Entra and Graph document, and records every request.
 *
 * `fake.fetch` is the only way in: a fetch that trusts this fake's certificate
 * and nothing else. Hand it to `createGraphClient(fake.settings, { fetch })`.
 *
 * New Graph resources are added as entries in `graphRoutes` below.
 *
 * Calendars: each user has a calendar of busy times a test adds
 * (`addBusy`) plus the events the app creates, which show as busy for the
 * organiser and (unless declined) for each attendee, as Exchange does. Working
 * hours default to Monday–Friday 08:00–17:00 "Pacific Standard Time", the
 * shape and Windows zone name getSchedule really returns, so the app's zone
 * mapping is exercised by default. Only UTC is accepted in request times and
 * the Prefer header: Tandem sends nothing else, and a fake that half-converted
 * zones would hide mistakes rather than find them.
 */
import { execFileSync } from 'node:child_process';
import { constants, createHash, randomBytes, randomUUID, verify as cryptoVerify, X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import https from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type {
  Attendee,
  DateTimeTimeZone,
  DirectoryObject,
  Event,
  FreeBusyStatus,
  ResponseType,
  ScheduleInformation,
  ScheduleItem,
  User,
  WorkingHours,
} from '@microsoft/microsoft-graph-types';

export interface FakeGraphSettings {
  baseUrl: string;
  authorityHost: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
}

export interface RecordedRequest {
  /** `login` for Entra (metadata, token), `graph` for Graph. */
  service: 'login' | 'graph';
  method: string;
  /** For Graph, the path under the version segment (`/users/u1/manager`); for Entra, the full path. */
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  body: string;
  status: number;
}

export interface InjectedFailure {
  status: number;
  /** The request is carried out, then answered with this failure instead of its result. */
  afterHandling?: boolean;
  retryAfterSeconds?: number;
  /** Graph's error code; defaults to the one Graph uses for the status. */
  code?: string;
  message?: string;
}

export interface FakeGraph {
  settings: FakeGraphSettings;
  /** A fetch that trusts this fake's self-signed certificate. */
  fetch: typeof fetch;
  requests: RecordedRequest[];
  /** Puts both people in the directory; `manager: null` removes the user's manager. */
  setManager(userId: string, managerId: string | null): void;
  addUser(user: User & { id: string }): void;
  /**
   * The next authenticated Graph request to `path` (no query, e.g. `/users/u1/manager`; encoded or not) fails this
   * way. Queue several by calling again. With `afterHandling`, the request takes effect and only the answer is lost,
   * as when a gateway times out after the mailbox did the work.
   */
  failNext(path: string, failure: InjectedFailure): void;
  /** Puts a busy time in the user's calendar (by id, mail or UPN; the user must exist). */
  addBusy(user: string, start: Date | string, end: Date | string, status?: FreeBusyStatus, subject?: string): void;
  /**
   * getSchedule answers for this user with the availabilityView and an empty scheduleItems, as for a mailbox that
   * shares nothing but its availability (one in another organisation, through federated free/busy).
   */
  shareAvailabilityOnly(user: string): void;
  /** The working hours getSchedule returns for the user; null returns none. */
  setWorkingHours(user: string, hours: WorkingHours | null): void;
  /** An attendee answers the invitation (by their address, any case). */
  respond(eventId: string, address: string, response: ResponseType): void;
  /** An event the app created, as Graph stores it; undefined when unknown or deleted. */
  event(eventId: string): StoredEvent | undefined;
  /** Every event the app created, in order. */
  events(): StoredEvent[];
  /** The organiser deletes the event in Outlook: Graph then answers 404 for it. */
  deleteEvent(eventId: string): void;
  /** Every token issued so far stops working: Graph answers 401 InvalidAuthenticationToken until a new one is used. */
  expireTokens(): void;
  tokenRequests(): RecordedRequest[];
  graphRequests(): RecordedRequest[];
  close(): Promise<void>;
}

/** An event in its organiser's calendar. */
export type StoredEvent = Event & { id: string; attendees: Attendee[]; start: DateTimeTimeZone; end: DateTimeTimeZone };

interface CalendarItem {
  status: FreeBusyStatus;
  start: number;
  end: number;
  subject: string;
}

interface FakeState {
  origin: string;
  settings: FakeGraphSettings;
  users: Map<string, User & { id: string }>;
  managers: Map<string, string>;
  /** Busy times tests put in, by user id. */
  calendars: Map<string, CalendarItem[]>;
  /** Users whose getSchedule answer has no items, only the view. */
  availabilityOnly: Set<string>;
  /** Working hours set by tests, by user id (null: none). */
  workingHours: Map<string, WorkingHours | null>;
  events: Map<string, { organizerId: string; event: StoredEvent; deleted: boolean }>;
  tokens: Map<string, { expiresAt: number }>;
  failures: Map<string, InjectedFailure[]>;
  /** The certificate registered on the app, when it signs in with one instead of a secret. */
  appCertificate?: X509Certificate;
}

interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
}

interface FakeResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

interface GraphRoute {
  method: string;
  pattern: RegExp;
  handle(state: FakeState, request: FakeRequest, params: string[]): FakeResponse;
}

const TOKEN_LIFETIME_SECONDS = 3599;

export async function startFakeGraph(
  options: { tenantId?: string; clientId?: string; clientSecret?: string; appCertificatePem?: string } = {},
): Promise<FakeGraph> {
  const certificate = selfSignedCertificate();
  const requests: RecordedRequest[] = [];
  const state: FakeState = {
    origin: '',
    settings: {
      baseUrl: '',
      authorityHost: '',
      tenantId: options.tenantId ?? randomUUID(),
      clientId: options.clientId ?? randomUUID(),
      clientSecret: options.clientSecret ?? `secret~${randomBytes(18).toString('base64url')}`,
    },
    users: new Map(),
    managers: new Map(),
    calendars: new Map(),
    availabilityOnly: new Set(),
    workingHours: new Map(),
    events: new Map(),
    tokens: new Map(),
    failures: new Map(),
    appCertificate: options.appCertificatePem ? new X509Certificate(options.appCertificatePem) : undefined,
  };

  const server = https.createServer({ key: certificate.key, cert: certificate.cert }, (req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (raw += chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', state.origin);
      const request: FakeRequest = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, body: raw };
      const isGraph = url.pathname.startsWith('/v1.0/');
      const response = isGraph ? answerGraph(state, { ...request, path: url.pathname.slice('/v1.0'.length) }) : answerLogin(state, request);
      requests.push({
        service: isGraph ? 'graph' : 'login',
        method: request.method,
        path: isGraph ? url.pathname.slice('/v1.0'.length) : url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: req.headers,
        body: raw,
        status: response.status,
      });
      const json = response.body === undefined ? '' : JSON.stringify(response.body);
      res.writeHead(response.status, {
        ...(json ? { 'content-type': isGraph ? 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8' : 'application/json; charset=utf-8' } : {}),
        ...(isGraph ? { 'request-id': randomUUID(), 'client-request-id': String(req.headers['client-request-id'] ?? randomUUID()) } : {}),
        ...response.headers,
      });
      res.end(json);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  state.origin = `https://127.0.0.1:${port}`;
  state.settings.authorityHost = state.origin;
  state.settings.baseUrl = `${state.origin}/v1.0`;

  const knowUser = (id: string) => {
    if (!state.users.has(id)) state.users.set(id, { id });
  };

  return {
    settings: state.settings,
    fetch: fetchTrusting(certificate.cert),
    requests,
    setManager(userId, managerId) {
      knowUser(userId);
      if (managerId === null) {
        state.managers.delete(userId);
        return;
      }
      knowUser(managerId);
      state.managers.set(userId, managerId);
    },
    addUser(user) {
      state.users.set(user.id, { ...state.users.get(user.id), ...user });
    },
    failNext(graphPath, failure) {
      const key = decodeURIComponent(graphPath);
      const queue = state.failures.get(key) ?? [];
      queue.push(failure);
      state.failures.set(key, queue);
    },
    addBusy(user, start, end, status = 'busy', subject = 'Busy') {
      const owner = existingUser(state, user);
      const items = state.calendars.get(owner.id) ?? [];
      items.push({ status, start: new Date(start).getTime(), end: new Date(end).getTime(), subject });
      state.calendars.set(owner.id, items);
    },
    shareAvailabilityOnly(user) {
      state.availabilityOnly.add(existingUser(state, user).id);
    },
    setWorkingHours(user, hours) {
      state.workingHours.set(existingUser(state, user).id, hours);
    },
    respond(eventId, address, response) {
      const stored = state.events.get(eventId);
      const attendee = stored?.event.attendees.find((a) => a.emailAddress?.address?.toLowerCase() === address.toLowerCase());
      if (!stored || !attendee) throw new Error(`fakeGraph: ${address} is not invited to event ${eventId}`);
      attendee.status = { response, time: new Date().toISOString() };
    },
    event: (eventId) => {
      const stored = state.events.get(eventId);
      return stored && !stored.deleted ? stored.event : undefined;
    },
    events: () => [...state.events.values()].filter((e) => !e.deleted).map((e) => e.event),
    deleteEvent(eventId) {
      const stored = state.events.get(eventId);
      if (stored) stored.deleted = true;
    },
    expireTokens() {
      for (const issued of state.tokens.values()) issued.expiresAt = 0;
    },
    tokenRequests: () => requests.filter((r) => r.service === 'login' && r.path.endsWith('/oauth2/v2.0/token')),
    graphRequests: () => requests.filter((r) => r.service === 'graph'),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

// ---------------------------------------------------------------- Entra

function answerLogin(state: FakeState, request: FakeRequest): FakeResponse {
  const metadata = /^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/.exec(request.path);
  if (metadata && request.method === 'GET') return openIdConfiguration(state, decodeURIComponent(metadata[1]!));
  const token = /^\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(request.path);
  if (token && request.method === 'POST') return tokenResponse(state, decodeURIComponent(token[1]!), new URLSearchParams(request.body));
  return { status: 404, body: { error: 'not_found', error_description: `No route for ${request.method} ${request.path}` } };
}

function openIdConfiguration(state: FakeState, tenant: string): FakeResponse {
  if (tenant !== state.settings.tenantId) {
    return aadError(400, 'invalid_tenant', 90002, `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`);
  }
  const base = `${state.origin}/${tenant}`;
  return {
    status: 200,
    body: {
      token_endpoint: `${base}/oauth2/v2.0/token`,
      token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
      jwks_uri: `${state.origin}/${tenant}/discovery/v2.0/keys`,
      response_modes_supported: ['query', 'fragment', 'form_post'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      issuer: `${base}/v2.0`,
      request_uri_parameter_supported: false,
      userinfo_endpoint: 'https://graph.microsoft.com/oidc/userinfo',
      authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
      device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
      http_logout_supported: true,
      frontchannel_logout_supported: true,
      end_session_endpoint: `${base}/oauth2/v2.0/logout`,
      claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'auth_time', 'acr', 'nonce', 'tid', 'ver', 'oid'],
      tenant_region_scope: 'EU',
      cloud_instance_name: 'microsoftonline.com',
      cloud_graph_host_name: 'graph.windows.net',
      msgraph_host: 'graph.microsoft.com',
      rbac_url: 'https://pas.windows.net',
    },
  };
}

function tokenResponse(state: FakeState, tenant: string, form: URLSearchParams): FakeResponse {
  if (tenant !== state.settings.tenantId) {
    return aadError(400, 'invalid_request', 90002, `Tenant '${tenant}' not found.`);
  }
  const grant = form.get('grant_type');
  if (grant !== 'client_credentials' && grant !== 'urn:ietf:params:oauth:grant-type:jwt-bearer') {
    return aadError(400, 'unsupported_grant_type', 70003, 'The app requested an unsupported grant type.');
  }
  if (form.get('client_id') !== state.settings.clientId) {
    return aadError(400, 'unauthorized_client', 700016, `Application with identifier '${form.get('client_id')}' was not found in the directory '${tenant}'.`);
  }
  const assertion = form.get('client_assertion');
  if (assertion !== null) {
    const problem = clientAssertionProblem(state, tenant, form.get('client_assertion_type'), assertion);
    if (problem) return aadError(401, 'invalid_client', 700027, problem);
  } else if (form.get('client_secret') !== state.settings.clientSecret) {
    return aadError(401, 'invalid_client', 7000215, `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${state.settings.clientId}'.`);
  }
  const scopes = (form.get('scope') ?? '').split(' ').filter(Boolean);
  if (grant !== 'client_credentials') return onBehalfOfResponse(state, form, scopes);
  if (!scopes.includes('https://graph.microsoft.com/.default')) {
    return aadError(400, 'invalid_scope', 1002012, `The provided value for scope ${form.get('scope')} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`);
  }
  const now = Math.floor(Date.now() / 1000);
  const accessToken = appAccessToken(state, now);
  state.tokens.set(accessToken, { expiresAt: (now + TOKEN_LIFETIME_SECONDS) * 1000 });
  return {
    status: 200,
    body: { token_type: 'Bearer', expires_in: TOKEN_LIFETIME_SECONDS, ext_expires_in: TOKEN_LIFETIME_SECONDS, access_token: accessToken },
  };
}

/**
 * The on-behalf-of exchange: Entra checks the incoming token (the Teams SSO
 * token) is current and was issued to this app, then returns a delegated
 * Graph token for the same person. Its signature is not checked here: the
 * app's own verifier (src/auth/tokens.ts) has done that before any exchange.
 */
function onBehalfOfResponse(state: FakeState, form: URLSearchParams, scopes: string[]): FakeResponse {
  if (form.get('requested_token_use') !== 'on_behalf_of') {
    return aadError(400, 'invalid_request', 900144, "The request body must contain the following parameter: 'requested_token_use'.");
  }
  let claims: { aud?: string; exp?: number; oid?: string; tid?: string; name?: string };
  try {
    claims = JSON.parse(Buffer.from((form.get('assertion') ?? '').split('.')[1] ?? '', 'base64url').toString('utf8'));
  } catch {
    return aadError(400, 'invalid_request', 50027, 'JWT token is invalid or malformed.');
  }
  const now = Math.floor(Date.now() / 1000);
  if (!claims.exp || claims.exp <= now) {
    return aadError(400, 'invalid_grant', 500133, 'Assertion is not within its valid time range.');
  }
  const audienceOk = claims.aud === state.settings.clientId || claims.aud?.endsWith(`/${state.settings.clientId}`);
  if (!audienceOk || claims.tid !== state.settings.tenantId || !claims.oid) {
    return aadError(400, 'invalid_grant', 50013, 'Assertion failed signature validation or was issued for another application.');
  }
  if (!scopes.some((scope) => scope.startsWith('https://graph.microsoft.com/'))) {
    return aadError(400, 'invalid_scope', 70011, `The provided value for the input parameter 'scope' is not valid.`);
  }
  const accessToken = graphAccessToken(state, now, {
    idtyp: 'user',
    oid: claims.oid,
    name: claims.name,
    scp: 'Calendars.ReadWrite User.Read',
  });
  state.tokens.set(accessToken, { expiresAt: (now + TOKEN_LIFETIME_SECONDS) * 1000 });
  return {
    status: 200,
    body: {
      token_type: 'Bearer',
      // Entra answers with the scopes it granted for the ones asked.
      scope: scopes.filter((scope) => scope.startsWith('https://graph.microsoft.com/')).join(' '),
      expires_in: TOKEN_LIFETIME_SECONDS,
      ext_expires_in: TOKEN_LIFETIME_SECONDS,
      access_token: accessToken,
    },
  };
}

/** Shaped like Entra's v1 Graph tokens; the signature is random because nothing here verifies it. */
function graphAccessToken(state: FakeState, now: number, claims: Record<string, unknown>): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ typ: 'JWT', alg: 'RS256', kid: 'fake-graph-key' })}.${part({
    aud: 'https://graph.microsoft.com',
    iss: `https://sts.windows.net/${state.settings.tenantId}/`,
    iat: now,
    nbf: now,
    exp: now + TOKEN_LIFETIME_SECONDS,
    appid: state.settings.clientId,
    tid: state.settings.tenantId,
    uti: randomBytes(16).toString('base64url'),
    ver: '1.0',
    ...claims,
  })}.${randomBytes(64).toString('base64url')}`;
}

function appAccessToken(state: FakeState, now: number): string {
  return graphAccessToken(state, now, {
    idtyp: 'app',
    oid: randomUUID(),
    roles: ['User.Read.All', 'Calendars.ReadWrite', 'OnlineMeetings.ReadWrite.All'],
    sub: randomUUID(),
  });
}

/**
 * Certificate sign-in: the app sends a JWT signed with its private key, naming
 * the certificate by its SHA-256 thumbprint; Entra checks it against the
 * certificate registered on the app. Answers the problem, or undefined.
 */
function clientAssertionProblem(state: FakeState, tenant: string, type: string | null, assertion: string): string | undefined {
  if (type !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer') return 'Unsupported client assertion type.';
  const certificate = state.appCertificate;
  if (!certificate) return 'The app has no certificate registered.';
  const [headerPart, claimsPart, signaturePart] = assertion.split('.');
  if (!headerPart || !claimsPart || !signaturePart) return 'Client assertion is not a JWT.';
  const header = JSON.parse(Buffer.from(headerPart, 'base64url').toString('utf8')) as Record<string, string>;
  const claims = JSON.parse(Buffer.from(claimsPart, 'base64url').toString('utf8')) as Record<string, unknown>;
  const thumbprint = createHash('sha256').update(certificate.raw).digest('base64url');
  if (header['x5t#S256'] !== thumbprint) return 'Client assertion contains an invalid signature: the certificate is not registered on the app.';
  const signed = Buffer.from(`${headerPart}.${claimsPart}`);
  const signature = Buffer.from(signaturePart, 'base64url');
  const key = certificate.publicKey;
  const valid =
    header.alg === 'PS256'
      ? cryptoVerify('sha256', signed, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }, signature)
      : header.alg === 'RS256' && cryptoVerify('sha256', signed, key, signature);
  if (!valid) return 'Client assertion contains an invalid signature.';
  const audience = `${state.settings.authorityHost}/${tenant}/oauth2/v2.0/token`;
  if (claims.aud !== audience) return `Client assertion audience claim does not match. Expected: '${audience}'.`;
  if (claims.iss !== state.settings.clientId || claims.sub !== state.settings.clientId) return 'Client assertion issuer or subject is not the app.';
  if (typeof claims.exp !== 'number' || claims.exp * 1000 < Date.now()) return 'Client assertion has expired.';
  return undefined;
}

function aadError(status: number, error: string, code: number, description: string): FakeResponse {
  const traceId = randomUUID();
  const correlationId = randomUUID();
  const timestamp = new Date().toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
  return {
    status,
    body: {
      error,
      error_description: `AADSTS${code}: ${description} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
      error_codes: [code],
      timestamp,
      trace_id: traceId,
      correlation_id: correlationId,
      error_uri: `https://login.microsoftonline.com/error?code=${code}`,
    },
  };
}

// ---------------------------------------------------------------- Graph

const graphRoutes: GraphRoute[] = [
  {
    method: 'GET',
    pattern: /^\/users\/([^/]+)\/manager$/,
    handle(state, request, [userId]) {
      const user = findUser(state, userId!);
      if (!user) return resourceNotFound(userId!);
      const managerId = state.managers.get(user.id);
      const manager = managerId === undefined ? undefined : state.users.get(managerId);
      if (!manager) return resourceNotFound('manager');
      const directoryObject: DirectoryObject & { '@odata.type': string } = { '@odata.type': '#microsoft.graph.user', ...manager };
      return { status: 200, body: { '@odata.context': `${state.settings.baseUrl}/$metadata#directoryObjects/$entity`, ...selected(directoryObject, request.query) } };
    },
  },
  {
    method: 'GET',
    pattern: /^\/users\/([^/]+)$/,
    handle(state, request, [userId]) {
      const user = findUser(state, userId!);
      if (!user) return resourceNotFound(userId!);
      const select = request.query.get('$select');
      const context = `${state.settings.baseUrl}/$metadata#users${select ? `(${select})` : ''}/$entity`;
      return { status: 200, body: { '@odata.context': context, ...selected(user, request.query) } };
    },
  },
  {
    method: 'POST',
    pattern: /^\/users\/([^/]+)\/calendar\/getSchedule$/,
    handle: getSchedule,
  },
  {
    method: 'POST',
    pattern: /^\/users\/([^/]+)\/events$/,
    handle: createEvent,
  },
  {
    method: 'GET',
    pattern: /^\/users\/([^/]+)\/events\/([^/]+)$/,
    handle(state, request, [userId, eventId]) {
      const found = organizersEvent(state, userId!, eventId!);
      if ('status' in found) return found;
      return { status: 200, body: eventBody(state, found.event, request.query) };
    },
  },
  {
    method: 'PATCH',
    pattern: /^\/users\/([^/]+)\/events\/([^/]+)$/,
    handle: updateEvent,
  },
  {
    method: 'POST',
    pattern: /^\/users\/([^/]+)\/events\/([^/]+)\/cancel$/,
    handle(state, request, [userId, eventId]) {
      const found = organizersEvent(state, userId!, eventId!);
      if ('status' in found) return found;
      const body = jsonBody(request);
      if (body instanceof Error) return badJson();
      if (body.comment !== undefined && typeof body.comment !== 'string') {
        return graphError(400, 'ErrorInvalidRequest', "The value of the 'Comment' parameter is not valid.");
      }
      // Cancelling sends the attendees a cancellation and moves the event to
      // Deleted Items, where it can still be read by id with isCancelled set.
      found.event.isCancelled = true;
      found.event.lastModifiedDateTime = new Date().toISOString();
      return { status: 202 };
    },
  },
  {
    // Group membership: `addUser({ id, memberOf: [{ id: groupId }] })` puts a user in a group.
    method: 'POST',
    pattern: /^\/users\/([^/]+)\/checkMemberGroups$/,
    handle(state, request, [userId]) {
      const user = findUser(state, userId!);
      if (!user) return resourceNotFound(userId!);
      const body = jsonBody(request);
      if (body instanceof Error) return badJson();
      const groupIds = body.groupIds;
      if (!Array.isArray(groupIds) || groupIds.length === 0 || groupIds.length > 20 || !groupIds.every((id) => typeof id === 'string')) {
        return graphError(400, 'Request_BadRequest', "Invalid value specified for property 'groupIds': between 1 and 20 group ids.");
      }
      const memberOf = new Set((user.memberOf ?? []).map((group) => group.id?.toLowerCase()));
      const value = (groupIds as string[]).filter((id) => memberOf.has(id.toLowerCase()));
      return { status: 200, body: { '@odata.context': `${state.settings.baseUrl}/$metadata#Collection(Edm.String)`, value } };
    },
  },
];

// ---------------------------------------------------------------- Calendars

const WORKDAYS: WorkingHours['daysOfWeek'] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];
const DEFAULT_WORKING_HOURS: WorkingHours = {
  daysOfWeek: WORKDAYS,
  startTime: '08:00:00.0000000',
  endTime: '17:00:00.0000000',
  timeZone: { name: 'Pacific Standard Time' },
};
/** getSchedule answers for at most this many schedules and this long a window. */
const MAX_SCHEDULES = 100;
const MAX_SCHEDULE_DAYS = 62;

function getSchedule(state: FakeState, request: FakeRequest, [userId]: string[]): FakeResponse {
  const asker = findUser(state, userId!);
  if (!asker) return invalidUser(userId!);
  const body = jsonBody(request);
  if (body instanceof Error) return badJson();
  const prefer = request.headers.prefer;
  const preferredZone = typeof prefer === 'string' ? /outlook\.timezone="([^"]*)"/.exec(prefer)?.[1] : undefined;
  if (preferredZone !== undefined && preferredZone !== 'UTC') return onlyUtc(`Prefer: outlook.timezone="${preferredZone}"`);
  const schedules = body.schedules;
  if (!Array.isArray(schedules) || schedules.length === 0 || !schedules.every((a) => typeof a === 'string')) {
    return graphError(400, 'ErrorInvalidParameter', "The parameter 'Schedules' is invalid: at least one SMTP address is required.");
  }
  if (schedules.length > MAX_SCHEDULES) {
    return graphError(400, 'ErrorExceededMaxAddressesForRequest', `Too many schedules requested: at most ${MAX_SCHEDULES}.`);
  }
  const start = utcInstant(body.startTime);
  const end = utcInstant(body.endTime);
  if (typeof start === 'string') return onlyUtc(start);
  if (typeof end === 'string') return onlyUtc(end);
  if (start === undefined || end === undefined || end <= start) {
    return graphError(400, 'ErrorInvalidParameter', 'The startTime and endTime are required, and endTime must be after startTime.');
  }
  if (end - start > MAX_SCHEDULE_DAYS * 86_400_000) {
    return graphError(400, 'ErrorInvalidParameter', `The requested time duration exceeds the maximum of ${MAX_SCHEDULE_DAYS} days.`);
  }
  const interval = body.availabilityViewInterval ?? 30;
  if (typeof interval !== 'number' || !Number.isInteger(interval) || interval < 5 || interval > 1440) {
    return graphError(400, 'ErrorInvalidParameter', "The parameter 'AvailabilityViewInterval' must be between 5 and 1440.");
  }
  const value: ScheduleInformation[] = (schedules as string[]).map((address) => {
    const owner = userByAddress(state, address);
    if (!owner) {
      return { scheduleId: address, error: { message: `Unable to resolve e-mail address ${address} to an Active Directory object.`, responseCode: '5009' } };
    }
    const items = calendarItems(state, owner).filter((item) => item.start < end && item.end > start);
    const scheduleItems: ScheduleItem[] = state.availabilityOnly.has(owner.id) ? [] : items.map((item) => ({
      isPrivate: false,
      status: item.status,
      subject: item.subject,
      location: '',
      start: graphDateTime(item.start),
      end: graphDateTime(item.end),
    }));
    const hours = state.workingHours.has(owner.id) ? state.workingHours.get(owner.id) : DEFAULT_WORKING_HOURS;
    return {
      scheduleId: address,
      availabilityView: availabilityView(items, start, end, interval),
      scheduleItems,
      ...(hours ? { workingHours: hours } : {}),
    };
  });
  return { status: 200, body: { '@odata.context': `${state.settings.baseUrl}/$metadata#Collection(microsoft.graph.scheduleInformation)`, value } };
}

/** What makes a user's time busy: the test's items, and the app's events they organise or have not declined. */
function calendarItems(state: FakeState, user: User & { id: string }): CalendarItem[] {
  const items = [...(state.calendars.get(user.id) ?? [])];
  const addresses = [user.mail, user.userPrincipalName].filter(Boolean).map((a) => a!.toLowerCase());
  for (const { organizerId, event, deleted } of state.events.values()) {
    if (deleted || event.isCancelled) continue;
    let status: FreeBusyStatus | undefined;
    if (organizerId === user.id) {
      status = event.showAs ?? 'busy';
    } else {
      const attendee = event.attendees.find((a) => addresses.includes(a.emailAddress?.address?.toLowerCase() ?? ''));
      const response = attendee?.status?.response;
      // Exchange shows an unanswered invitation as tentative, and drops a declined one.
      if (attendee && response !== 'declined') status = response === 'accepted' ? 'busy' : 'tentative';
    }
    if (!status) continue;
    items.push({ status, start: Date.parse(`${event.start.dateTime}Z`), end: Date.parse(`${event.end.dateTime}Z`), subject: event.subject ?? '' });
  }
  return items.sort((a, b) => a.start - b.start);
}

const VIEW_DIGIT: Record<FreeBusyStatus, number> = { free: 0, workingElsewhere: 0, unknown: 0, tentative: 1, busy: 2, oof: 3 };

function availabilityView(items: CalendarItem[], start: number, end: number, intervalMinutes: number): string {
  const slot = intervalMinutes * 60_000;
  let view = '';
  for (let at = start; at < end; at += slot) {
    const digits = items.filter((item) => item.start < at + slot && item.end > at).map((item) => VIEW_DIGIT[item.status]);
    view += String(Math.max(0, ...digits));
  }
  return view;
}

function createEvent(state: FakeState, request: FakeRequest, [userId]: string[]): FakeResponse {
  const organizer = findUser(state, userId!);
  if (!organizer) return invalidUser(userId!);
  const body = jsonBody(request) as Event | Error;
  if (body instanceof Error) return badJson();
  const start = utcInstant(body.start);
  const end = utcInstant(body.end);
  if (typeof start === 'string') return onlyUtc(start);
  if (typeof end === 'string') return onlyUtc(end);
  if (start === undefined || end === undefined) {
    return graphError(400, 'ErrorInvalidRequest', 'The event needs a start and an end with dateTime and timeZone.');
  }
  // Graph recognises a repeated create by the client's transactionId and does not book twice.
  if (body.transactionId) {
    for (const stored of state.events.values()) {
      if (stored.organizerId === organizer.id && stored.event.transactionId === body.transactionId && !stored.deleted) {
        return { status: 201, body: eventBody(state, stored.event) };
      }
    }
  }
  const now = new Date().toISOString();
  const id = `AAMkAGI2${randomBytes(33).toString('base64url')}AAA=`;
  const online = body.isOnlineMeeting === true;
  const provider = online ? (body.onlineMeetingProvider ?? 'teamsForBusiness') : 'unknown';
  const organizerAddress = organizer.mail ?? organizer.userPrincipalName ?? `${organizer.id}@example.com`;
  const event: StoredEvent = {
    id,
    createdDateTime: now,
    lastModifiedDateTime: now,
    changeKey: randomBytes(12).toString('base64'),
    iCalUId: `040000008200E00074C5B7101A82E008${randomBytes(28).toString('hex').toUpperCase()}`,
    transactionId: body.transactionId ?? null,
    subject: body.subject ?? '',
    body: { contentType: body.body?.contentType ?? 'text', content: body.body?.content ?? '' },
    start: graphDateTime(start),
    end: graphDateTime(end),
    isAllDay: false,
    isCancelled: false,
    isOrganizer: true,
    responseRequested: body.responseRequested ?? true,
    allowNewTimeProposals: body.allowNewTimeProposals ?? true,
    showAs: body.showAs ?? 'busy',
    type: 'singleInstance',
    webLink: `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(id)}&exvsurl=1&path=/calendar/item`,
    isOnlineMeeting: online,
    onlineMeetingProvider: provider,
    onlineMeeting: online && provider === 'teamsForBusiness' ? { joinUrl: teamsJoinUrl(state) } : null,
    responseStatus: { response: 'organizer', time: '0001-01-01T00:00:00Z' },
    organizer: { emailAddress: { name: organizer.displayName ?? organizerAddress, address: organizerAddress } },
    attendees: (body.attendees ?? []).map((attendee) => ({
      type: attendee.type ?? 'required',
      status: { response: 'none', time: '0001-01-01T00:00:00Z' },
      emailAddress: { name: attendee.emailAddress?.name ?? attendee.emailAddress?.address ?? '', address: attendee.emailAddress?.address ?? '' },
    })),
  };
  state.events.set(id, { organizerId: organizer.id, event, deleted: false });
  return { status: 201, body: eventBody(state, event) };
}

function updateEvent(state: FakeState, request: FakeRequest, [userId, eventId]: string[]): FakeResponse {
  const found = organizersEvent(state, userId!, eventId!);
  if ('status' in found) return found;
  const body = jsonBody(request) as Event | Error;
  if (body instanceof Error) return badJson();
  const event = found.event;
  const start = body.start === undefined ? undefined : utcInstant(body.start);
  const end = body.end === undefined ? undefined : utcInstant(body.end);
  if (typeof start === 'string') return onlyUtc(start);
  if (typeof end === 'string') return onlyUtc(end);
  const newStart = start ?? Date.parse(`${event.start.dateTime}Z`);
  const newEnd = end ?? Date.parse(`${event.end.dateTime}Z`);
  if (newEnd < newStart) return graphError(400, 'ErrorInvalidRequest', 'The end of the event must be after its start.');
  const moved = graphDateTime(newStart).dateTime !== event.start.dateTime || graphDateTime(newEnd).dateTime !== event.end.dateTime;
  event.start = graphDateTime(newStart);
  event.end = graphDateTime(newEnd);
  if (body.subject !== undefined) event.subject = body.subject;
  if (body.body !== undefined) event.body = body.body;
  // A new time sends an updated invitation: everyone answers again.
  if (moved) for (const attendee of event.attendees) attendee.status = { response: 'none', time: '0001-01-01T00:00:00Z' };
  event.lastModifiedDateTime = new Date().toISOString();
  event.changeKey = randomBytes(12).toString('base64');
  return { status: 200, body: eventBody(state, event) };
}

/** The event in this user's calendar, or Graph's 404 for it. */
function organizersEvent(state: FakeState, userId: string, eventId: string): { event: StoredEvent } | FakeResponse {
  const user = findUser(state, userId);
  if (!user) return invalidUser(userId);
  const stored = state.events.get(eventId);
  if (!stored || stored.deleted || stored.organizerId !== user.id) {
    return graphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
  }
  return { event: stored.event };
}

function eventBody(state: FakeState, event: StoredEvent, query: URLSearchParams = new URLSearchParams()): object {
  return {
    '@odata.context': `${state.settings.baseUrl}/$metadata#users('${state.events.get(event.id)?.organizerId ?? ''}')/events/$entity`,
    '@odata.etag': `W/"${event.changeKey ?? ''}"`,
    ...selected({ ...event }, query),
    id: event.id,
  };
}

function teamsJoinUrl(state: FakeState): string {
  const thread = `19%3ameeting_${randomBytes(24).toString('base64url')}%40thread.v2`;
  const context = encodeURIComponent(JSON.stringify({ Tid: state.settings.tenantId, Oid: randomUUID() }));
  return `https://teams.microsoft.com/l/meetup-join/${thread}/0?context=${context}`;
}

/** Graph's "2026-03-02T15:00:00.0000000" in UTC. */
function graphDateTime(instant: number): DateTimeTimeZone & { dateTime: string } {
  return { dateTime: `${new Date(instant).toISOString().slice(0, 19)}.0000000`, timeZone: 'UTC' };
}

/** The instant of a dateTimeTimeZone in UTC; a string naming the unsupported zone; undefined when malformed. */
function utcInstant(value: unknown): number | string | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const { dateTime, timeZone } = value as DateTimeTimeZone;
  if (typeof dateTime !== 'string') return undefined;
  if (timeZone !== 'UTC') return `timeZone "${String(timeZone)}"`;
  const at = Date.parse(`${dateTime.replace(/(\.\d{3})\d*$/, '$1')}Z`);
  return Number.isNaN(at) ? undefined : at;
}

function onlyUtc(what: string): FakeResponse {
  return graphError(400, 'BadRequest', `fakeGraph only implements UTC times; the request used ${what}.`);
}

function jsonBody(request: FakeRequest): Record<string, unknown> | Error {
  try {
    const parsed: unknown = JSON.parse(request.body || 'null');
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : new Error('not an object');
  } catch (error) {
    return error as Error;
  }
}

function badJson(): FakeResponse {
  return graphError(400, 'BadRequest', 'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.');
}

/** What Exchange-backed resources answer for a user they do not know. */
function invalidUser(userId: string): FakeResponse {
  return graphError(404, 'ErrorInvalidUser', `The requested user '${userId}' is invalid.`);
}

function answerGraph(state: FakeState, request: FakeRequest): FakeResponse {
  const authorization = request.headers.authorization ?? '';
  const token = /^Bearer (.+)$/i.exec(authorization)?.[1];
  if (!token) return graphError(401, 'InvalidAuthenticationToken', 'Access token is empty.', { 'www-authenticate': 'Bearer realm=""' });
  const issued = state.tokens.get(token);
  if (!issued) return graphError(401, 'InvalidAuthenticationToken', 'IDX14100: JWT is not well formed, there are no dots (.).');
  if (issued.expiresAt <= Date.now()) return graphError(401, 'InvalidAuthenticationToken', 'Lifetime validation failed, the token is expired.');

  const failure = state.failures.get(decodeURIComponent(request.path))?.shift();
  if (failure && !failure.afterHandling) return injected(failure);

  const matches = graphRoutes.flatMap((route) => {
    const match = route.pattern.exec(request.path);
    return match ? [{ route, params: match.slice(1).map(decodeURIComponent) }] : [];
  });
  if (matches.length === 0) {
    return graphError(400, 'BadRequest', `Resource not found for the segment '${request.path.split('/').filter(Boolean).pop() ?? ''}'.`);
  }
  const found = matches.find(({ route }) => route.method === request.method);
  if (!found) return graphError(405, 'Request_BadRequest', `The HTTP method '${request.method}' is not supported for this resource.`);
  const response = found.route.handle(state, request, found.params);
  return failure ? injected(failure) : response;
}

function findUser(state: FakeState, idOrUpn: string): (User & { id: string }) | undefined {
  const wanted = idOrUpn.toLowerCase();
  for (const user of state.users.values()) {
    if (user.id.toLowerCase() === wanted || user.userPrincipalName?.toLowerCase() === wanted) return user;
  }
  return undefined;
}

/** The mailbox an SMTP address belongs to (its mail or its UPN). */
function userByAddress(state: FakeState, address: string): (User & { id: string }) | undefined {
  const wanted = address.toLowerCase();
  for (const user of state.users.values()) {
    if (user.mail?.toLowerCase() === wanted || user.userPrincipalName?.toLowerCase() === wanted) return user;
  }
  return undefined;
}

/** For the test-facing helpers: a user by id, UPN or mail, or a thrown mistake. */
function existingUser(state: FakeState, idOrAddress: string): User & { id: string } {
  const user = findUser(state, idOrAddress) ?? userByAddress(state, idOrAddress);
  if (!user) throw new Error(`fakeGraph: no user ${idOrAddress}; add it with addUser first`);
  return user;
}

/** `$select` keeps only the named properties; Graph always returns `@odata.type` for directory objects. */
function selected<T extends object>(entity: T, query: URLSearchParams): Partial<T> {
  const select = query.get('$select');
  if (!select) return entity;
  const names = new Set(select.split(',').map((name) => name.trim()));
  return Object.fromEntries(Object.entries(entity).filter(([key]) => key.startsWith('@odata.') || names.has(key))) as Partial<T>;
}

function resourceNotFound(resource: string): FakeResponse {
  return graphError(404, 'Request_ResourceNotFound', `Resource '${resource}' does not exist or one of its queried reference-property objects are not present.`);
}

const DEFAULT_FAILURES: Record<number, { code: string; message: string }> = {
  400: { code: 'BadRequest', message: 'Invalid request.' },
  403: { code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' },
  404: { code: 'Request_ResourceNotFound', message: 'Resource does not exist or one of its queried reference-property objects are not present.' },
  429: { code: 'TooManyRequests', message: 'Too many requests.' },
  500: { code: 'generalException', message: 'An unspecified error has occurred.' },
  503: { code: 'serviceNotAvailable', message: 'The service is temporarily unavailable for maintenance or is overloaded. You may repeat the request after a delay, the length of which may be specified in a Retry-After header.' },
  504: { code: 'UnknownError', message: 'Gateway timeout.' },
};

function injected(failure: InjectedFailure): FakeResponse {
  const defaults = DEFAULT_FAILURES[failure.status] ?? { code: 'UnknownError', message: 'An error occurred.' };
  const headers = failure.retryAfterSeconds === undefined ? undefined : { 'retry-after': String(failure.retryAfterSeconds) };
  return graphError(failure.status, failure.code ?? defaults.code, failure.message ?? defaults.message, headers);
}

function graphError(status: number, code: string, message: string, headers?: Record<string, string>): FakeResponse {
  const requestId = randomUUID();
  return {
    status,
    headers,
    body: { error: { code, message, innerError: { date: new Date().toISOString().slice(0, 19), 'request-id': requestId, 'client-request-id': requestId } } },
  };
}

// ---------------------------------------------------------------- HTTPS plumbing

let certificateForThisProcess: { key: string; cert: string } | undefined;

/** One certificate per test process, for 127.0.0.1 and localhost, valid for a day. */
function selfSignedCertificate(): { key: string; cert: string } {
  if (certificateForThisProcess) return certificateForThisProcess;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-graph-'));
  try {
    execFileSync(
      'openssl',
      [
        'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
        '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem'),
        '-days', '1', '-subj', '/CN=fake-graph', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost',
      ],
      { stdio: 'pipe' },
    );
    certificateForThisProcess = {
      key: fs.readFileSync(path.join(dir, 'key.pem'), 'utf8'),
      cert: fs.readFileSync(path.join(dir, 'cert.pem'), 'utf8'),
    };
    return certificateForThisProcess;
  } catch (error) {
    throw new Error(`fakeGraph needs the openssl command to make its HTTPS certificate: ${(error as Error).message}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * fetch over node:https with `ca` set to the fake's certificate, since Node
 * 20's global fetch cannot be told to trust one more certificate per call.
 * Redirects are returned, not followed, as the Graph client's redirect
 * handler expects.
 */
function fetchTrusting(ca: string): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const body = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
    const headers: Record<string, string> = {};
    request.headers.forEach((value, key) => (headers[key] = value));
    return new Promise<Response>((resolve, reject) => {
      const outgoing = https.request(request.url, { method: request.method, headers, ca, signal: request.signal }, (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('error', reject);
        incoming.on('end', () => {
          const status = incoming.statusCode ?? 0;
          const responseHeaders = new Headers();
          for (const [key, value] of Object.entries(incoming.headers)) {
            for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) responseHeaders.append(key, item);
          }
          const noBody = status === 204 || status === 304 || request.method === 'HEAD';
          resolve(new Response(noBody ? null : Buffer.concat(chunks), { status, statusText: incoming.statusMessage, headers: responseHeaders }));
        });
      });
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  };
}
