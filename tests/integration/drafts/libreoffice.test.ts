// The exported Word file as a word processor lays it out: LibreOffice turns a full-length redacted
// submission (2,815 words, 150 notes) into a PDF, and its text shows the paragraph numbers 1…N in
// order, every note at the foot of a page below that page's text, a number on every page, and no
// pseudonymised name anywhere. Needs LibreOffice Writer (Debian: libreoffice-writer-nogui; CI
// installs it); UPRIGHT_SOFFICE names another soffice binary.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareDocument } from '../../../src/main/drafts/document.ts';
import { renderDocx } from '../../../src/main/drafts/docx.ts';
import { comparable, pdfItems } from '../../support/pdf-text.ts';
import { COVER, cite, doc, excerpt, goodContext, para, person, realisticBody } from '../../unit/drafts/support.ts';

const run = promisify(execFile);
const work = mkdtempSync(join(tmpdir(), 'upright-soffice-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// A note in full, a short form back to a source's first note, or "Ibid." for the note before — compared
// as `comparable` text (how it reads back depends on the machine's fonts).
const NOTE_LINE =
  /^(?:Organisation\d+,Reportnumber\d+ontradeunionrights,(?:2022|note\d+above),p\.\d+\.|Ibid\.(?:,p\.\d+\.)?)$/;
const isNote = (item: { text: string }) => NOTE_LINE.test(comparable(item.text));
/** Below this height (points from the bottom of the page) is the footer with the page number. */
const FOOTER = 60;

describe('the Word file as LibreOffice lays it out', () => {
  it('numbers paragraphs 1…N, sets each note at the foot of its page, numbers pages and leaves no protected name', async () => {
    const ids = Array.from({ length: 10 }, (_, i) => `e${i + 1}`);
    const body = realisticBody(2815, 150, ids);
    body.content.splice(
      1,
      0,
      para('Amin Eleusinov, whose union was dissolved, told us that Eleusinov’s appeal was refused.'),
    );
    const context = goodContext({
      body,
      excerpts: new Map(
        ids.map((id, i) => [
          id,
          excerpt(id, {
            authorOrganisation: `Organisation ${i + 1}`,
            sourceTitle: `Report number ${i + 1} on trade union rights`,
            documentSymbol: null,
            page: i + 1,
          }),
        ]),
      ),
      entities: [person('Amin Eleusinov', { aliases: ['Eleusinov'], pseudonym: 'a union leader' })],
    });
    const exported = prepareDocument(context, { redact: true });
    const paragraphCount = exported.blocks.filter((b) => b.number !== null).length;
    expect(exported.notes).toHaveLength(150);

    const docx = join(work, 'submission.docx');
    writeFileSync(docx, await renderDocx(exported));
    const profile = pathToFileURL(join(work, 'profile')).href;
    await run(
      process.env.UPRIGHT_SOFFICE ?? 'soffice',
      [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', work, docx],
      { timeout: 150_000 },
    );
    const pages = await pdfItems(join(work, 'submission.pdf'));
    expect(pages.length).toBeGreaterThan(5);

    // Paragraph numbers at the left margin, 1…N in reading order across pages.
    const numbers = pages.flatMap((items) =>
      items.filter((i) => /^\d+\.$/.test(i.text) && i.x < 80).map((i) => Number.parseInt(i.text, 10)),
    );
    expect(numbers).toEqual(Array.from({ length: paragraphCount }, (_, i) => i + 1));

    // Every note's text, in order, each below all of its page's body text.
    const noteLines = pages.flatMap((items) => items.filter((i) => isNote(i)));
    expect(noteLines).toHaveLength(150);
    const notePages = pages.map((items, p) => ({ p, notes: items.filter((i) => isNote(i)), items }));
    for (const { p, notes, items } of notePages) {
      if (notes.length === 0) continue;
      const bodyText = items.filter((i) => !isNote(i) && i.y > FOOTER && /\p{L}{3}/u.test(i.text));
      const lowestBody = Math.min(...bodyText.map((i) => i.y));
      const highestNote = Math.max(...notes.map((i) => i.y));
      expect(highestNote, `page ${p + 1}`).toBeLessThan(lowestBody);
    }
    // The note marks before each note's text run 1…150.
    const marks = pages.flatMap((items) =>
      items.filter(
        (i) =>
          /^\d+$/.test(i.text) && i.y > FOOTER && items.some((n) => isNote(n) && Math.abs(n.y - i.y) < 6 && n.x > i.x),
      ),
    );
    expect(marks.map((m) => Number(m.text))).toEqual(Array.from({ length: 150 }, (_, i) => i + 1));

    // A PAGE field: each page's own number at the foot.
    pages.forEach((items, p) => {
      expect(
        items.some((i) => i.text === String(p + 1) && i.y < FOOTER),
        `page ${p + 1}`,
      ).toBe(true);
    });

    const text = comparable(
      pages
        .flat()
        .map((i) => i.text)
        .join(' '),
    );
    expect(text).toContain(
      comparable('A union leader, whose union was dissolved, told us that a union leader’s appeal was refused.'),
    );
    expect(text).not.toMatch(/Eleusinov/i);
  }, 180_000);

  it('prints a Russian submission’s cover, word count, notes and dates in Russian', async () => {
    const context = goodContext({
      cover: { ...COVER, language: 'ru', state: 'Казахстан', monthYear: 'март 2027 г.' },
      body: doc(
        para('Правительство утверждает, что жалоб на регистрацию профсоюзов не поступало.', cite('a')),
        para('Профсоюз сообщает об обратном.', cite('b'), ' Правительство повторяет это и позже.', cite('c')),
      ),
      excerpts: new Map([
        ['a', excerpt('a', { sourceId: 'gov', dateText: '2021-06-30', page: 4 })],
        ['b', excerpt('b', { sourceId: 'gov', dateText: '2021-06-30', page: 5 })],
        [
          'c',
          excerpt('c', {
            sourceId: 'union',
            sourceTitle: 'Доклад',
            authorOrganisation: 'КНПП',
            documentSymbol: null,
            dateText: '2022-03',
            page: 2,
          }),
        ],
      ]),
    });
    const docx = join(work, 'russian.docx');
    writeFileSync(docx, await renderDocx(prepareDocument(context, { redact: false })));
    const profile = pathToFileURL(join(work, 'profile')).href;
    await run(
      process.env.UPRIGHT_SOFFICE ?? 'soffice',
      [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', work, docx],
      { timeout: 150_000 },
    );
    // Compared as `comparable` text, so how a font splits or joins words cannot matter.
    const printed = comparable(
      (await pdfItems(join(work, 'russian.pdf')))
        .flat()
        .map((i) => i.text)
        .join(''),
    );
    for (const expected of [
      'Индивидуальное представление для универсального периодического обзора: Казахстан',
      '48-я сессия Рабочей группы по УПО, 4-й цикл, март 2027 г.',
      'Представлено организацией',
      'Основана в 1987 году.',
      'Количество слов:',
      'Government of Kazakhstan, Information supplied by the Government (2022), CAN/D/Kazakhstan-C.87, 30 июня 2021 г., с. 4.',
      'Там же, с. 5.',
      'КНПП, Доклад, март 2022 г., с. 2.',
    ]) {
      expect(printed).toContain(comparable(expected));
    }
    expect(printed).not.toMatch(/Wordcount|Submittedby|p\.4/);
  }, 180_000);
});
