// Bundles opened for a preview, held in memory (decrypted) until they are imported or the vault locks:
// the page holds only a token, never a path or the bundle's contents.
import { randomBytes } from 'node:crypto';
import { UprightError } from '../../shared/errors.ts';
import type { Services } from '../services.ts';
import type { OpenedBundle } from './exchange.ts';

/** `inboxName`: the bundle came from the shared inbox folder (marked imported there once merged). */
export type Pending =
  | { state: 'locked'; bytes: Uint8Array; inboxName: string | null }
  | { state: 'open'; opened: OpenedBundle; inboxName: string | null };

const held = new WeakMap<Services, Map<string, Pending>>();

function table(services: Services): Map<string, Pending> {
  let map = held.get(services);
  if (!map) {
    const fresh = new Map<string, Pending>();
    map = fresh;
    held.set(services, fresh);
    services.events.listen((name, payload) => {
      if (name === 'vault.changed' && (payload as { state?: string }).state !== 'unlocked') fresh.clear();
    });
  }
  return map;
}

export function hold(services: Services, pending: Pending, token?: string): string {
  const map = table(services);
  // Only the latest few stay: a preview abandoned without importing is not kept forever.
  if (map.size >= 4 && token === undefined) map.delete(map.keys().next().value as string);
  const key = token ?? randomBytes(16).toString('hex');
  map.set(key, pending);
  return key;
}

export function take(services: Services, token: string): Pending {
  const pending = table(services).get(token);
  if (!pending) throw new UprightError('BUNDLE_PREVIEW_EXPIRED');
  return pending;
}

export function release(services: Services, token: string): void {
  table(services).delete(token);
}
