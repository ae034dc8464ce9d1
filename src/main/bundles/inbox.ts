// A shared inbox folder: one the person chooses and an existing engine keeps in step (Syncthing, a
// network share, a USB stick). Outgoing bundles are written there under content-addressed names;
// incoming ones are those whose age header this vault's key opens (only the header is read: the
// file key is unwrapped, nothing is decrypted), or that are locked with a passphrase.
import { createHash } from 'node:crypto';
import { open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Decrypter } from 'age-encryption';
import { lockKind } from './archive.ts';

/** "3f9c…e1.upright.age": the first 128 bits of the bundle's SHA-256, so a name says nothing and repeats never. */
export const INBOX_NAME = /^[0-9a-f]{32}\.upright\.age$/;

export function inboxName(bytes: Uint8Array): string {
  return `${createHash('sha256').update(bytes).digest('hex').slice(0, 32)}.upright.age`;
}

export interface InboxEntry {
  name: string;
  size: number;
  modifiedAt: string;
  locked: 'key' | 'passphrase';
}

/** The first bytes of a file, where an age header lives (a header with many recipients stays well under 64 KiB). */
async function head(path: string): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffer = new Uint8Array(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

async function forMe(bytes: Uint8Array, ageSecret: string): Promise<'key' | 'passphrase' | null> {
  try {
    if (lockKind(bytes) === 'passphrase') return 'passphrase';
    const decrypter = new Decrypter();
    decrypter.addIdentity(ageSecret);
    await decrypter.decryptHeader(bytes);
    return 'key';
  } catch {
    return null;
  }
}

/** Bundles in the folder addressed to this vault (or to a passphrase), newest first, minus those already imported. */
export async function listInbox(folder: string, ageSecret: string, seen: ReadonlySet<string>): Promise<InboxEntry[]> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return [];
  }
  const entries: InboxEntry[] = [];
  for (const name of names) {
    if (!INBOX_NAME.test(name) || seen.has(name)) continue;
    try {
      const path = join(folder, name);
      const info = await stat(path);
      if (!info.isFile()) continue;
      const locked = await forMe(await head(path), ageSecret);
      if (locked) entries.push({ name, size: info.size, modifiedAt: info.mtime.toISOString(), locked });
    } catch {
      // vanished or unreadable meanwhile (a sync in progress): listed next time
    }
  }
  return entries.sort((a, b) => (a.modifiedAt < b.modifiedAt ? 1 : -1));
}
