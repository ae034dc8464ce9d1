// A local record of what failed, for the person to hand to whoever supports them: which request,
// which error code, how long it took, in which version. Never a message, a parameter, a title, a
// file name or a path inside the vault — those can name a witness or a case. The file sits beside
// the vault folder in the clear (it must be readable when the vault will not open) and keeps only
// the newest entries, so it says no more than that Upright was used, which its presence says anyway.
import { appendFileSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { DiagnosticEntry } from '../../shared/api/app.ts';

/** The newest entries kept, in memory and in the file. */
export const DIAGNOSTIC_ENTRIES = 200;
/** A request slower than this is noted even when it succeeds. */
export const SLOW_CALL_MS = 1000;

const CODE = /^[A-Z][A-Z0-9_]{1,63}$/;
const METHOD = /^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*){0,3}$/;

/** Keeps only fields whose shape cannot carry text from a document: codes, method names, numbers. */
export function sanitise(entry: DiagnosticEntry): DiagnosticEntry | null {
  if (!METHOD.test(entry.method)) return null;
  if (entry.code !== null && !CODE.test(entry.code)) return null;
  return {
    // Minutes are enough to line an entry up with what the person remembers doing.
    at: `${entry.at.slice(0, 16)}Z`,
    kind: entry.kind,
    method: entry.method,
    code: entry.code,
    ms: Math.max(0, Math.round(entry.ms)),
  };
}

function parseLine(line: string): DiagnosticEntry | null {
  try {
    const value = JSON.parse(line) as DiagnosticEntry;
    return typeof value === 'object' && value !== null && typeof value.method === 'string' ? sanitise(value) : null;
  } catch {
    return null;
  }
}

export class DiagnosticsLog {
  readonly #path: string | null;
  #entries: DiagnosticEntry[] = [];
  #appended = 0;

  /** `path`: the file to keep entries in across runs; null keeps them in memory only. */
  constructor(path: string | null) {
    this.#path = path;
    if (path && existsSync(path)) {
      this.#entries = readFileSync(path, 'utf8')
        .split('\n')
        .map(parseLine)
        .filter((e): e is DiagnosticEntry => e !== null)
        .slice(-DIAGNOSTIC_ENTRIES);
    }
  }

  record(kind: DiagnosticEntry['kind'], method: string, code: string | null, ms: number): void {
    const entry = sanitise({ at: new Date().toISOString(), kind, method, code, ms });
    if (!entry) return;
    this.#entries.push(entry);
    if (this.#entries.length > DIAGNOSTIC_ENTRIES) this.#entries.splice(0, this.#entries.length - DIAGNOSTIC_ENTRIES);
    this.#persist(entry);
  }

  entries(): DiagnosticEntry[] {
    return [...this.#entries];
  }

  #persist(entry: DiagnosticEntry): void {
    if (!this.#path) return;
    try {
      // Appends are cheap; now and then the file is rewritten with only the newest entries.
      appendFileSync(this.#path, `${JSON.stringify(entry)}\n`, { mode: 0o600 });
      if (++this.#appended >= DIAGNOSTIC_ENTRIES) {
        this.#appended = 0;
        const temporary = `${this.#path}.tmp`;
        writeFileSync(temporary, this.#entries.map((e) => `${JSON.stringify(e)}\n`).join(''), { mode: 0o600 });
        renameSync(temporary, this.#path);
      }
    } catch {
      // A log that cannot be written must never break the request it describes.
    }
  }
}

/** The text "Copy diagnostics" puts on the clipboard: versions, then the entries, newest last. */
export function diagnosticsReport(
  about: {
    version: string;
    runtime: string;
    node: string;
    electron: string | null;
    cipher: string | null;
    platform: string;
  },
  entries: readonly DiagnosticEntry[],
): string {
  const lines = [
    `Upright ${about.version}`,
    `runtime: ${about.runtime}${about.electron ? ` (Electron ${about.electron})` : ''}, Node ${about.node}, ${about.platform}`,
    `encryption: ${about.cipher ?? 'unavailable'}`,
    `entries: ${entries.length}`,
    ...entries.map((e) => [e.at, e.kind, e.method, e.code ?? '-', `${e.ms} ms`].join('  ')),
  ];
  return `${lines.join('\n')}\n`;
}
