/**
 * Microsoft Graph with the app's own credentials. Callers name a resource path
 * (`/users/{id}/manager`) and get the parsed body or a GraphError; tokens,
 * throttling retries and error shapes are handled here once, for every Graph
 * feature (manager chain, free/busy, meetings).
 */
import {
  AuthenticationHandler,
  AuthenticationHandlerOptions,
  Client,
  GraphError as LibraryGraphError,
  RedirectHandler,
  RedirectHandlerOptions,
  RetryHandler,
  RetryHandlerOptions,
  TelemetryHandler,
  type AuthenticationProvider,
  type Context,
  type GraphRequest,
  type Middleware,
} from '@microsoft/microsoft-graph-client';
import type { Config } from '../config';
import { createAppTokenSource, secretsOf, type AppTokenSource } from './appTokens';
import { GraphError, withoutCredentials } from './graphError';

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

export interface GraphRetryPolicy {
  /** Retries after 429, 503 and 504; the library allows at most 10. */
  maxRetries: number;
  /** Base wait when Graph sends no Retry-After; later attempts back off exponentially. */
  delaySeconds: number;
  /** A longer Retry-After is not waited out: the request fails with the 429 so the caller can fall back. */
  maxRetryAfterSeconds: number;
}

export interface GraphClientOptions {
  /** How HTTPS requests leave the process, for both Entra and Graph. Defaults to the global fetch. */
  fetch?: typeof fetch;
  retry?: Partial<GraphRetryPolicy>;
}

const DEFAULT_RETRY: GraphRetryPolicy = { maxRetries: 3, delaySeconds: 3, maxRetryAfterSeconds: 30 };

export function createGraphClient(settings: GraphSettings, options: GraphClientOptions = {}): GraphClient {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const retry = { ...DEFAULT_RETRY, ...options.retry };
  const tokens = createAppTokenSource(settings, fetchImpl);
  const base = new URL(settings.baseUrl);

  const client = Client.initWithMiddleware({
    baseUrl: base.origin,
    // The version segment (`v1.0`, `beta`) is whatever path the base URL carries.
    defaultVersion: base.pathname.replace(/^\/+|\/+$/g, ''),
    // The library attaches the token only to hosts it knows as Graph; a
    // national cloud or a local stand-in has to be named.
    customHosts: new Set([base.hostname]),
    middleware: [
      new AuthenticationHandler(tokenProvider(tokens)),
      new RetryHandler(new RetryHandlerOptions(retry.delaySeconds, retry.maxRetries, retryAfterWithin(retry.maxRetryAfterSeconds))),
      new RedirectHandler(new RedirectHandlerOptions()),
      new TelemetryHandler(),
      fetchHandler(fetchImpl),
    ],
  });

  async function send<T>(
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
          return await tokens.getToken();
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

  return {
    get: (path, o) => send(path, o, (r) => r.get()),
    post: (path, body, o) => send(path, o, (r) => r.post(body)),
    patch: (path, body, o) => send(path, o, (r) => r.patch(body)),
    delete: (path, o) => send(path, o, async (r) => void (await r.delete())),
  };
}

function tokenProvider(tokens: AppTokenSource): AuthenticationProvider {
  return { getAccessToken: () => tokens.getToken() };
}

/** Sends the request with the given fetch; stands where the library's HTTPMessageHandler (global fetch only) would. */
function fetchHandler(fetchImpl: typeof fetch): Middleware {
  return {
    async execute(context: Context) {
      context.response = await fetchImpl(context.request, context.options);
    },
  };
}

function retryAfterWithin(maxSeconds: number) {
  return (_delay: number, _attempt: number, _request: unknown, _options: unknown, response: Response): boolean => {
    const seconds = retryAfterSeconds(response.headers);
    return seconds === undefined || seconds <= maxSeconds;
  };
}

function retryAfterSeconds(headers: Headers | undefined): number | undefined {
  const value = headers?.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return seconds;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
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
