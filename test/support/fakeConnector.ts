/**
 * A stand-in for the Bot Framework Connector service, the one outside edge the
 * bot calls: it accepts what the real service accepts (send, update, member
 * look-up), answers unknown routes with the real service's error shape, and
 * records every call so tests can read what the bot sent.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ConnectorCall {
  method: string;
  path: string;
  conversationId: string;
  activityId?: string;
  body: Record<string, unknown>;
}

export interface FakeConnector {
  serviceUrl: string;
  calls: ConnectorCall[];
  /** Every send or update that reached it, accepted or failed: one per HTTP attempt. */
  attempts(): number;
  members: Map<string, { id: string; name: string; aadObjectId?: string }>;
  /** The next sends or updates fail as the real service does when throttling or failing. */
  failNext(count: number, status: 429 | 412 | 403 | 404 | 502 | 504, retryAfterSeconds?: number): void;
  close(): Promise<void>;
}

export async function startFakeConnector(): Promise<FakeConnector> {
  const calls: ConnectorCall[] = [];
  const members = new Map<string, { id: string; name: string; aadObjectId?: string }>();
  let nextId = 1;
  let attempts = 0;
  const failures: { status: number; retryAfterSeconds?: number }[] = [];

  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      const reply = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      const activity = path.match(/^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/);
      const member = path.match(/^\/v3\/conversations\/([^/]+)\/members\/([^/]+)$/);
      if (activity && (req.method === 'POST' || req.method === 'PUT')) {
        let body: Record<string, unknown>;
        try {
          body = JSON.parse(raw);
        } catch {
          return reply(400, { error: { code: 'BadArgument', message: 'Invalid activity body' } });
        }
        attempts++;
        const failure = failures.shift();
        if (failure) {
          const codes: Record<number, string> = {
            429: 'Throttled',
            412: 'PreconditionFailed',
            403: 'BotDisabledByAdmin',
            404: 'ConversationNotFound',
            502: 'ServiceError',
            504: 'GatewayTimeout',
          };
          if (failure.retryAfterSeconds !== undefined) res.setHeader('retry-after', String(failure.retryAfterSeconds));
          return reply(failure.status, { error: { code: codes[failure.status], message: 'Request failed' } });
        }
        const conversationId = decodeURIComponent(activity[1]!);
        const activityId = activity[2] ? decodeURIComponent(activity[2]) : undefined;
        calls.push({ method: req.method, path, conversationId, activityId, body });
        return reply(200, { id: activityId && req.method === 'PUT' ? activityId : `activity-${nextId++}` });
      }
      if (member && req.method === 'GET') {
        const found = members.get(decodeURIComponent(member[2]!));
        if (!found) return reply(404, { error: { code: 'MemberNotFoundInConversation', message: 'Member not found' } });
        return reply(200, { ...found, userRole: 'user', tenantId: 'from-connector' });
      }
      reply(404, { error: { code: 'NotFound', message: `No route for ${req.method} ${path}` } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    serviceUrl: `http://127.0.0.1:${port}`,
    calls,
    attempts: () => attempts,
    members,
    failNext(count, status, retryAfterSeconds) {
      for (let i = 0; i < count; i++) failures.push({ status, retryAfterSeconds });
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
