// The seized-laptop test (SECURITY.md): distinctive markers go into a note, a source's text and its
// original bytes; then every byte under the vault folder, the app-data folder and the OS temp folder
// (files changed since the test began) is searched for them, in UTF-8 and UTF-16LE. Also the WAL,
// while the vault is still open and before any checkpoint.
import { randomBytes } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appDataDir, cleanup, dataKeyOf, decryptedPages, newVault, PASSPHRASE } from './helpers.ts';

afterEach(cleanup);

function* filesUnder(dir: string, since: number): Generator<string> {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return; // unreadable (another user's folder in /tmp): not ours
  }
  for (const name of names) {
    const path = join(dir, name);
    let stat: ReturnType<typeof lstatSync>;
    try {
      stat = lstatSync(path);
    } catch {
      continue; // vanished meanwhile
    }
    if (stat.isDirectory()) yield* filesUnder(path, since);
    else if (stat.isFile() && stat.mtimeMs >= since && stat.size < 512 * 1024 * 1024) yield path;
  }
}

function needles(marker: string): Buffer[] {
  return [Buffer.from(marker, 'utf8'), Buffer.from(marker, 'utf16le')];
}

function filesContaining(paths: Iterable<string>, marker: string): string[] {
  const found: string[] = [];
  for (const path of paths) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch {
      continue;
    }
    if (needles(marker).some((needle) => bytes.includes(needle))) found.push(path);
  }
  return found;
}

describe('a seized laptop reveals nothing of a locked vault', () => {
  it('finds no marker in any file the vault could have written, even in the WAL while open', async () => {
    const started = Date.now() - 1000; // mtime granularity
    const appData = appDataDir();
    const location = join(appData, 'vault');
    const noteMarker = `NOTE-MARKER-${randomBytes(8).toString('hex')}`;
    const textMarker = `TEXT-MARKER-${randomBytes(8).toString('hex')}`;
    const originalMarker = `ORIGINAL-MARKER-${randomBytes(8).toString('hex')}`;
    const markers = [noteMarker, textMarker, originalMarker];

    const vault = newVault(location);
    await vault.create(PASSPHRASE);
    const store = vault.store();
    const dossier = store.dossiers.create({ title: 'Dossier' });
    const original = Buffer.concat([
      Buffer.from('%PDF-1.7\n'),
      randomBytes(20_000),
      Buffer.from(`(${originalMarker}) Tj\n`),
      Buffer.from(originalMarker, 'utf16le'),
      randomBytes(20_000),
    ]);
    const source = store.sources.add({
      dossierId: dossier.id,
      title: `Interview with ${textMarker}`,
      kind: 'testimony',
      text: `The witness ${textMarker} described the arrest.`,
      original: { bytes: original, mediaType: 'application/pdf', filename: 'interview.pdf' },
    });
    store.excerpts.add({ sourceId: source.id, exact: 'described', start: 10, end: 19, note: noteMarker });
    // Exercise the full-text index, the temp store and a sort that could spill.
    expect(store.excerpts.searchText(noteMarker.replaceAll('-', ' '))).toHaveLength(1);
    expect(store.sources.searchText(`"${textMarker}"`)).toHaveLength(1);

    // While open: the WAL holds the new pages, still encrypted.
    const wal = join(location, 'vault.db-wal');
    expect(existsSync(wal)).toBe(true);
    expect(readFileSync(wal).length).toBeGreaterThan(0);
    for (const marker of markers) expect(filesContaining([wal, join(location, 'vault.db')], marker)).toEqual([]);

    vault.lock();

    const candidates = new Set([
      ...filesUnder(location, 0),
      ...filesUnder(appData, 0),
      ...filesUnder(tmpdir(), started),
    ]);
    expect(candidates.size).toBeGreaterThanOrEqual(2);
    for (const marker of markers) expect(filesContaining(candidates, marker)).toEqual([]);

    // And the markers really are inside: the scan would have found a plaintext copy.
    const reopened = newVault(location);
    await reopened.unlock(PASSPHRASE);
    expect(reopened.store().excerpts.searchText(noteMarker.replaceAll('-', ' '))).toHaveLength(1);
    expect(reopened.store().sources.original(source.id)?.includes(originalMarker)).toBe(true);
    reopened.lock();
  });
});

describe('a deleted source leaves nothing behind, even for someone who holds the key', () => {
  it('its title, file name, text and notes are in no page of the vault, free pages included', async () => {
    const location = join(appDataDir(), 'vault');
    const tag = randomBytes(6).toString('hex');
    const title = `Zhanaozen strike list ${tag}`;
    const fileName = `zhanaozen-names-${randomBytes(6).toString('hex')}.pdf`;
    const note = `NOTE-${randomBytes(6).toString('hex')}`;
    const vault = newVault(location);
    await vault.create(PASSPHRASE);
    const store = vault.store();
    const dossier = store.dossiers.create({ title: 'Dossier' });
    const source = store.sources.add({
      dossierId: dossier.id,
      title,
      kind: 'testimony',
      text: `${title}\n\nThe list of ${tag} workers.`,
      documentSymbol: `DOC-${tag}`,
      original: { bytes: Buffer.from(`%PDF-1.7 ${title}`), mediaType: 'application/pdf', filename: fileName },
    });
    store.excerpts.add({ sourceId: source.id, exact: 'workers', start: 10, end: 17, note });
    store.sources.add({ dossierId: dossier.id, title: 'Another report', kind: 'ngo_report', text: 'Unrelated text.' });
    // The full-text index holds the title's words, lower-cased: the tag is one of them.
    const secrets = [title, fileName, note, tag];
    const key = await dataKeyOf(location);
    const readable = () => {
      const { cipher, pages } = decryptedPages(join(location, 'vault.db'), key);
      expect(cipher).toBe('aegis-256');
      const raw = [...filesUnder(location, 0)].map((file) => readFileSync(file));
      return secrets.filter((secret) =>
        needles(secret).some((needle) => pages.includes(needle) || raw.some((bytes) => bytes.includes(needle))),
      );
    };
    vault.lock();
    expect(readable()).toEqual(secrets); // the scan sees them while the source exists

    await vault.unlock(PASSPHRASE);
    expect(vault.store().sources.remove(source.id)).toBe(true);
    expect(vault.store().sources.searchText(tag)).toEqual([]);
    vault.lock();
    expect(readable()).toEqual([]);
    key.fill(0);
  });
});
