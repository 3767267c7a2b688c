/**
 * The one error type Graph access throws, whether the failure came from the
 * token endpoint or from Graph itself, so callers decide fallbacks on
 * `status` and `code` without knowing which library spoke.
 */
export class GraphError extends Error {
  override readonly name = 'GraphError';

  constructor(
    /** HTTP status from Graph or the token endpoint; 0 when no answer arrived. */
    readonly status: number,
    /** Graph's `error.code` (e.g. `Request_ResourceNotFound`) or the identity platform's `error` (e.g. `invalid_client`). */
    readonly code: string,
    message: string,
    readonly details: { requestId?: string; retryAfterSeconds?: number } = {},
  ) {
    super(message);
  }
}

const JWT_LIKE = /eyJ[\w-]+\.[\w-]+\.[\w-]*/g;

/**
 * Removes the client secret and anything shaped like a bearer token from text
 * that may reach an error message or a log line: the identity platform
 * sometimes echoes request details, and a leaked secret outlives any incident.
 */
export function withoutCredentials(text: string, secrets: readonly string[]): string {
  let cleaned = text.replace(JWT_LIKE, '[token]');
  for (const secret of secrets) {
    if (secret) cleaned = cleaned.split(secret).join('[secret]');
  }
  return cleaned;
}
