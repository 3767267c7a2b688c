/**
 * Microsoft Graph with the app's own credentials. Callers name a resource path
 * (`/users/{id}/manager`) and get the parsed body or a GraphError; tokens,
 * retries and error shapes are handled here once, for every Graph feature
 * (manager chain, free/busy, meetings):
 * - a token Graph refuses (401 InvalidAuthenticationToken: expired, revoked)
 *   is dropped and the request is sent once more with a fresh one;
 * - 429 and 500/502/503/504 are retried with Retry-After or backoff
 *   (graphRetry.ts), then fail with the last answer;
 * - 403, 404 and other 4xx fail at once.
 */
import {
  AuthenticationHandler,
  AuthenticationHandlerOptions,
  Client,
  GraphError as LibraryGraphError,
  RedirectHandler,
  RedirectHandlerOptions,
  TelemetryHandler,
  type AuthenticationProvider,
  type Context,
  type GraphRequest,
  type Middleware,
} from '@microsoft/microsoft-graph-client';
import type { Config } from '../config';
import { createAppTokenSource, secretsOf, type AppTokenSource } from './appTokens';
import { GraphError, withoutCredentials } from './graphError';
import { retryAfterSeconds, retryMiddleware, sleepSeconds, type GraphRetryPolicy, type RetryWait } from './graphRetry';

export type { GraphRetryPolicy, RetryWait } from './graphRetry';

export type GraphSettings = Omit<Extract<Config['graph'], { enabled: true }>, 'enabled'>;

export interface GraphRequestOptions {
  /** Query parameters, OData ones included (`{ $select: 'id' }`); values are URL-encoded here. */
  query?: Record<string, string>;
  headers?: Record<string, string>;
}

export interface GraphClient {
  get<T>(path: string, options?: GraphRequestOptions): Promise<T>;
  post<T>(path: string, body: unknown, options?: GraphRequestOptions): Promise<T>;
  patch<T>(path: string, body: unknown, options?: GraphRequestOptions): Promise<T>;
  delete(path: string, options?: GraphRequestOptions): Promise<void>;
}

export interface GraphClientOptions {
  /** How HTTPS requests leave the process, for both Entra and Graph. Defaults to the global fetch. */
  fetch?: typeof fetch;
  retry?: Partial<GraphRetryPolicy>;
  /** How to wait between retries; a timer unless given. Tests record the waits instead of sleeping. */
  wait?: RetryWait;
}

const DEFAULT_RETRY: GraphRetryPolicy = { maxRetries: 3, delaySeconds: 3, maxRetryAfterSeconds: 30 };

export function createGraphClient(settings: GraphSettings, options: GraphClientOptions = {}): GraphClient {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const retry = { ...DEFAULT_RETRY, ...options.retry };
  let tokens = createAppTokenSource(settings, fetchImpl);
  const base = new URL(settings.baseUrl);

  const client = Client.initWithMiddleware({
    baseUrl: base.origin,
    // The version segment (`v1.0`, `beta`) is whatever path the base URL carries.
    defaultVersion: base.pathname.replace(/^\/+|\/+$/g, ''),
    // The library attaches the token only to hosts it knows as Graph; a
    // national cloud or a local stand-in has to be named.
    customHosts: new Set([base.hostname]),
    middleware: [
      new AuthenticationHandler({ getAccessToken: () => tokens.getToken() }),
      retryMiddleware(retry, options.wait ?? sleepSeconds),
      new RedirectHandler(new RedirectHandlerOptions()),
      new TelemetryHandler(),
      fetchHandler(fetchImpl),
    ],
  });

  async function attempt<T>(
    source: AppTokenSource,
    path: string,
    requestOptions: GraphRequestOptions | undefined,
    call: (request: GraphRequest) => Promise<T>,
  ): Promise<T> {
    // The token failure is kept aside because the library rewraps anything an
    // auth provider throws into an error without the HTTP status.
    let tokenFailure: GraphError | undefined;
    const provider: AuthenticationProvider = {
      getAccessToken: async () => {
        try {
          return await source.getToken();
        } catch (error) {
          tokenFailure = error instanceof GraphError ? error : new GraphError(0, 'token_request_failed', 'Token request failed');
          throw tokenFailure;
        }
      },
    };
    let request = client.api(path).middlewareOptions([new AuthenticationHandlerOptions(provider)]);
    if (requestOptions?.query) {
      const encoded = Object.fromEntries(Object.entries(requestOptions.query).map(([k, v]) => [k, encodeURIComponent(v)]));
      request = request.query(encoded);
    }
    if (requestOptions?.headers) request = request.headers(requestOptions.headers);
    try {
      return await call(request);
    } catch (error) {
      throw tokenFailure ?? fromLibraryError(error, secretsOf(settings));
    }
  }

  async function send<T>(
    path: string,
    requestOptions: GraphRequestOptions | undefined,
    call: (request: GraphRequest) => Promise<T>,
  ): Promise<T> {
    const source = tokens;
    try {
      return await attempt(source, path, requestOptions, call);
    } catch (error) {
      if (!isRefusedToken(error)) throw error;
      // msal answers from its cache until the token nears the expiry Entra
      // announced, so a token Graph has stopped taking (revoked, clock skew)
      // goes with the cache that holds it: a new source starts empty. Requests
      // refused with the same token share one replacement.
      if (tokens === source) tokens = createAppTokenSource(settings, fetchImpl);
      return attempt(tokens, path, requestOptions, call);
    }
  }

  return {
    get: (path, o) => send(path, o, (r) => r.get()),
    post: (path, body, o) => send(path, o, (r) => r.post(body)),
    patch: (path, body, o) => send(path, o, (r) => r.patch(body)),
    delete: (path, o) => send(path, o, async (r) => void (await r.delete())),
  };
}

/** Graph refusing the token itself; not the token endpoint's 401 for a wrong secret, which another try cannot fix. */
function isRefusedToken(error: unknown): boolean {
  return error instanceof GraphError && error.status === 401 && error.code === 'InvalidAuthenticationToken';
}

/** Sends the request with the given fetch; stands where the library's HTTPMessageHandler (global fetch only) would. */
function fetchHandler(fetchImpl: typeof fetch): Middleware {
  return {
    async execute(context: Context) {
      context.response = await fetchImpl(context.request, context.options);
    },
  };
}

function fromLibraryError(error: unknown, secrets: string[]): GraphError {
  const clean = (text: string) => withoutCredentials(text, secrets);
  if (error instanceof LibraryGraphError) {
    const status = error.statusCode > 0 ? error.statusCode : 0;
    const headers = error.headers as Headers | undefined;
    const code = status ? (error.code ?? 'UnknownError') : 'NetworkError';
    return new GraphError(status, code, clean(error.message || `Graph answered ${status}`), {
      requestId: error.requestId ?? headers?.get('request-id') ?? undefined,
      retryAfterSeconds: retryAfterSeconds(headers),
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new GraphError(0, 'NetworkError', clean(`Graph request failed: ${message}`));
}
