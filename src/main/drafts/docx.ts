// The submission as a Word document, the format OHCHR accepts: the cover page, then the body with
// its paragraphs numbered 1…N by one numbering definition (so Word keeps them continuous across
// headings and renumbers them when a paragraph is added), real footnotes, a PAGE field in the
// footer, and optionally the provenance annex for the team's own records.
import {
  AlignmentType,
  Document,
  Footer,
  FootnoteReferenceRun,
  HeadingLevel,
  type INumberingOptions,
  type IParagraphOptions,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  TextRun,
} from 'docx';
import type { CoverLine } from './cover.ts';
import type { ExportDocument } from './document.ts';
import type { Block, Inline } from './model.ts';
import { xmlSafe } from './text.ts';
import { wording } from './wording.ts';

const PARAGRAPHS = 'upr-paragraphs';
const BULLETS = 'upr-bullets';
const ORDERED = 'upr-ordered';
/** One centimetre in twentieths of a point. */
const CM = 567;

const numbering: INumberingOptions = {
  config: [
    {
      reference: PARAGRAPHS,
      levels: [
        {
          level: 0,
          format: LevelFormat.DECIMAL,
          text: '%1.',
          alignment: AlignmentType.START,
          style: { paragraph: { indent: { left: CM, hanging: CM } } },
        },
      ],
    },
    {
      reference: BULLETS,
      levels: [0, 1, 2, 3].map((level) => ({
        level,
        format: LevelFormat.BULLET,
        text: level % 2 === 0 ? '•' : '◦',
        alignment: AlignmentType.START,
        style: { paragraph: { indent: { left: CM * (level + 2), hanging: CM / 2 } } },
      })),
    },
    {
      // (a), (b)…, then (i), (ii)…: letters, so a list inside paragraph 12 never reads as paragraph 1.
      reference: ORDERED,
      levels: [0, 1, 2, 3].map((level) => ({
        level,
        format: level % 2 === 0 ? LevelFormat.LOWER_LETTER : LevelFormat.LOWER_ROMAN,
        text: `(%${level + 1})`,
        alignment: AlignmentType.START,
        style: { paragraph: { indent: { left: CM * (level + 2), hanging: CM * 0.75 } } },
      })),
    },
  ],
};

function runs(inlines: Inline[]): ParagraphChild[] {
  return inlines.map((inline) => {
    if (inline.kind === 'text') {
      // Only what is set: an explicit "not bold" would override the heading styles.
      return new TextRun({
        text: xmlSafe(inline.text),
        ...(inline.bold ? { bold: true } : {}),
        ...(inline.italic ? { italics: true } : {}),
      });
    }
    if (inline.kind === 'break') return new TextRun({ break: 1 });
    return new FootnoteReferenceRun(inline.note);
  });
}

function blockOptions(block: Block): IParagraphOptions {
  const children = runs(block.inlines);
  if (block.kind === 'heading') {
    const heading = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3][block.level - 1];
    return { heading: heading ?? HeadingLevel.HEADING_3, children, keepNext: true };
  }
  if (block.number !== null) return { children, numbering: { reference: PARAGRAPHS, level: 0 } };
  if (block.list) {
    const level = Math.min(block.list.depth, 3);
    if (!block.list.first) return { children, indent: { left: CM * (level + 2) } };
    return {
      children,
      numbering: block.list.ordered
        ? { reference: ORDERED, level, instance: block.list.id + 1 }
        : { reference: BULLETS, level },
    };
  }
  // Unnumbered lines (a quoted recommendation) and quotations sit indented under the paragraph they belong to.
  return { children, indent: block.quote ? { left: CM * 2, right: CM } : { left: CM } };
}

function coverParagraph(line: CoverLine, index: number): Paragraph {
  const text = xmlSafe(line.text);
  switch (line.style) {
    case 'title':
      return new Paragraph({
        heading: HeadingLevel.TITLE,
        alignment: AlignmentType.CENTER,
        children: [new TextRun(text)],
      });
    case 'subtitle':
      return new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: 480 },
        children: [new TextRun({ text, size: 26 })],
      });
    case 'heading':
      return new Paragraph({ keepNext: true, spacing: { before: 240 }, children: [new TextRun({ text, bold: true })] });
    default:
      return new Paragraph({ spacing: { before: index > 0 ? 60 : 0 }, children: [new TextRun(text)] });
  }
}

function provenanceAnnex(doc: ExportDocument): Paragraph[] {
  if (!doc.provenance || doc.notes.length === 0) return [];
  const { t } = wording(doc.language);
  return [
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      pageBreakBefore: true,
      children: [new TextRun(t('annex.heading'))],
    }),
    new Paragraph({
      children: [new TextRun(t('annex.intro'))],
    }),
    ...doc.notes.map(
      (note) =>
        new Paragraph({
          spacing: { before: 120 },
          children: [
            new TextRun({ text: `${t('annex.note', { n: note.number })} `, bold: true }),
            new TextRun(xmlSafe(note.sourceTitle || t('annex.untitled'))),
            new TextRun({ break: 1 }),
            new TextRun(t('annex.page', { page: note.page ?? '', hasPage: note.page ? 'yes' : 'no' })),
            new TextRun({ break: 1 }),
            new TextRun(t('annex.sha')),
            new TextRun({ text: note.sha256 ?? t('annex.noOriginal'), font: 'Courier New', size: 18 }),
            new TextRun({ break: 1 }),
            new TextRun(t('annex.excerpt')),
            new TextRun({ text: note.excerptId, font: 'Courier New', size: 18 }),
          ],
        }),
    ),
  ];
}

function language(code: string): string {
  return { en: 'en-GB', fr: 'fr-FR', es: 'es-ES', ru: 'ru-RU', ar: 'ar-SA', zh: 'zh-CN' }[code] ?? code;
}

export function buildDocx(doc: ExportDocument): Document {
  return new Document({
    title: xmlSafe(doc.title),
    creator: '',
    lastModifiedBy: '',
    description: '',
    styles: {
      default: {
        document: {
          run: { font: 'Times New Roman', size: 24, language: { value: language(doc.language) } },
          paragraph: { spacing: { after: 120 } },
        },
        title: { run: { font: 'Times New Roman', size: 32, bold: true }, paragraph: { spacing: { after: 240 } } },
        heading1: {
          run: { font: 'Times New Roman', size: 28, bold: true },
          paragraph: { spacing: { before: 360, after: 120 } },
        },
        heading2: {
          run: { font: 'Times New Roman', size: 26, bold: true },
          paragraph: { spacing: { before: 240, after: 120 } },
        },
        heading3: {
          run: { font: 'Times New Roman', size: 24, bold: true, italics: true },
          paragraph: { spacing: { before: 240, after: 120 } },
        },
        footnoteText: { run: { font: 'Times New Roman', size: 20 } },
      },
    },
    numbering,
    footnotes: Object.fromEntries(
      doc.notes.map((note) => [
        String(note.number),
        { children: [new Paragraph({ style: 'FootnoteText', children: [new TextRun(` ${xmlSafe(note.text)}`)] })] },
      ]),
    ),
    sections: [
      {
        properties: { page: { margin: { top: 1440, bottom: 1440, left: 1440, right: 1440 } } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT] })],
              }),
            ],
          }),
        },
        children: [
          ...doc.cover.map(coverParagraph),
          // The body starts on a page of its own, after the cover.
          ...doc.blocks.map((block, i) => new Paragraph({ ...blockOptions(block), pageBreakBefore: i === 0 })),
          ...provenanceAnnex(doc),
        ],
      },
    ],
  });
}

/** The .docx file's bytes. */
export async function renderDocx(doc: ExportDocument): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(buildDocx(doc)));
}
