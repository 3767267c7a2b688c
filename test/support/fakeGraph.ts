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
 */
import { execFileSync } from 'node:child_process';
import { constants, createHash, randomBytes, randomUUID, verify as cryptoVerify, X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import https from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { DirectoryObject, User } from '@microsoft/microsoft-graph-types';

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
  /** The next authenticated Graph request to `path` (no query, e.g. `/users/u1/manager`) fails this way. Queue several by calling again. */
  failNext(path: string, failure: InjectedFailure): void;
  tokenRequests(): RecordedRequest[];
  graphRequests(): RecordedRequest[];
  close(): Promise<void>;
}

interface FakeState {
  origin: string;
  settings: FakeGraphSettings;
  users: Map<string, User & { id: string }>;
  managers: Map<string, string>;
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
      const queue = state.failures.get(graphPath) ?? [];
      queue.push(failure);
      state.failures.set(graphPath, queue);
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
];

function answerGraph(state: FakeState, request: FakeRequest): FakeResponse {
  const authorization = request.headers.authorization ?? '';
  const token = /^Bearer (.+)$/i.exec(authorization)?.[1];
  if (!token) return graphError(401, 'InvalidAuthenticationToken', 'Access token is empty.', { 'www-authenticate': 'Bearer realm=""' });
  const issued = state.tokens.get(token);
  if (!issued) return graphError(401, 'InvalidAuthenticationToken', 'IDX14100: JWT is not well formed, there are no dots (.).');
  if (issued.expiresAt <= Date.now()) return graphError(401, 'InvalidAuthenticationToken', 'Lifetime validation failed, the token is expired.');

  const failure = state.failures.get(request.path)?.shift();
  if (failure) return injected(failure);

  for (const route of graphRoutes) {
    const match = route.pattern.exec(request.path);
    if (!match) continue;
    if (route.method !== request.method) {
      return graphError(405, 'Request_BadRequest', `The HTTP method '${request.method}' is not supported for this resource.`);
    }
    return route.handle(state, request, match.slice(1).map(decodeURIComponent));
  }
  return graphError(400, 'BadRequest', `Resource not found for the segment '${request.path.split('/').filter(Boolean).pop() ?? ''}'.`);
}

function findUser(state: FakeState, idOrUpn: string): (User & { id: string }) | undefined {
  const wanted = idOrUpn.toLowerCase();
  for (const user of state.users.values()) {
    if (user.id.toLowerCase() === wanted || user.userPrincipalName?.toLowerCase() === wanted) return user;
  }
  return undefined;
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
