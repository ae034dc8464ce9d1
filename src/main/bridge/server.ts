// The dev/test bridge: answers the API table over HTTP on 127.0.0.1 so the renderer can be driven
// in Debian's Chromium without an Electron binary. Never imported by the packaged app.
// Defences: loopback only, random port, a random per-run token on every API call (constant-time
// compare), the Host header must name this server (DNS rebinding), foreign Origins refused.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { type Envelope, type ErrorCode, UprightError } from '../../shared/errors.ts';
import { dispatch, type Handlers } from '../api/registry.ts';
import { contentSecurityPolicy } from '../security/csp.ts';
import type { Services } from '../services.ts';

export interface BridgeOptions {
  handlers: Handlers;
  services: Services;
  /** The built renderer (out/renderer); omitted for an API-only bridge in tests. */
  staticDir?: string;
  /** Fixed token for tests that need one; random by default. */
  token?: string;
  port?: number;
  /** Called on every authorised API call: the preview's idle timer counts from it. */
  onActivity?: () => void;
}

export interface Bridge {
  origin: string;
  /** The address to open in a browser: the token travels in the fragment, never to the server log. */
  url: string;
  token: string;
  port: number;
  /** How many pages hold the event stream open (each answers a request to save before a lock). */
  listeners(): number;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 256 * 1024 * 1024;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

const SECURITY_HEADERS = {
  'Content-Security-Policy': contentSecurityPolicy(),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

function send(res: ServerResponse, status: number, body: string | Buffer, type: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

function sendError(res: ServerResponse, status: number, code: ErrorCode): void {
  const envelope: Envelope<never> = { ok: false, error: new UprightError(code).toPayload() };
  send(res, status, JSON.stringify(envelope), MIME['.json'] as string);
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const presented = header?.startsWith('Bearer ') ? header.slice(7) : '';
  const a = Buffer.from(presented);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const staticRoot = options.staticDir ? resolve(options.staticDir) : null;
  let port = 0;
  const streams = new Set<ServerResponse>();

  const stopListening = options.services.events.listen((event, payload) => {
    const line = `${JSON.stringify({ event, payload })}\n`;
    for (const res of streams) res.write(line);
  });

  async function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    if (!staticRoot || (req.method !== 'GET' && req.method !== 'HEAD')) return sendError(res, 404, 'NOT_FOUND');
    const relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
    const file = normalize(join(staticRoot, relative));
    if (!file.startsWith(staticRoot + sep)) return sendError(res, 404, 'NOT_FOUND');
    try {
      const info = await stat(file);
      if (!info.isFile()) return sendError(res, 404, 'NOT_FOUND');
      send(res, 200, await readFile(file), MIME[extname(file)] ?? 'application/octet-stream');
    } catch {
      sendError(res, 404, 'NOT_FOUND');
    }
  }

  const server = createServer(async (req, res) => {
    try {
      const hosts = allowedHosts(port);
      if (!hosts.has(req.headers.host ?? '')) return sendError(res, 403, 'FORBIDDEN_HOST');
      const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
      if (!url.pathname.startsWith('/api/')) return await serveStatic(req, res, url.pathname);

      const origin = req.headers.origin;
      if (origin !== undefined && !hosts.has(origin.replace(/^http:\/\//, ''))) {
        return sendError(res, 403, 'FORBIDDEN_HOST');
      }
      if (!tokenMatches(req.headers.authorization, token)) return sendError(res, 401, 'UNAUTHORIZED');

      if (url.pathname === '/api/invoke' && req.method === 'POST') {
        let body: { method?: unknown; params?: unknown };
        try {
          body = JSON.parse(await readBody(req)) as typeof body;
        } catch {
          return sendError(res, 400, 'PARAMS_NOT_JSON');
        }
        options.onActivity?.();
        const envelope = await dispatch(options.handlers, body?.method, body?.params, {
          services: options.services,
          transport: 'bridge',
        });
        return send(res, 200, JSON.stringify(envelope), MIME['.json'] as string);
      }
      if (url.pathname === '/api/events' && req.method === 'GET') {
        res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'application/x-ndjson; charset=utf-8' });
        res.write('\n'); // flush headers so the client's fetch resolves
        streams.add(res);
        req.on('close', () => streams.delete(res));
        return;
      }
      sendError(res, 404, 'UNKNOWN_METHOD');
    } catch {
      if (!res.headersSent) sendError(res, 500, 'INTERNAL');
      else res.end();
    }
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;

  return {
    origin,
    url: `${origin}/#token=${token}`,
    token,
    port,
    listeners: () => streams.size,
    close: async () => {
      stopListening();
      for (const res of streams) res.end();
      streams.clear();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
