import { describe, expect, it, vi } from 'vitest';
import { type Context, dispatch, type Handlers } from '../../../src/main/api/registry.ts';
import type { Services } from '../../../src/main/services.ts';
import { ERROR_CODES, UprightError } from '../../../src/shared/errors.ts';

const ctx = { services: {} as Services, transport: 'test' } satisfies Context;

function handlersWith(overrides: Partial<Handlers>): Handlers {
  return overrides as Handlers;
}

describe('every call goes through one dispatcher', () => {
  it('refuses a method the table does not have, including prototype names', async () => {
    for (const name of ['vault.format', 'constructor', '__proto__', 'toString', 42, null]) {
      const envelope = await dispatch(handlersWith({}), name, {}, ctx);
      expect(envelope).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    }
  });

  it('validates params before a handler runs', async () => {
    const unlock = vi.fn();
    const handlers = handlersWith({ 'vault.unlock': unlock });
    for (const params of [{}, { passphrase: 42 }, { passphrase: 'x', path: '/etc/passwd' }, 'string', [1]]) {
      const envelope = await dispatch(handlers, 'vault.unlock', params, ctx);
      expect(envelope).toMatchObject({ ok: false, error: { code: 'INVALID_PARAMS' } });
    }
    expect(unlock).not.toHaveBeenCalled();
  });

  it('names the field at fault without echoing its value', async () => {
    const envelope = await dispatch(handlersWith({}), 'vault.unlock', { passphrase: 123456789 }, ctx);
    expect(envelope.ok).toBe(false);
    if (!envelope.ok) {
      expect(envelope.error).toEqual({ code: 'INVALID_PARAMS', params: { fields: 'passphrase' } });
      expect(JSON.stringify(envelope.error)).not.toContain('123456789');
    }
  });

  it('passes a handler’s UprightError through with its code', async () => {
    const handlers = handlersWith({
      'vault.unlock': () => {
        throw new UprightError('WRONG_PASSPHRASE');
      },
    });
    const envelope = await dispatch(handlers, 'vault.unlock', { passphrase: 'nope' }, ctx);
    expect(envelope).toEqual({
      ok: false,
      error: { code: 'WRONG_PASSPHRASE', params: {} },
    });
  });

  it('turns an unexpected failure into INTERNAL with no stack trace or message leaking', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const handlers = handlersWith({
      'vault.status': () => {
        throw new Error('secret witness name in /home/monitor/case.pdf');
      },
    });
    const envelope = await dispatch(handlers, 'vault.status', {}, ctx);
    expect(envelope).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(envelope)).not.toContain('witness');
    expect(String(error.mock.calls)).not.toContain('witness');
    error.mockRestore();
  });

  it('strips fields a result schema does not name, and rejects a malformed result', async () => {
    const handlers = handlersWith({
      'vault.status': () =>
        ({ state: 'locked', location: '/v', autoLockMinutes: 10, sample: false, dataKey: 'deadbeef' }) as never,
      'settings.get': () => ({ autoLockMinutes: 'ten' }) as never,
    });
    const status = await dispatch(handlers, 'vault.status', {}, ctx);
    expect(status).toEqual({
      ok: true,
      result: { state: 'locked', location: '/v', autoLockMinutes: 10, sample: false },
    });
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await dispatch(handlers, 'settings.get', {}, ctx)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    error.mockRestore();
  });

  it('has a sentence for every error code', () => {
    for (const code of ERROR_CODES) expect(new UprightError(code).message.length).toBeGreaterThan(10);
  });
});
