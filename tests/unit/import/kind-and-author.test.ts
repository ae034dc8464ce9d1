// One document, four formats, one kind and one author: what the text says decides, not the file type.
import { describe, expect, it } from 'vitest';
import { guessKind } from '../../../src/main/import/kind.ts';
import { importDocument } from '../../../src/main/ingest/index.ts';
import { DEFAULT_IMPORT_LIMITS, type ImportedDocument } from '../../../src/main/ingest/types.ts';
import { docx, p } from '../ingest/support/docx.ts';
import { documentBytes } from '../ingest/support/fixtures.ts';
import { pdf, upright } from '../ingest/support/pdf.ts';

const read = (bytes: Uint8Array, name: string) => importDocument(bytes, name, DEFAULT_IMPORT_LIMITS);
const verdict = (doc: ImportedDocument) => ({ kind: guessKind(doc), author: doc.metadata.author ?? null });

describe('every format of a fixture gets the same kind and author', () => {
  const expected = {
    'ilo-cas-kazakhstan-c87-2022': { kind: 'government_reply', author: 'Government of Kazakhstan' },
    'ictur-upr-submission-kazakhstan': {
      kind: 'ngo_report',
      author: 'International Centre for Trade Union Rights',
    },
    'campaign-page-kazakhstan-fundamental-rights': { kind: 'ngo_report', author: 'ITUC' },
  } as const;
  for (const [stem, want] of Object.entries(expected)) {
    it(`${stem}: PDF, Word, web page and text agree`, async () => {
      const verdicts = await Promise.all(
        ['pdf', 'docx', 'html', 'txt'].map(async (ext) =>
          verdict(await read(documentBytes(`${stem}.${ext}`), `${stem}.${ext}`)),
        ),
      );
      for (const v of verdicts) expect(v).toEqual(want);
    });
  }

  it('the Russian field note is testimony in Word and in each text encoding', async () => {
    const names = ['field-note-ru.docx', 'field-note-ru.txt', 'field-note-ru.windows-1251.txt'];
    for (const name of names) expect(guessKind(await read(documentBytes(name), name))).toBe('testimony');
  });
});

// A made-up Ministry letter, written once and rendered in each format the importers read.
const LETTER = [
  'MINISTRY OF LABOUR AND SOCIAL PROTECTION OF THE POPULATION OF THE REPUBLIC OF KAZAKHSTAN',
  'Astana, 12 March 2024',
  'Outgoing No. 04-2/1187',
  'To: Mr A. Example, Chair, Independent Union of Example Workers',
  'Subject: Your appeal of 20 February 2024',
  'Dear Mr Example,',
  'The Ministry has considered your appeal concerning the registration of the union. Under the Law on Trade Unions, registration is carried out by the justice authorities, and the Ministry has no power to register or refuse to register a trade union.',
  'The Ministry notes that social partnership commissions at regional level meet regularly, and invites the union to take part in their work once its registration is complete.',
  'Yours sincerely,',
  'B. Sample, Vice-Minister',
];

function letterText(): Uint8Array {
  return new TextEncoder().encode(LETTER.join('\n\n'));
}
/** As Word saves a document "as web page": no site around it, Word's own markup. */
function letterHtml(): Uint8Array {
  const paras = LETTER.map((line) => `<p class=MsoNormal>${line}</p>`).join('\n');
  return new TextEncoder().encode(
    `<html><head><meta name=Generator content="Microsoft Word 15"><title>Letter</title></head><body lang=EN-GB><div class=WordSection1>${paras}</div></body></html>`,
  );
}
function letterDocx(): Uint8Array {
  return docx({ body: LETTER.map((line) => p(line)).join('') });
}
function letterPdf(): Uint8Array {
  // One line per paragraph, long ones wrapped, a blank line between paragraphs.
  const lines: string[] = [];
  for (const para of LETTER) {
    const words = para.split(' ');
    let line = '';
    for (const word of words) {
      if (`${line} ${word}`.length > 85) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    lines.push(line, '');
  }
  return pdf([lines.map((text, i) => upright(text, 56, 790 - i * 14, 10)).filter((t) => t.text !== '')]);
}

describe('a Ministry letter is a letter from the Ministry, whatever the format', () => {
  it('text, Markdown, web page, Word and PDF agree on kind and author', async () => {
    const docs = await Promise.all([
      read(letterText(), 'letter.txt'),
      read(letterText(), 'letter.md'),
      read(letterHtml(), 'letter.html'),
      read(letterDocx(), 'letter.docx'),
      read(letterPdf(), 'letter.pdf'),
    ]);
    for (const doc of docs) {
      expect(verdict(doc)).toEqual({
        kind: 'letter',
        author: 'Ministry of Labour and Social Protection of the Population of the Republic of Kazakhstan',
      });
    }
  });

  it('a Russian letter in text and as a web page is a letter too', async () => {
    const lines = [
      'МИНИСТЕРСТВО ТРУДА И СОЦИАЛЬНОЙ ЗАЩИТЫ НАСЕЛЕНИЯ РЕСПУБЛИКИ КАЗАХСТАН',
      'Исх. № 04-2/1187 от 12.03.2024',
      'Уважаемый господин Пример!',
      'Министерство рассмотрело Ваше обращение о регистрации профсоюза и сообщает, что регистрация осуществляется органами юстиции.',
      'С уважением,',
      'Вице-министр Б. Образцов',
    ];
    const text = new TextEncoder().encode(lines.join('\n\n'));
    const html = new TextEncoder().encode(
      `<html><head><meta charset="utf-8"></head><body>${lines.map((l) => `<p>${l}</p>`).join('')}</body></html>`,
    );
    for (const doc of [await read(text, 'письмо.txt'), await read(html, 'письмо.html')]) {
      expect(verdict(doc)).toEqual({
        kind: 'letter',
        author: 'Министерство труда и социальной защиты населения Республики Казахстан',
      });
    }
  });
});

// Held out: written before the rules were run on them. Two of them failed on their first run (a
// hyphenated court name; "the court, having heard …, finds"); the court rule was widened as a class
// and fresh cases were added after them. A floor, not a per-case assertion: a held-out miss is a
// figure to report, not a reason to bend the rules to one sentence.
describe('kinds of documents the rules were not written from', () => {
  const cases: Array<{ kind: string; author?: string; lines: string[] }> = [
    {
      kind: 'letter',
      author: 'Permanent Mission of the Republic of Examplestan to the United Nations Office at Geneva',
      lines: [
        'Permanent Mission of the Republic of Examplestan to the United Nations Office at Geneva',
        'Ref. No. 233/2023',
        'The Permanent Mission of the Republic of Examplestan presents its compliments to the Office of the High Commissioner for Human Rights and has the honour to transmit the information below.',
        'The Permanent Mission avails itself of this opportunity to renew to the Office the assurances of its highest consideration.',
      ],
    },
    {
      kind: 'court_decision',
      lines: [
        'DECISION OF THE SPECIALISED INTER-DISTRICT ECONOMIC COURT OF EXAMPLE REGION',
        'Case No. 2-1234/2021',
        'The court, having heard the parties, finds that the claim of the prosecutor is well founded and rules that the union shall be liquidated.',
      ],
    },
    {
      kind: 'law',
      lines: [
        'Law of the Republic of Examplestan on Public Associations',
        'Chapter 1. General provisions',
        'Article 1. Scope of this Law',
        'This Law governs the creation and activity of public associations.',
        'Article 2. Definitions',
        'For the purposes of this Law, the following terms are used.',
      ],
    },
    {
      kind: 'ngo_report',
      lines: [
        'Shadow report on the implementation of the Covenant',
        'This shadow report is submitted by a coalition of human rights organisations ahead of the review.',
        'The coalition finds that peaceful assemblies continue to be dispersed.',
      ],
    },
    {
      kind: 'government_reply',
      lines: [
        'Replies of the Government of Examplestan to the communication of the Special Rapporteurs',
        'The Government provides the following response to the allegations received.',
      ],
    },
    {
      // Added after the case above failed once and its rule was widened: a fresh one, not tuned on.
      kind: 'court_decision',
      lines: [
        'Supreme Court of Examplestan, Civil Chamber',
        'The Supreme Court of Examplestan, having examined the cassation appeal of the union, dismissed it on 4 May 2022.',
      ],
    },
    {
      kind: 'court_decision',
      lines: ['РЕШЕНИЕ', 'ИМЕНЕМ РЕСПУБЛИКИ ПРИМЕРСТАН', 'Районный суд № 2 города Примерска рассмотрел иск прокурора.'],
    },
    {
      kind: 'letter',
      lines: [
        'Уважаемая Анна Петровна!',
        'Сообщаем, что Ваше заявление о проведении собрания рассмотрено.',
        'С уважением, отдел внутренней политики',
      ],
    },
    {
      // A report that quotes a letter's salutation once is still not a letter.
      kind: 'other',
      lines: [
        'Monitoring findings, spring 2023',
        'Workers told monitors that the employer posted a notice beginning “Dear colleagues” to announce the dismissals.',
        'Eleven workers were dismissed after the meeting.',
      ],
    },
  ];
  it('get their kind (and author, where given) right at least 80% of the time', async () => {
    const misses: string[] = [];
    for (const c of cases) {
      const doc = await read(new TextEncoder().encode(c.lines.join('\n\n')), 'held-out.txt');
      const kind = guessKind(doc);
      if (kind !== c.kind || (c.author && doc.metadata.author !== c.author))
        misses.push(`${c.lines[0]}: ${kind}, ${doc.metadata.author ?? 'no author'}`);
    }
    console.info(`held-out kinds: ${cases.length - misses.length}/${cases.length} right`, misses);
    expect((cases.length - misses.length) / cases.length).toBeGreaterThanOrEqual(0.8);
  });
});
