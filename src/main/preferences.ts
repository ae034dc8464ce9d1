// The few choices that must be known before the vault is unlocked — today the interface language —
// kept in a small file beside the vault folder, not inside it. Nothing here says anything about the
// vault's contents; a damaged or foreign file is ignored rather than trusted.
import { chmodSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { UiLanguage } from '../shared/i18n/languages.ts';

const PreferencesFile = z.object({ language: UiLanguage.nullable().catch(null) }).partial();
export type Preferences = { language: UiLanguage | null };

export class PreferencesFileStore {
  readonly file: string;
  constructor(vaultLocation: string) {
    this.file = join(dirname(vaultLocation), 'preferences.json');
  }

  read(): Preferences {
    try {
      const parsed = PreferencesFile.safeParse(JSON.parse(readFileSync(this.file, 'utf8')));
      return { language: parsed.success ? (parsed.data.language ?? null) : null };
    } catch {
      return { language: null };
    }
  }

  write(change: Partial<Preferences>): Preferences {
    const next = { ...this.read(), ...change };
    // Written beside and renamed over, so a crash mid-write leaves the old choice, not half a file.
    const partial = `${this.file}.partial`;
    writeFileSync(partial, `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600 });
    chmodSync(partial, 0o600);
    renameSync(partial, this.file);
    return next;
  }
}
