/**
 * A real restify server on a free port, set up like Tandem's (same body
 * parser), with whatever routes a suite registers; plus a small JSON client.
 */
import type { AddressInfo } from 'node:net';
import restify from 'restify';
import pino from 'pino';

export const silentLogger = pino({ level: 'silent' });

export interface ApiServer {
  server: restify.Server;
  call(method: 'GET' | 'POST', path: string, options?: { token?: string; authorization?: string; body?: unknown; rawBody?: string }): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }>;
  close(): Promise<void>;
}

export async function startApiServer(register: (server: restify.Server) => void): Promise<ApiServer> {
  const server = restify.createServer({ name: 'tandem-test', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: 256 * 1024, mapParams: false, rejectUnknown: true }));
  register(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    server,
    async call(method, path, options = {}) {
      const headers: Record<string, string> = {};
      if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
      if (options.authorization !== undefined) headers.authorization = options.authorization;
      let body: string | undefined;
      if (options.rawBody !== undefined || options.body !== undefined) {
        headers['content-type'] = 'application/json';
        body = options.rawBody ?? JSON.stringify(options.body);
      }
      const response = await fetch(`http://127.0.0.1:${port}${path}`, { method, headers, body });
      const text = await response.text();
      return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {}, headers: response.headers };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
