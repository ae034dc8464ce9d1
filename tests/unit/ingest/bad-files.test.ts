// A bad file must fail with a code the app can act on and a sentence the monitor understands —
// never a crash, a hang, or a half-imported document.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectFormat, importDocument } from '../../../src/main/ingest/index.ts';
import { ERROR_MESSAGES, UprightError } from '../../../src/shared/errors.ts';
import { badBytes, documentBytes } from './support/fixtures.ts';

async function failure(bytes: Uint8Array, name: string, limits?: { maxBytes: number; timeoutMs: number }) {
  const error = await importDocument(bytes, name, limits).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UprightError);
  return error as UprightError;
}

describe('a monitor imports a file that cannot be read', () => {
  it.each([
    ['empty.pdf', 'FILE_EMPTY', /empty/],
    ['not-a-pdf.pdf', 'FILE_IS_OTHER_KIND', /named \.pdf but is not really a PDF: it is a program/],
    ['password-protected.pdf', 'PDF_PASSWORD_PROTECTED', /password/],
    ['scanned-image-only.pdf', 'PDF_NO_TEXT_LAYER', /OCR/],
    ['truncated.pdf', 'PDF_DAMAGED', /incomplete/],
    ['truncated.docx', 'DOCX_INCOMPLETE', /Word file is incomplete/],
  ])('%s is refused with %s', async (file, code, message) => {
    const error = await failure(badBytes(file), file);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });

  it('refuses a file over the size limit before reading it', async () => {
    const error = await failure(new Uint8Array(3.1 * 1024 * 1024).fill(0x61), 'note.txt', {
      maxBytes: 3 * 1024 * 1024,
      timeoutMs: 10_000,
    });
    expect(error.code).toBe('FILE_OVER_LIMIT');
    expect(error.message).toBe('The file is 3.1 MiB; Upright imports files up to 3 MiB.');
  });

  it('stops a parse that outlasts the time limit', async () => {
    const error = await failure(documentBytes('ictur-upr-submission-kazakhstan.pdf'), 'slow.pdf', {
      maxBytes: 1e9,
      timeoutMs: 1,
    });
    expect(error.code).toBe('IMPORT_TIMEOUT');
  });

  it('refuses a text file with nothing in it but blank lines', async () => {
    const error = await failure(new TextEncoder().encode('\n \n\t\n'), 'blank.txt');
    expect(error).toMatchObject({ code: 'FILE_NO_TEXT', message: 'The file contains no text.' });
  });

  it('does not detach or change the bytes it was given, as a Uint8Array or a Node Buffer', async () => {
    for (const bytes of [
      documentBytes('campaign-page-kazakhstan-fundamental-rights.pdf'),
      readFileSync(
        new URL('../../fixtures/documents/campaign-page-kazakhstan-fundamental-rights.pdf', import.meta.url),
      ),
    ]) {
      const before = Buffer.from(bytes).toString('base64');
      const doc = await importDocument(bytes, 'campaign.pdf');
      expect(doc.pages).toHaveLength(2);
      expect(Buffer.from(bytes).toString('base64')).toBe(before);
    }
  });
});

describe('the importer is chosen by content first, by name second', () => {
  const utf16 = (text: string) => new Uint8Array(Buffer.from(`\ufeff${text}`, 'utf16le'));

  it('reads a PDF whatever it is called, and says when the name was wrong', async () => {
    const bytes = documentBytes('campaign-page-kazakhstan-fundamental-rights.pdf');
    expect(detectFormat(bytes, 'campaign.docx')).toEqual({
      format: 'pdf',
      note: { code: 'NAME_MISMATCH', params: { extension: 'docx', format: 'pdf' } },
    });
    const doc = await importDocument(bytes, 'campaign.docx');
    expect(doc.format).toBe('pdf');
    expect(doc.warnings[0]).toEqual({ code: 'NAME_MISMATCH', params: { extension: 'docx', format: 'pdf' } });
  });

  it('refuses an error page saved under a PDF name, saying what it is', () => {
    const page = new TextEncoder().encode('<!DOCTYPE html><html><body><h1>403 Forbidden</h1></body></html>');
    expect(() => detectFormat(page, 'report.pdf')).toThrow(/not really a PDF: it contains a web page/);
  });

  it('names old and foreign formats instead of guessing', () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(() => detectFormat(ole, 'statement.doc')).toThrow(/Word 97–2003/);
    const encrypted = new Uint8Array([...ole, ...Buffer.from('EncryptedPackage', 'utf16le')]);
    expect(() => detectFormat(encrypted, 'statement.docx')).toThrow(
      ERROR_MESSAGES.DOCX_PASSWORD_PROTECTED.defaultMessage,
    );
    expect(() => detectFormat(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 13, 10]), 'scan.png')).toThrow(/an image/);
    expect(() => detectFormat(new Uint8Array([0, 1, 2, 3, 0xfe, 0x80, 7, 0]), 'report.pdf')).toThrow(/unrecognisable/);
  });

  it('tells text, Markdown and HTML apart', () => {
    expect(detectFormat(utf16('Note'), 'note.txt').format).toBe('text');
    expect(detectFormat(new TextEncoder().encode('# Note'), 'note.md').format).toBe('markdown');
    expect(detectFormat(new TextEncoder().encode('<!doctype html><p>x'), 'saved page').format).toBe('html');
  });
});
