/**
 * A local Bot Connector that holds the app to Teams' limits the way Teams
 * does: per conversation 7 messages a second and 60 in 30 seconds, per tenant
 * a rate a second; anything over gets 429 with Retry-After. It counts every
 * message it accepted by delivery (conversation and session), so a message
 * accepted twice shows up as a duplicate and one never accepted as lost.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

interface Window {
  limit: number;
  ms: number;
}

const CONVERSATION_WINDOWS: Window[] = [
  { limit: 7, ms: 1_000 },
  { limit: 60, ms: 30_000 },
];

export interface LimitedConnector {
  serviceUrl: string;
  /** Accepted messages per delivery key (`conversationId|sessionId`). */
  accepted: Map<string, number>;
  /** Accept times (ms since epoch), in order. */
  acceptedAt: number[];
  throttled(): number;
  close(): Promise<void>;
}

export async function startLimitedConnector(options: { tenantRatePerSecond: number; tenantOf: (conversationId: string) => string }): Promise<LimitedConnector> {
  const tenantWindows: Window[] = [{ limit: options.tenantRatePerSecond, ms: 1_000 }];
  const recent = new Map<string, number[]>();
  const accepted = new Map<string, number>();
  const acceptedAt: number[] = [];
  let throttled = 0;
  let nextId = 1;

  /** True when one more message fits every window of the key (times are pruned as they age out). */
  function fits(key: string, windows: Window[], at: number): boolean {
    const longest = Math.max(...windows.map((w) => w.ms));
    const times = recent.get(key) ?? [];
    while (times.length > 0 && times[0]! <= at - longest) times.shift();
    recent.set(key, times);
    return windows.every((w) => {
      let inWindow = 0;
      for (let i = times.length - 1; i >= 0 && times[i]! > at - w.ms; i--) inWindow++;
      return inWindow < w.limit;
    });
  }

  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(body));
      };
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      // A proactive send is a reply to the continuation activity (POST .../activities/{id}); Teams takes both forms.
      const match = path.match(/^\/v3\/conversations\/([^/]+)\/activities(?:\/[^/]+)?$/);
      if (!match || req.method !== 'POST') return reply(404, { error: { code: 'NotFound', message: `No route for ${req.method} ${path}` } });
      const conversationId = decodeURIComponent(match[1]!);
      const tenantId = options.tenantOf(conversationId);
      const at = Date.now();
      const conversationKey = `c:${conversationId}`;
      const tenantKey = `t:${tenantId}`;
      if (!fits(conversationKey, CONVERSATION_WINDOWS, at) || !fits(tenantKey, tenantWindows, at)) {
        throttled++;
        return reply(429, { error: { code: 'Throttled', message: 'Too many requests' } }, { 'retry-after': '1' });
      }
      recent.get(conversationKey)!.push(at);
      recent.get(tenantKey)!.push(at);
      let body: { attachments?: { content?: { actions?: { verb?: string; data?: { sessionId?: string } }[] } }[] };
      try {
        body = JSON.parse(raw);
      } catch {
        return reply(400, { error: { code: 'BadArgument', message: 'Invalid activity body' } });
      }
      const sessionId = body.attachments?.[0]?.content?.actions?.find((a) => a.verb === 'session.reschedule')?.data?.sessionId ?? 'unknown';
      const key = `${conversationId}|${sessionId}`;
      accepted.set(key, (accepted.get(key) ?? 0) + 1);
      acceptedAt.push(at);
      reply(200, { id: `activity-${nextId++}` });
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    serviceUrl: `http://127.0.0.1:${port}`,
    accepted,
    acceptedAt,
    throttled: () => throttled,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
