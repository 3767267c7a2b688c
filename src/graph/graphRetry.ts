/**
 * Retries for Graph answers that say "try again": throttling (429) and the
 * server-side failures Graph documents as transient (500, 502, 503, 504).
 * It stands in for the library's RetryHandler, which only knows 429, 503 and
 * 504 and cannot be told about more.
 */
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';

export interface GraphRetryPolicy {
  /** Retries after 429 and 5xx; the first attempt is not counted. */
  maxRetries: number;
  /** Base wait when Graph sends no Retry-After; each later attempt doubles it, with jitter. */
  delaySeconds: number;
  /** A longer Retry-After is not waited out: the request fails with the 429 so the caller can fall back. */
  maxRetryAfterSeconds: number;
}

/** How the client waits between attempts; tests pass one that records instead of sleeping. */
export type RetryWait = (seconds: number) => Promise<void>;

export const RETRIED_STATUSES: ReadonlySet<number> = new Set([429, 500, 502, 503, 504]);

/** Exponential backoff stops growing here, so a long outage still gets a few tries spread out. */
const MAX_BACKOFF_SECONDS = 60;

export const sleepSeconds: RetryWait = (seconds) => new Promise((resolve) => setTimeout(resolve, seconds * 1000));

/**
 * Requests are sent again as they were: the library hands us the URL and a
 * string body, so nothing is consumed by the first attempt. POSTs are retried
 * too; the calendar makes its only non-repeatable POST (creating an event)
 * safe with a transactionId, which Graph uses to recognise a repeat.
 */
export function retryMiddleware(policy: GraphRetryPolicy, wait: RetryWait = sleepSeconds): Middleware {
  let next: Middleware | undefined;
  return {
    setNext(middleware: Middleware) {
      next = middleware;
    },
    async execute(context: Context) {
      if (!next) throw new Error('retryMiddleware needs a next middleware');
      for (let attempt = 1; ; attempt++) {
        await next.execute(context);
        const response = context.response;
        if (!response || !RETRIED_STATUSES.has(response.status) || attempt > policy.maxRetries) return;
        const delay = retryDelaySeconds(response.headers, attempt, policy);
        if (delay === undefined) return;
        // Frees the connection; the answer we keep is the next attempt's.
        await response.body?.cancel().catch(() => undefined);
        setHeader(context, 'Retry-Attempt', String(attempt));
        await wait(delay);
      }
    },
  };
}

/** Graph's Retry-After when it sent one (undefined when it is longer than the policy allows), else backoff with jitter. */
export function retryDelaySeconds(headers: Headers | undefined, attempt: number, policy: GraphRetryPolicy): number | undefined {
  const retryAfter = retryAfterSeconds(headers);
  if (retryAfter !== undefined) return retryAfter <= policy.maxRetryAfterSeconds ? retryAfter : undefined;
  const backoff = Math.min(policy.delaySeconds * 2 ** (attempt - 1), MAX_BACKOFF_SECONDS);
  // Full jitter on half the wait keeps several instances from retrying in step.
  return backoff / 2 + Math.random() * (backoff / 2);
}

export function retryAfterSeconds(headers: Headers | undefined): number | undefined {
  const value = headers?.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

function setHeader(context: Context, name: string, value: string): void {
  if (typeof context.request !== 'string' && context.request instanceof Request) {
    context.request.headers.set(name, value);
    return;
  }
  const options = (context.options ??= {});
  const headers = options.headers;
  if (headers instanceof Headers) headers.set(name, value);
  else if (Array.isArray(headers)) options.headers = [...headers.filter(([key]) => key.toLowerCase() !== name.toLowerCase()), [name, value]];
  else options.headers = { ...headers, [name]: value };
}
