/**
 * App-only access tokens for Graph from Entra's client-credentials flow.
 * msal-node does the protocol work (authority metadata, the token request,
 * caching until shortly before expiry); this file only configures it and turns
 * its failures into GraphError without ever carrying the secret along.
 */
import {
  AuthError,
  ConfidentialClientApplication,
  ServerError,
  type INetworkModule,
  type NetworkRequestOptions,
  type NetworkResponse,
} from '@azure/msal-node';
import { GraphError, withoutCredentials } from './graphError';

export const GRAPH_APP_SCOPE = 'https://graph.microsoft.com/.default';

export interface AppCredentials {
  authorityHost: string;
  tenantId: string;
  clientId: string;
  /** The app signs in with one of these: a secret, or a certificate's private key. */
  clientSecret?: string;
  clientCertificate?: { privateKey: string; thumbprintSha256: string };
}

export interface AppTokenSource {
  /** A valid app-only Graph token; msal answers from its cache until the token nears expiry. */
  getToken(): Promise<string>;
}

export function createAppTokenSource(credentials: AppCredentials, fetchImpl: typeof fetch): AppTokenSource {
  const msal = confidentialClient(credentials, fetchImpl);
  return {
    async getToken() {
      try {
        const result = await msal.acquireTokenByClientCredential({ scopes: [GRAPH_APP_SCOPE] });
        if (!result?.accessToken) throw new GraphError(401, 'no_token', 'The identity platform returned no access token');
        return result.accessToken;
      } catch (error) {
        throw tokenFailure(error, secretsOf(credentials));
      }
    },
  };
}

export interface UserTokenSource {
  /**
   * A Graph token that acts as the signed-in person, exchanged on their behalf
   * for the Teams SSO token the tab sent (OAuth 2.0 on-behalf-of). msal caches
   * it per person until it nears expiry.
   */
  getToken(ssoToken: string, scopes?: string[]): Promise<string>;
}

export function createOnBehalfOfTokenSource(credentials: AppCredentials, fetchImpl: typeof fetch): UserTokenSource {
  const msal = confidentialClient(credentials, fetchImpl);
  return {
    async getToken(ssoToken, scopes = [GRAPH_APP_SCOPE]) {
      try {
        const result = await msal.acquireTokenOnBehalfOf({ oboAssertion: ssoToken, scopes });
        if (!result?.accessToken) throw new GraphError(401, 'no_token', 'The identity platform returned no access token');
        return result.accessToken;
      } catch (error) {
        throw tokenFailure(error, [...secretsOf(credentials), ssoToken]);
      }
    },
  };
}

function confidentialClient(credentials: AppCredentials, fetchImpl: typeof fetch): ConfidentialClientApplication {
  const authorityHost = credentials.authorityHost.replace(/\/+$/, '');
  return new ConfidentialClientApplication({
    auth: {
      clientId: credentials.clientId,
      ...(credentials.clientCertificate
        ? { clientCertificate: credentials.clientCertificate }
        : { clientSecret: credentials.clientSecret }),
      authority: `${authorityHost}/${credentials.tenantId}`,
      // The operator chose this host; listing it stops msal from asking
      // login.microsoftonline.com to vouch for it (instance discovery), which a
      // sovereign cloud or a local stand-in would fail.
      knownAuthorities: [authorityHost],
    },
    system: { networkClient: msalNetworkOver(fetchImpl) },
  });
}

/** What must never appear in an error message. */
export function secretsOf(credentials: AppCredentials): string[] {
  return [credentials.clientSecret ?? '', credentials.clientCertificate?.privateKey ?? ''].filter(Boolean);
}

function tokenFailure(error: unknown, secrets: string[]): GraphError {
  if (error instanceof GraphError) return error;
  const clean = (text: string) => withoutCredentials(text, secrets);
  if (error instanceof ServerError) {
    // The identity platform's description is the useful part; msal wraps it in
    // a long line with trace ids that helps only Microsoft support.
    const description = /Description: (.*?)(?: - Correlation ID:|$)/s.exec(error.errorMessage)?.[1] ?? error.errorMessage;
    return new GraphError(error.status ?? 400, error.errorCode, clean(`Token request failed (${error.errorCode}): ${description.split('\n')[0]}`));
  }
  if (error instanceof AuthError) {
    return new GraphError(0, error.errorCode, clean(`Token request failed (${error.errorCode}): ${error.errorMessage}`));
  }
  const message = error instanceof Error ? error.message : String(error);
  return new GraphError(0, 'token_request_failed', clean(`Token request failed: ${message}`));
}

/**
 * msal's transport over a fetch function, so that the token endpoint and Graph
 * travel the same way (in tests: to a local HTTPS stand-in that only this
 * fetch trusts).
 */
function msalNetworkOver(fetchImpl: typeof fetch): INetworkModule {
  async function send<T>(url: string, method: 'GET' | 'POST', options?: NetworkRequestOptions, timeoutMs?: number): Promise<NetworkResponse<T>> {
    const response = await fetchImpl(url, {
      method,
      headers: options?.headers,
      body: method === 'POST' ? (options?.body ?? '') : undefined,
      signal: timeoutMs ? AbortSignal.timeout(timeoutMs) : undefined,
    });
    const text = await response.text();
    let body: T;
    try {
      body = JSON.parse(text) as T;
    } catch {
      throw new GraphError(response.status, 'invalid_response', `The identity platform answered ${response.status} without JSON`);
    }
    const headers: Record<string, string> = {};
    response.headers.forEach((value, key) => (headers[key] = value));
    return { status: response.status, headers, body };
  }
  return {
    sendGetRequestAsync: (url, options, timeout) => send(url, 'GET', options, timeout),
    sendPostRequestAsync: (url, options) => send(url, 'POST', options),
  };
}
