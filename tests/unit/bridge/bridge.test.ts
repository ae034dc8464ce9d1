import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handlers } from '../../../src/main/api/index.ts';
import { type Bridge, startBridge } from '../../../src/main/bridge/server.ts';
import { createServices, type Services } from '../../../src/main/services.ts';

/** A raw HTTP call, so the test controls every header (fetch would set Host itself). */
function raw(
  bridge: Bridge,
  options: { path: string; method?: string; headers?: Record<string, string>; body?: string },
) {
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: bridge.port,
        path: options.path,
        method: options.method ?? 'GET',
        headers: options.headers,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c) => {
          body += c;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

describe('the dev/test bridge only answers its own page', () => {
  let bridge: Bridge;
  let services: Services;
  let host: string;

  beforeAll(async () => {
    const home = await mkdtemp(join(tmpdir(), 'upright-bridge-'));
    const staticDir = join(home, 'renderer');
    await mkdir(staticDir);
    await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>Upright</title>');
    await writeFile(join(home, 'secret.txt'), 'outside the renderer');
    services = createServices({
      vaultLocation: join(home, 'vault'),
      runtime: { runtime: 'node', electron: null },
      dialogs: {
        chooseBackupFolder: async () => null,
        chooseImportPaths: async () => [],
        chooseSavePath: async () => null,
      },
    });
    bridge = await startBridge({ handlers, services, staticDir });
    host = `127.0.0.1:${bridge.port}`;
  });
  afterAll(async () => {
    await bridge.close();
    services.close();
  });

  const invoke = (headers: Record<string, string>, body = JSON.stringify({ method: 'vault.status', params: {} })) =>
    raw(bridge, {
      path: '/api/invoke',
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body,
    });

  it('listens on loopback with a random port and a long random token in the URL fragment', () => {
    expect(bridge.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(bridge.port).toBeGreaterThan(0);
    expect(bridge.token.length).toBeGreaterThanOrEqual(40);
    expect(bridge.url).toBe(`${bridge.origin}/#token=${bridge.token}`);
  });

  it('answers a call that carries the token', async () => {
    const res = await invoke({ Host: host, Authorization: `Bearer ${bridge.token}` });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, result: { state: 'absent' } });
  });

  it('refuses calls without the token or with a wrong one', async () => {
    for (const auth of [
      undefined,
      'Bearer ',
      `Bearer ${bridge.token.slice(1)}`,
      `Bearer ${bridge.token}x`,
      bridge.token,
    ]) {
      const res = await invoke(auth === undefined ? { Host: host } : { Host: host, Authorization: auth });
      expect(res.status, String(auth)).toBe(401);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    }
  });

  it('refuses a foreign Host header even with the token (DNS rebinding)', async () => {
    for (const foreign of ['evil.example:80', `attacker.test:${bridge.port}`, `127.0.0.1:${bridge.port + 1}`]) {
      const res = await invoke({ Host: foreign, Authorization: `Bearer ${bridge.token}` });
      expect(res.status, foreign).toBe(403);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_HOST' } });
    }
    const page = await raw(bridge, { path: '/', headers: { Host: 'evil.example' } });
    expect(page.status).toBe(403);
  });

  it('refuses a call from another web origin', async () => {
    const res = await invoke({ Host: host, Origin: 'https://evil.example', Authorization: `Bearer ${bridge.token}` });
    expect(res.status).toBe(403);
  });

  it('answers unknown methods and bad JSON with stable codes', async () => {
    const auth = { Host: host, Authorization: `Bearer ${bridge.token}` };
    expect(JSON.parse((await invoke(auth, JSON.stringify({ method: 'nope', params: {} }))).body)).toMatchObject({
      error: { code: 'UNKNOWN_METHOD' },
    });
    expect(JSON.parse((await invoke(auth, '{not json')).body)).toMatchObject({ error: { code: 'PARAMS_NOT_JSON' } });
  });

  it('serves the built renderer with the strict CSP, and nothing outside it', async () => {
    const page = await raw(bridge, { path: '/', headers: { Host: host } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Upright</title>');
    expect(String(page.headers['content-security-policy'])).toContain("default-src 'self'");
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2Fsecret.txt']) {
      const res = await raw(bridge, { path, headers: { Host: host } });
      expect(res.status, path).toBe(404);
      expect(res.body).not.toContain('outside the renderer');
    }
  });

  it('streams events to a subscriber holding the token', async () => {
    const received = new Promise<string>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: bridge.port,
          path: '/api/events',
          headers: { Host: host, Authorization: `Bearer ${bridge.token}` },
        },
        (res) => {
          let buffer = '';
          res.setEncoding('utf8');
          res.on('data', (chunk) => {
            buffer += chunk;
            const line = buffer.split('\n').find((l) => l.includes('vault.changed'));
            if (line) {
              resolve(line);
              req.destroy();
            }
          });
          // Once the stream is open, cause an event.
          setTimeout(() => services.events.emit('vault.changed', services.status()), 50);
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(JSON.parse(await received)).toMatchObject({ event: 'vault.changed', payload: { state: 'absent' } });
    const refused = await raw(bridge, { path: '/api/events', headers: { Host: host } });
    expect(refused.status).toBe(401);
  });
});
