// The submission as a Word document, the format OHCHR accepts: the cover page, then the body with
// its paragraphs numbered 1…N by one numbering definition (so Word keeps them continuous across
// headings and renumbers them when a paragraph is added), real footnotes, a PAGE field in the
// footer, and optionally the provenance annex for the team's own records. A table (the timeline, last
// cycle's recommendations) is a real Word table with thin borders all round, its first row a header
// row (repeated on each page, shaded, bold), its notes real footnotes numbered with the rest.
import {
  AlignmentType,
  BorderStyle,
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
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { CoverLine } from './cover.ts';
import type { ExportDocument } from './document.ts';
import { type Block, type Inline, inlineText, layout, type TableLayout } from './model.ts';
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

const TABLE_TEXT = 'TableText';
/** The body's width between the margins (A4, 2.54 cm margins), in twentieths of a point. */
const BODY_WIDTH = 11906 - 2 * 1440;
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;

function runs(inlines: Inline[], strong = false): ParagraphChild[] {
  return inlines.map((inline) => {
    if (inline.kind === 'text') {
      // Only what is set: an explicit "not bold" would override the heading styles.
      return new TextRun({
        text: xmlSafe(inline.text),
        ...(inline.bold || strong ? { bold: true } : {}),
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

/** A cell's paragraph: the table's smaller text, a list item keeping its bullet or letter. */
function cellParagraph(block: Block, header: boolean): Paragraph {
  const children = runs(block.inlines, header);
  if (block.list?.first) {
    const level = Math.min(block.list.depth, 3);
    return new Paragraph({
      style: TABLE_TEXT,
      children,
      numbering: block.list.ordered
        ? { reference: ORDERED, level, instance: block.list.id + 1 }
        : { reference: BULLETS, level },
    });
  }
  return new Paragraph({ style: TABLE_TEXT, children, ...(block.quote ? { indent: { left: CM / 2 } } : {}) });
}

/** Columns as wide as their words need, roughly: a long "What happened" beside a short "When". */
function columnWidths(table: TableLayout): number[] {
  const weights = Array.from({ length: table.columns }, (_, c) => {
    // Merged cells say nothing about one column's width.
    const chars = table.rows.reduce((sum, row) => {
      const cell = row.cells[c];
      if (!cell || cell.colspan > 1) return sum;
      return sum + cell.blocks.reduce((n, b) => n + inlineText(b.inlines).length, 0);
    }, 0);
    return Math.sqrt(chars / Math.max(1, table.rows.length) + 12);
  });
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => Math.floor((BODY_WIDTH * w) / total));
}

function spanWidth(widths: number[], column: number, colspan: number): number {
  return widths.slice(column, column + colspan).reduce((a, b) => a + b, 0);
}

function wordTable(table: TableLayout): Table {
  const widths = columnWidths(table);
  return new Table({
    width: { size: BODY_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    borders: {
      top: BORDER,
      bottom: BORDER,
      left: BORDER,
      right: BORDER,
      insideHorizontal: BORDER,
      insideVertical: BORDER,
    },
    rows: table.rows.map(
      (row) =>
        new TableRow({
          ...(row.header ? { tableHeader: true } : {}),
          cantSplit: true,
          // A place a merged cell covers has no cell of its own: Word continues the merge there.
          children: row.cells.flatMap((cell, c) =>
            cell
              ? [
                  new TableCell({
                    width: { size: spanWidth(widths, c, cell.colspan), type: WidthType.DXA },
                    ...(cell.colspan > 1 ? { columnSpan: cell.colspan } : {}),
                    ...(cell.rowspan > 1 ? { rowSpan: cell.rowspan } : {}),
                    margins: { top: 40, bottom: 40, left: 80, right: 80 },
                    // Header cells (the header row's, or a row's own heading) are shaded and bold.
                    ...(cell.header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E7E6E6' } } : {}),
                    // A cell must hold a paragraph, even an empty one.
                    children: cell.blocks.length
                      ? cell.blocks.map((block) => cellParagraph(block, cell.header))
                      : [new Paragraph({ style: TABLE_TEXT, children: [] })],
                  }),
                ]
              : [],
          ),
        }),
    ),
  });
}

/** The body: paragraphs and tables in order, starting on a page of its own after the cover. */
function bodyChildren(blocks: Block[]): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  const items = layout(blocks);
  for (const [i, item] of items.entries()) {
    const first = out.length === 0;
    if (item.kind === 'block') {
      // The line that introduces a table (its title, "the timeline below…") stays on its page.
      const introduces = items[i + 1]?.kind === 'table';
      out.push(
        new Paragraph({
          ...blockOptions(item.block),
          pageBreakBefore: first,
          ...(introduces ? { keepNext: true } : {}),
        }),
      );
    } else {
      if (first) out.push(new Paragraph({ pageBreakBefore: true, children: [] }));
      out.push(wordTable(item));
      // Word joins two tables that touch; a paragraph after each keeps them apart.
      out.push(new Paragraph({ style: TABLE_TEXT, children: [] }));
    }
  }
  return out;
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
      paragraphStyles: [
        {
          id: TABLE_TEXT,
          name: 'Table Text',
          basedOn: 'Normal',
          run: { font: 'Times New Roman', size: 20 },
          paragraph: { spacing: { before: 0, after: 40 } },
        },
      ],
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
        children: [...doc.cover.map(coverParagraph), ...bodyChildren(doc.blocks), ...provenanceAnnex(doc)],
      },
    ],
  });
}

/** The .docx file's bytes. */
export async function renderDocx(doc: ExportDocument): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(buildDocx(doc)));
}
