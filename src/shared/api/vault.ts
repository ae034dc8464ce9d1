import { z } from 'zod';
import { method, NoParams } from './method.ts';

export const VaultState = z.enum(['absent', 'locked', 'unlocked']);

/**
 * The authenticated cipher a vault's pages are in (SQLite3MC): AEGIS-256 for new vaults and rotated
 * ones, ChaCha20-Poly1305 for vaults made before, until their key is rotated.
 */
export const PageCipher = z.enum(['aegis-256', 'chacha20-poly1305']);
export type PageCipher = z.infer<typeof PageCipher>;

export const VaultStatus = z.object({
  state: VaultState,
  /** Where the vault folder is (the user's own disk), so they know what to back up. */
  location: z.string(),
  autoLockMinutes: z.number().int(),
  /** The throw-away sample vault of "Explore a sample dossier", not the person's own. */
  sample: z.boolean(),
  /** Argon2id parameters of the passphrase slot (shown in About); null when there is no key file. */
  kdf: z
    .object({ memoryKiB: z.number().int(), passes: z.number().int(), parallelism: z.number().int() })
    .nullable()
    .optional(),
  /**
   * The last full integrity check, run in the background when idle (unlock checks only the
   * structure): null until one has run. ok false is shown as VAULT_DAMAGE_FOUND.
   */
  integrity: z.object({ checkedAt: z.string(), ok: z.boolean() }).nullable().optional(),
  /** The open vault's page cipher (shown in About); null while locked. */
  cipher: PageCipher.nullable().optional(),
});
export type VaultStatus = z.infer<typeof VaultStatus>;

/** Passphrases are checked for length here and for strength in the meter; never logged or echoed. */
const Passphrase = z.string().min(1, 'Enter a passphrase').max(1024);

export const VerifyReport = z.object({
  ok: z.boolean(),
  /** SQLite's integrity_check lines: ["ok"] when the database is sound. */
  integrity: z.array(z.string()),
  audit: z.object({
    ok: z.boolean(),
    entries: z.number().int(),
    brokenAtSeq: z.number().int().nullable(),
    /** The log ends where its head, sealed with the vault key, says: false after a cut tail or a rebuilt chain. */
    headOk: z.boolean(),
  }),
  originals: z.object({
    checked: z.number().int(),
    mismatched: z.array(z.object({ sourceId: z.string(), title: z.string() })),
    /** Set when the originals could not be read at all (worded by the renderer and the CLI). */
    unreadable: z.literal(true).optional(),
  }),
});
export type VerifyReport = z.infer<typeof VerifyReport>;

/** The heavy vault tasks, run one at a time in the vault worker (src/main/workers/vault-worker.ts). */
export const VaultTaskKind = z.enum(['verify', 'backup']);
export type VaultTaskKind = z.infer<typeof VaultTaskKind>;

/** What a running verify or backup is doing: pushed as task.progress, last with done = true. */
export const TaskProgress = z.object({
  task: VaultTaskKind,
  /** The idle integrity check (not asked for by the person): Settings shows it quietly. */
  background: z.boolean(),
  /**
   * pages: SQLite reads every page; audit: the audit chain; originals: each stored original's SHA-256;
   * copy: the encrypted copy is written; check: the copy is opened and checked.
   */
  step: z.enum(['pages', 'audit', 'originals', 'copy', 'check']),
  /** Work done and total in the step's unit (originals, or bytes of the copy); total 0 when not countable. */
  done: z.number().int().min(0),
  total: z.number().int().min(0),
  /** The task has ended (finished, failed or cancelled). */
  finished: z.boolean(),
});
export type TaskProgress = z.infer<typeof TaskProgress>;

/**
 * An unlock that first brings an older vault's schema up to date (in the vault worker): pushed as
 * vault.migrating before each step, then once with finished = true. The unlock screen shows
 * "step n of m".
 */
export const MigrationProgress = z.object({
  step: z.number().int().min(1),
  total: z.number().int().min(1),
  /** The schema version this step brings the vault to. */
  version: z.number().int().min(1),
  finished: z.boolean(),
});
export type MigrationProgress = z.infer<typeof MigrationProgress>;

export const Settings = z.object({
  autoLockMinutes: z.number().int().min(1).max(240),
});
export type Settings = z.infer<typeof Settings>;

export const vaultApi = {
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
    summary:
      'Ask open windows to save their pending edits (briefly), then close the vault, forget its key and reload the windows.',
    params: NoParams,
    result: VaultStatus,
  }),
  'vault.flushed': method({
    summary: 'A window has saved every pending edit it held, as a lock asked it to (answers vault.locking).',
    params: z.object({ requestId: z.string().min(1).max(100) }).strict(),
    result: z.object({}),
  }),
  'vault.changePassphrase': method({
    summary: 'Replace the passphrase (rewrites the key slot, not the data).',
    params: z.object({ current: Passphrase, next: Passphrase }).strict(),
    result: VaultStatus,
  }),
  'vault.rotateKeys': method({
    summary:
      'Re-encrypt the vault under a new data key, with a new passphrase (or the current one) and a new recovery key, shown once. Old key files stop opening it; backups already made keep their old keys.',
    params: z.object({ current: Passphrase, next: Passphrase.optional() }).strict(),
    result: z.object({ recoveryKey: z.string(), status: VaultStatus }),
  }),
  'vault.newRecoveryKey': method({
    summary: 'Replace the recovery key (the data key stays); returns the new one, shown once.',
    params: z.object({ passphrase: Passphrase }).strict(),
    result: z.object({ recoveryKey: z.string() }),
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
  'vault.cancelTask': method({
    summary:
      'Cancel the running verify or backup (a backup leaves no partial copy); answers whether one was running. The cancelled call fails with TASK_CANCELLED.',
    params: NoParams,
    result: z.object({ cancelled: z.boolean() }),
  }),
  'sample.explore': method({
    summary: 'Open a throw-away sample vault with a dossier of public documents (the person’s own vault is untouched).',
    params: NoParams,
    result: VaultStatus,
  }),
  'sample.leave': method({
    summary: 'Delete the sample vault and return to the person’s own.',
    params: NoParams,
    result: VaultStatus,
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

/** Pushed before the vault locks: save every pending edit now, then answer with vault.flushed. */
export const VaultLocking = z.object({ requestId: z.string() });
export type VaultLocking = z.infer<typeof VaultLocking>;

/** Pushed after a lock where the shell cannot reload the page itself (the browser bridge): reload it. */
export const WindowReload = z.object({});
