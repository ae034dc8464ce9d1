// The API table: the one contract between renderer, main, tests and CLI.
// Each method has a summary (shown by `upright call --list`), a zod schema for its params and one
// for its result. Handlers live in src/main/api/, one file per area, joined into one table.
// Nothing here may import Node or DOM code: both sides import this file.

import { z } from 'zod';

function method<P extends z.ZodType, R extends z.ZodType>(spec: { summary: string; params: P; result: R }) {
  return spec;
}

const NoParams = z.object({}).strict();

export const VaultState = z.enum(['absent', 'locked', 'unlocked']);

export const VaultStatus = z.object({
  state: VaultState,
  /** Where the vault folder is (the user's own disk), so they know what to back up. */
  location: z.string(),
  autoLockMinutes: z.number().int(),
});
export type VaultStatus = z.infer<typeof VaultStatus>;

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  /** The runtime the services run in: Electron's Node, or plain Node for the CLI and test bridge. */
  runtime: z.enum(['electron', 'node']),
  node: z.string(),
  electron: z.string().nullable(),
  sqlcipher: z.string().nullable(),
  platform: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;

/** Passphrases are checked for length here and for strength in the meter; never logged or echoed. */
const Passphrase = z.string().min(1, 'Enter a passphrase').max(1024);

export const VerifyReport = z.object({
  ok: z.boolean(),
  /** SQLite's integrity_check lines: ["ok"] when the database is sound. */
  integrity: z.array(z.string()),
  audit: z.object({ ok: z.boolean(), entries: z.number().int(), brokenAtSeq: z.number().int().nullable() }),
  originals: z.object({
    checked: z.number().int(),
    mismatched: z.array(z.object({ sourceId: z.string(), title: z.string() })),
  }),
});
export type VerifyReport = z.infer<typeof VerifyReport>;

export const Settings = z.object({
  autoLockMinutes: z.number().int().min(1).max(240),
});
export type Settings = z.infer<typeof Settings>;

export const api = {
  'app.info': method({
    summary: 'Version of Upright and of the runtime it runs in.',
    params: NoParams,
    result: AppInfo,
  }),
  'vault.status': method({
    summary: 'Whether a vault exists here and whether it is locked.',
    params: NoParams,
    result: VaultStatus,
  }),
  'vault.create': method({
    summary: 'Create the vault with a passphrase; returns the recovery key, shown once.',
    params: z.object({ passphrase: Passphrase }).strict(),
    result: z.object({ recoveryKey: z.string(), status: VaultStatus }),
  }),
  'vault.unlock': method({
    summary: 'Open the vault with its passphrase.',
    params: z.object({ passphrase: Passphrase }).strict(),
    result: VaultStatus,
  }),
  'vault.recover': method({
    summary: 'Open the vault with the recovery key and set a new passphrase.',
    params: z.object({ recoveryKey: z.string().min(1).max(200), newPassphrase: Passphrase }).strict(),
    result: VaultStatus,
  }),
  'vault.lock': method({
    summary: 'Close the vault and forget its key.',
    params: NoParams,
    result: VaultStatus,
  }),
  'vault.changePassphrase': method({
    summary: 'Replace the passphrase (rewrites the key slot, not the data).',
    params: z.object({ current: Passphrase, next: Passphrase }).strict(),
    result: VaultStatus,
  }),
  'vault.backup': method({
    summary: 'Write an encrypted copy of the vault to a folder the person chooses.',
    params: NoParams,
    result: z.object({ location: z.string(), bytes: z.number().int() }),
  }),
  'vault.verify': method({
    summary: 'Check the database, the audit chain and every stored original.',
    params: NoParams,
    result: VerifyReport,
  }),
  'settings.get': method({
    summary: 'The vault’s settings.',
    params: NoParams,
    result: Settings,
  }),
  'settings.update': method({
    summary: 'Change settings (e.g. minutes of inactivity before auto-lock).',
    params: Settings.partial().strict(),
    result: Settings,
  }),
};

/** Events that main pushes to subscribers (renderer via subscribe(), bridge via its event stream). */
export const events = {
  'vault.changed': VaultStatus,
};

export type Api = typeof api;
export type Method = keyof Api;
export type Params<M extends Method> = z.input<Api[M]['params']>;
export type Result<M extends Method> = z.output<Api[M]['result']>;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export const METHODS = Object.keys(api) as Method[];
export const EVENT_NAMES = Object.keys(events) as EventName[];

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.hasOwn(api, name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}

/** The whole surface the preload exposes to the page, and the bridge client imitates. */
export interface UprightBridge {
  invoke(method: string, params: unknown): Promise<import('./errors.ts').Envelope<unknown>>;
  subscribe(event: string, callback: (payload: unknown) => void): () => void;
}
