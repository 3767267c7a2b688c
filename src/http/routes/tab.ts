/**
 * Serves the built tabs (Vite's output, `dist/tab`) under /tab: files as they
 * are, with long-lived caching for the content-hashed assets and none for the
 * pages, and the personal tab's index.html for its own addresses
 * (/tab/pairs/<id>, /tab/guides) so they can be reloaded and linked to.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type restify from 'restify';
import type { Request, Response } from 'restify';

export interface TabRouteOptions {
  /** The built tab: the directory holding index.html and assets/. */
  dir: string;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.svg', '.txt']);
/** Vite names every file under assets/ by its content hash, so a given name never changes. */
const HASHED_ASSET_CACHE = 'public, max-age=31536000, immutable';
const PAGE_CACHE = 'no-cache';

export const TAB_NOT_BUILT = 'The tab has not been built: run "npm run build" (or "npm run build:tab") and restart Tandem.';

interface LoadedFile {
  body: Buffer;
  gzipped: Buffer | null;
  modifiedMs: number;
}

export function registerTab(server: restify.Server, options: TabRouteOptions): void {
  const root = path.resolve(options.dir);
  const loaded = new Map<string, LoadedFile>();

  async function load(file: string): Promise<LoadedFile | null> {
    let stat;
    try {
      stat = await fs.stat(file);
    } catch {
      return null;
    }
    if (!stat.isFile()) return null;
    const cached = loaded.get(file);
    if (cached && cached.modifiedMs === stat.mtimeMs) return cached;
    const body = await fs.readFile(file);
    const entry = { body, gzipped: COMPRESSIBLE.has(path.extname(file)) ? gzipSync(body) : null, modifiedMs: stat.mtimeMs };
    loaded.set(file, entry);
    return entry;
  }

  function send(req: Request, res: Response, file: string, entry: LoadedFile, cacheControl: string): void {
    const gzip = entry.gzipped !== null && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const body = gzip ? entry.gzipped! : entry.body;
    const headers: Record<string, string | number> = {
      'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Content-Length': body.length,
      'Cache-Control': cacheControl,
      'X-Content-Type-Options': 'nosniff',
      Vary: 'Accept-Encoding',
    };
    if (gzip) headers['Content-Encoding'] = 'gzip';
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  function refuse(res: Response, status: 404 | 503, message: string): void {
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(`${message}\n`);
  }

  async function serve(req: Request, res: Response): Promise<void> {
    const index = await load(path.join(root, 'index.html'));
    if (!index) return refuse(res, 503, TAB_NOT_BUILT);

    let relative: string;
    try {
      relative = decodeURIComponent(req.getPath().replace(/^\/tab\/?/, ''));
    } catch {
      return refuse(res, 404, 'No such file in the tab.');
    }
    const file = path.resolve(root, relative);
    if (file !== root && !file.startsWith(root + path.sep)) return refuse(res, 404, 'No such file in the tab.');

    const found = relative === '' ? null : await load(file);
    if (found) {
      const hashed = relative.startsWith('assets/');
      return send(req, res, file, found, hashed ? HASHED_ASSET_CACHE : PAGE_CACHE);
    }
    // A name with an extension is a file that is not there; anything else is one of the app's own addresses.
    if (path.extname(relative) !== '') return refuse(res, 404, 'No such file in the tab.');
    return send(req, res, path.join(root, 'index.html'), index, PAGE_CACHE);
  }

  server.get('/tab', async (req: Request, res: Response) => {
    const query = req.getQuery();
    res.writeHead(308, { Location: `/tab/${query ? `?${query}` : ''}` });
    res.end();
  });
  server.get('/tab/*', serve);
  server.head('/tab/*', serve);
}
