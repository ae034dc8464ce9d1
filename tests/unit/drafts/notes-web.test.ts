// Issue 16.9: a web page's note had only its title, and nothing warned. A note names its source the
// way the field does (UPR-SUBMISSION.md, "Citation formats"): organisation, title, date, and for a
// page read on the web its address and the day it was read, in the submission's language; a check
// names what a note lacks for its source's kind.
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../../src/main/drafts/checks.ts';
import { missingNoteParts } from '../../../src/main/drafts/citation-needs.ts';
import { prepareDocument } from '../../../src/main/drafts/document.ts';
import { noteText, styledNoteTexts } from '../../../src/main/drafts/footnotes.ts';
import { wording } from '../../../src/main/drafts/wording.ts';
import { printedCheck } from '../../../src/shared/i18n/printed.ts';
import { excerpt, goodContext, person, TODAY } from './support.ts';

const ADDRESS = 'https://www.ituc-csi.org/kazakhstan-must-respect-democracy';
const campaignPage = (overrides: Parameters<typeof excerpt>[1] = {}) =>
  excerpt('e2', {
    sourceId: 'page',
    sourceKind: 'web_page',
    sourceTitle: 'Kazakhstan must respect democracy and fundamental rights',
    authorOrganisation: 'International Trade Union Confederation',
    documentSymbol: null,
    dateText: '2022-01-12',
    page: null,
    url: ADDRESS,
    accessed: '2024-06-03',
    ...overrides,
  });

describe('a note citing a page read on the web', () => {
  it('prints organisation, title, date, the address and the day it was read', () => {
    expect(noteText(campaignPage())).toBe(
      `International Trade Union Confederation, Kazakhstan must respect democracy and fundamental rights, 12 January 2022, available at ${ADDRESS}, accessed 3 June 2024.`,
    );
  });

  it('in the submission’s language', () => {
    const texts = Object.fromEntries(['ru', 'fr', 'es'].map((l) => [l, noteText(campaignPage(), wording(l))]));
    expect(texts.ru).toContain(`доступно по адресу ${ADDRESS}, дата обращения: 3 июня 2024 г.`);
    expect(texts.fr).toContain(`disponible à l’adresse ${ADDRESS}, consulté le 3 juin 2024.`);
    expect(texts.es).toContain(`disponible en ${ADDRESS}, consultado el 3 de junio de 2024.`);
  });

  it('says no access day without the address it was read at, and a later short form leaves both out', () => {
    expect(noteText(campaignPage({ url: null }))).toBe(
      'International Trade Union Confederation, Kazakhstan must respect democracy and fundamental rights, 12 January 2022.',
    );
    const [first, , again] = styledNoteTexts([campaignPage(), excerpt('e1'), campaignPage()], wording('en'));
    expect(first).toContain(ADDRESS);
    expect(again).toBe(
      'International Trade Union Confederation, Kazakhstan must respect democracy and fundamental rights, note 1 above.',
    );
  });

  it('goes into the exported notes', () => {
    const context = goodContext();
    context.excerpts.set('e2', campaignPage());
    const notes = prepareDocument(context, { redact: false }).notes;
    expect(notes.find((n) => n.excerptId === 'e2')?.text).toContain(`available at ${ADDRESS}, accessed 3 June 2024.`);
  });
});

describe('what a note lacks for its source’s kind', () => {
  it('a web page needs its publisher, address and the day it was read; a report its author and date', () => {
    expect(missingNoteParts(campaignPage())).toEqual([]);
    expect(missingNoteParts(campaignPage({ url: null, accessed: null }))).toEqual(['url', 'accessed']);
    expect(missingNoteParts(campaignPage({ authorOrganisation: ' ', accessed: null }))).toEqual([
      'organisation',
      'accessed',
    ]);
    const report = excerpt('r', { sourceKind: 'ngo_report', authorOrganisation: null, dateText: null });
    expect(missingNoteParts(report)).toEqual(['organisation', 'date']);
    // Any source read on the web needs both halves of where and when.
    expect(missingNoteParts(excerpt('r', { sourceKind: 'ngo_report', url: ADDRESS }))).toEqual(['accessed']);
    expect(missingNoteParts(excerpt('o', { sourceKind: 'other', authorOrganisation: null, dateText: null }))).toEqual(
      [],
    );
  });

  it('a check warns, in codes, at the first note of a web page without its address — once per source', () => {
    const context = goodContext();
    context.excerpts.set('e2', campaignPage({ url: null }));
    const results = runChecks(context, { today: TODAY }).filter((r) => r.rule === 'note-incomplete');
    expect(results).toEqual([
      {
        rule: 'note-incomplete',
        severity: 'warning',
        code: 'NOTE_INCOMPLETE',
        params: {
          note: 2,
          source: 'Kazakhstan must respect democracy and fundamental rights',
          sourceId: 'page',
          missing: 'url',
        },
        target: { kind: 'note', number: 2 },
      },
    ]);
    expect(printedCheck('en', results[0] as (typeof results)[number]).message).toBe(
      'Note 2 names “Kazakhstan must respect democracy and fundamental rights” without the web address it was saved from. Add what is missing under the source’s details so the note can be checked.',
    );
  });

  it('and is silent once the note has everything its format needs', () => {
    const context = goodContext();
    context.excerpts.set('e2', campaignPage());
    expect(runChecks(context, { today: TODAY })).toEqual([]);
  });
});

describe('a web address that names a person the export protects', () => {
  const slug = 'https://www.ituc-csi.org/news/larisa-kharkova-jailed';

  it('is an error in a redacted export — redaction replaces names in the text, not inside addresses', () => {
    const context = goodContext({ entities: [person('Larisa Kharkova', { aliases: ['Kharkova'] })] });
    context.excerpts.set('e2', campaignPage({ url: slug }));
    const redacted = runChecks(context, { today: TODAY, redact: true }).filter((r) => r.rule === 'note-address-names');
    expect(redacted).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'NOTE_ADDRESS_NAMES_PERSON',
        params: expect.objectContaining({ note: 2, sourceId: 'page' }),
      }),
    ]);
    // The name really is in the note as exported: this is what the check stops.
    expect(prepareDocument(context, { redact: true }).notes[1]?.text).toContain('larisa-kharkova');
    // Escaped or in capitals, it is the same name.
    context.excerpts.set('e2', campaignPage({ url: 'https://example.org/KHARKOVA%20case' }));
    expect(runChecks(context, { today: TODAY, redact: true }).map((r) => r.rule)).toContain('note-address-names');
  });

  it('is silent without redaction, and for an address that names nobody protected', () => {
    const context = goodContext({ entities: [person('Larisa Kharkova')] });
    context.excerpts.set('e2', campaignPage({ url: slug }));
    expect(runChecks(context, { today: TODAY }).map((r) => r.rule)).not.toContain('note-address-names');
    context.excerpts.set('e2', campaignPage());
    expect(runChecks(context, { today: TODAY, redact: true }).map((r) => r.rule)).not.toContain('note-address-names');
  });
});
