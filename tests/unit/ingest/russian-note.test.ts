// Field notes are typed on whatever machine is at hand: the same Russian note arrives as UTF-8,
// as Windows-1251 from an older Windows setup, as UTF-16 from Notepad, or as a Word file.
import { describe, expect, it } from 'vitest';
import { importDocument } from '../../../src/main/ingest/index.ts';
import { blockTexts, documentBytes } from './support/fixtures.ts';

const TITLE = 'Полевая заметка мониторинга: отказ в регистрации профсоюза';
const QUOTE =
  'Собеседник просил не раскрывать его имя; в отчётах его следует обозначать как «председатель местного профсоюза».';

describe('a monitor imports a Russian field note', () => {
  it.each([
    ['field-note-ru.txt', 'utf-8'],
    ['field-note-ru.windows-1251.txt', 'windows-1251'],
    ['field-note-ru.utf-16le-bom.txt', 'utf-16le'],
  ])('reads %s with its Cyrillic intact (%s)', async (file, encoding) => {
    const doc = await importDocument(documentBytes(file), file);
    expect(doc.encoding).toBe(encoding);
    expect(doc.text).toContain(QUOTE);
    expect(doc.text).not.toMatch(/[\ufffdÐÑ]/);
    expect(doc.blocks).toHaveLength(5);
    expect(doc.metadata).toEqual({ title: TITLE, date: '2023-03-14', language: 'ru' });
  });

  it('reads the Word version to the same paragraphs', async () => {
    const text = await importDocument(documentBytes('field-note-ru.txt'), 'field-note-ru.txt');
    const word = await importDocument(documentBytes('field-note-ru.docx'), 'field-note-ru.docx');
    expect(blockTexts(word)).toEqual(blockTexts(text));
    expect(word.metadata).toMatchObject({ title: TITLE, language: 'ru' });
  });

  it('keeps a UTF-8 note with one damaged byte in UTF-8, and says a character was replaced', async () => {
    const bytes = documentBytes('field-note-ru.txt');
    bytes[300] = 0xff;
    const doc = await importDocument(bytes, 'field-note-ru.txt');
    expect(doc.encoding).toBe('utf-8');
    expect(doc.text).toContain(TITLE);
    expect(doc.warnings).toEqual([{ code: 'DAMAGED_CHARACTERS', params: { count: 1 } }]);
  });
});
