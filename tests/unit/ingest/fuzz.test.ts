// A planted or damaged document must fail cleanly: whatever the bytes, the importer answers with a
// document or an UprightError — never another exception, never a hang. Seeded, so a failure replays.
import { describe, expect, it } from 'vitest';
import { importDocument } from '../../../src/main/ingest/index.ts';
import { UprightError } from '../../../src/shared/errors.ts';
import { documentBytes } from './support/fixtures.ts';

const FILES = [
  'ilo-cas-kazakhstan-c87-2022.pdf',
  'ictur-upr-submission-kazakhstan.docx',
  'campaign-page-kazakhstan-fundamental-rights.html',
  'field-note-ru.txt',
  'field-note-ru.docx',
];

function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('an importer fed damaged copies of real documents', () => {
  it('returns a document or a coded error for every one of them', async () => {
    const next = random(20240601);
    const outcomes = new Set<string>();
    for (let i = 0; i < 30; i++) {
      const name = FILES[i % FILES.length] ?? '';
      let bytes = documentBytes(name);
      const damage = i % 3;
      if (damage === 0) bytes = bytes.slice(0, Math.floor(next() * bytes.length) + 1);
      if (damage === 1)
        for (let k = 0; k < 20; k++) bytes[Math.floor(next() * bytes.length)] = Math.floor(next() * 256);
      if (damage === 2) bytes.fill(0, Math.floor(next() * bytes.length));
      try {
        const doc = await importDocument(bytes, name, { maxBytes: 10_000_000, timeoutMs: 10_000 });
        expect(typeof doc.text).toBe('string');
        outcomes.add('imported');
      } catch (error) {
        expect(error).toBeInstanceOf(UprightError);
        outcomes.add((error as UprightError).code);
      }
    }
    // Both kinds of outcome occur: the damage is neither always harmless nor always fatal.
    expect(outcomes).toContain('imported');
    // (a damaged copy is refused with the damage its format shows: PDF_DAMAGED, DOCX_INCOMPLETE, …)
    expect([...outcomes].some((o) => o.endsWith('_DAMAGED') || o.endsWith('_INCOMPLETE'))).toBe(true);
  });
});
