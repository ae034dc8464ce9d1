// The draft's ProseMirror JSON flattened into the blocks every export and check works on, with the
// two numberings a UPR submission is cited by. The rules are the editor's (renderer
// features/drafts/numbering.ts), so the numbers a person sees while writing are the printed ones:
// - a paragraph is numbered unless it is marked unnumbered, sits inside a list or quotation, or is
//   empty; headings are never numbered;
// - every citation is its own note, numbered in document order;
// - a table's cells are never numbered: each cell's paragraphs are blocks that know their table, row
//   and column (`cell`), in reading order (row by row), so notes in a table are numbered with the rest
//   and every check and redaction reads inside cells like anywhere else. An empty cell is still a
//   block (with no inlines), so every row keeps its shape.
import type { DraftTarget } from '../../shared/api/drafts.ts';
import type { DraftBody, DraftNode } from '../../shared/draft.ts';

export interface TextRun {
  kind: 'text';
  text: string;
  bold: boolean;
  italic: boolean;
}

export interface LineBreak {
  kind: 'break';
}

export interface CitationRun {
  kind: 'citation';
  excerptId: string;
  /** The note's number in the draft as written (1-based, document order). */
  note: number;
}

export type Inline = TextRun | LineBreak | CitationRun;

export interface ListPlace {
  /** Which list (0, 1, …): an ordered list counts from its own start. */
  id: number;
  ordered: boolean;
  /** 0 for a top-level list, 1 for a list inside it, … */
  depth: number;
  /** The item's position in its list, from the list's start (1 unless the list says otherwise). */
  index: number;
  /** False for an item's second and later paragraphs, which carry no bullet or number. */
  first: boolean;
}

/** Where a block sits in a table. */
export interface CellPlace {
  /** Which table (0, 1, …), in document order. */
  table: number;
  /** 0-based row, and the column in the table's grid (after the cells merged across from the left or above). */
  row: number;
  column: number;
  /** How many columns and rows the cell covers (a merged cell, as a table pasted from Word may have). */
  colspan: number;
  rowspan: number;
  /** A header cell (the first row of a table the app writes is a header row). */
  header: boolean;
  /** False for a cell's second and later paragraphs. */
  first: boolean;
}

export interface Block {
  kind: 'heading' | 'paragraph';
  /** 1–3 for headings, 0 for paragraphs. */
  level: number;
  /** The UPR paragraph number, or null. */
  number: number | null;
  list: ListPlace | null;
  quote: boolean;
  /** The table cell it sits in, or null. */
  cell: CellPlace | null;
  inlines: Inline[];
  /** Where a check result or a substitution about this block points. */
  target: DraftTarget;
}

export interface Citation {
  excerptId: string;
  note: number;
  /** Index of the block it sits in. */
  block: number;
  target: DraftTarget;
}

export interface RecommendationMention {
  recommendationId: string;
  /** Index of the block it sits in. */
  block: number;
  target: DraftTarget;
}

export interface DraftModel {
  blocks: Block[];
  citations: Citation[];
  recommendations: RecommendationMention[];
}

/** How a cross-reference to an earlier recommendation reads in the text. */
export type RecommendationText = (recommendationId: string) => string;

interface Place {
  list: Omit<ListPlace, 'first'> | null;
  first: boolean;
  quote: boolean;
  topLevel: boolean;
  cell?: Omit<CellPlace, 'first'>;
}

function markSet(node: DraftNode): { bold: boolean; italic: boolean } {
  const types = new Set((node.marks ?? []).map((m) => m.type));
  return { bold: types.has('bold'), italic: types.has('italic') };
}

function attr(node: DraftNode, name: string): unknown {
  return node.attrs?.[name];
}

/** A cell's colspan or rowspan: a whole number from 1 (what the editor stores) to 50. */
function span(node: DraftNode, name: 'colspan' | 'rowspan'): number {
  return Math.min(50, Math.max(1, Math.floor(Number(attr(node, name) ?? 1)) || 1));
}

/** An id attribute as the API's Id schema accepts it; a citation without one reads as missing. */
function idAttr(node: DraftNode, name: string): string {
  const value = attr(node, name);
  return (typeof value === 'string' ? value.slice(0, 64) : '') || 'missing';
}

export function buildModel(body: DraftBody, recommendationText: RecommendationText): DraftModel {
  const blocks: Block[] = [];
  const citations: { excerptId: string; note: number; block: number }[] = [];
  const mentions: { recommendationId: string; block: number }[] = [];
  let paragraphNumber = 0;
  let listCount = 0;
  let tableCount = 0;

  const inlinesOf = (nodes: DraftNode[] | undefined, out: Inline[]): void => {
    for (const node of nodes ?? []) {
      if (node.type === 'text') {
        if (node.text) out.push({ kind: 'text', text: node.text, ...markSet(node) });
      } else if (node.type === 'hardBreak') {
        out.push({ kind: 'break' });
      } else if (node.type === 'citation') {
        const excerptId = idAttr(node, 'excerptId');
        const note = citations.length + 1;
        citations.push({ excerptId, note, block: blocks.length });
        out.push({ kind: 'citation', excerptId, note });
      } else if (node.type === 'recommendationRef') {
        const recommendationId = idAttr(node, 'recommendationId');
        mentions.push({ recommendationId, block: blocks.length });
        out.push({ kind: 'text', text: recommendationText(recommendationId), bold: false, italic: false });
      } else {
        // An inline node this version does not know: keep whatever text it carries.
        if (node.text) out.push({ kind: 'text', text: node.text, ...markSet(node) });
        inlinesOf(node.content, out);
      }
    }
  };

  /** Adds the block unless it is empty; says whether it did. */
  const textBlock = (node: DraftNode, kind: Block['kind'], place: Place): boolean => {
    // An empty cell stays a block, so its row keeps its shape; an empty paragraph elsewhere is nothing.
    if ((!node.content || node.content.length === 0) && !(place.cell && place.first)) return false;
    const inlines: Inline[] = [];
    const level = kind === 'heading' ? Math.min(3, Math.max(1, Number(attr(node, 'level') ?? 1) || 1)) : 0;
    const numbered = kind === 'paragraph' && place.topLevel && attr(node, 'numbered') !== false;
    const block: Block = {
      kind,
      level,
      number: numbered ? ++paragraphNumber : null,
      list: place.list ? { ...place.list, first: place.first } : null,
      quote: place.quote,
      cell: place.cell ? { ...place.cell, first: place.first } : null,
      inlines,
      target: { kind: 'draft' },
    };
    inlinesOf(node.content, inlines);
    blocks.push(block);
    return true;
  };

  const blocksOf = (nodes: DraftNode[] | undefined, place: Place): void => {
    let first = place.first;
    for (const node of nodes ?? []) {
      switch (node.type) {
        case 'paragraph':
          if (textBlock(node, 'paragraph', { ...place, first })) first = false;
          break;
        case 'heading':
          textBlock(node, 'heading', place);
          break;
        case 'blockquote':
          blocksOf(node.content, { ...place, quote: true, topLevel: false });
          break;
        case 'table': {
          if (place.cell) {
            // A table inside a cell (pasted): its words stay in the outer cell, one paragraph each.
            for (const row of node.content ?? [])
              for (const cell of row.content ?? []) blocksOf(cell.content, { ...place, first: false });
            break;
          }
          const table = tableCount++;
          // For each grid column, how many more rows a merged cell above still covers.
          const covered: number[] = [];
          let r = 0;
          for (const row of node.content ?? []) {
            // Something other than a row (pasted JSON): its words are kept, outside the grid.
            if (row.type !== 'tableRow') {
              blocksOf([row], { ...place, topLevel: false });
              continue;
            }
            let column = 0;
            for (const cell of row.content ?? []) {
              while ((covered[column] ?? 0) > 0) column++;
              const colspan = span(cell, 'colspan');
              const rowspan = span(cell, 'rowspan');
              const cellPlace = { table, row: r, column, colspan, rowspan, header: cell.type === 'tableHeader' };
              const at: Place = { list: null, first: true, quote: false, topLevel: false, cell: cellPlace };
              const before = blocks.length;
              if (cell.content?.some((n) => n.type === 'text' || n.type === 'citation'))
                textBlock(cell, 'paragraph', at);
              else blocksOf(cell.content, at);
              // A cell without even an empty paragraph (pasted JSON): an empty block holds its place.
              if (blocks.length === before) textBlock({ type: 'paragraph' }, 'paragraph', at);
              for (let k = 0; k < colspan; k++) covered[column + k] = rowspan;
              column += colspan;
            }
            for (let k = 0; k < covered.length; k++) covered[k] = Math.max(0, (covered[k] ?? 0) - 1);
            r++;
          }
          break;
        }
        case 'bulletList':
        case 'orderedList': {
          const ordered = node.type === 'orderedList';
          const id = listCount++;
          const start = ordered ? Number(attr(node, 'start') ?? 1) || 1 : 1;
          const depth = place.list ? place.list.depth + 1 : 0;
          (node.content ?? []).forEach((item, i) => {
            blocksOf(item.type === 'listItem' ? item.content : [item], {
              list: { id, ordered, depth, index: start + i },
              first: true,
              quote: place.quote,
              topLevel: false,
              ...(place.cell ? { cell: place.cell } : {}),
            });
          });
          break;
        }
        default:
          // A block the editor cannot make (pasted JSON, a later version): its text is kept, unnumbered,
          // since the editor numbers paragraphs only.
          if (node.content?.some((c) => c.type === 'text' || c.type === 'citation'))
            textBlock(node, 'paragraph', { ...place, topLevel: false });
          else blocksOf(node.content, { ...place, topLevel: false });
      }
    }
  };

  blocksOf(body.content, { list: null, first: true, quote: false, topLevel: true });
  assignTargets(blocks);
  return {
    blocks,
    citations: citations.map((c) => ({ ...c, target: blocks[c.block]?.target ?? { kind: 'draft' } })),
    recommendations: mentions.map((m) => ({ ...m, target: blocks[m.block]?.target ?? { kind: 'draft' } })),
  };
}

/**
 * Points each block at a numbered paragraph a person can find: its own number; for a list item or
 * quotation, the paragraph it follows; for a heading, the paragraph that opens its section.
 */
function assignTargets(blocks: Block[]): void {
  let previous: number | null = null;
  const following: (number | null)[] = new Array(blocks.length).fill(null);
  let next: number | null = null;
  for (let i = blocks.length - 1; i >= 0; i--) {
    following[i] = next;
    const n = blocks[i]?.number;
    if (n != null) next = n;
  }
  blocks.forEach((block, i) => {
    if (block.number !== null) {
      block.target = { kind: 'paragraph', number: block.number };
      previous = block.number;
      return;
    }
    const near = block.kind === 'heading' ? (following[i] ?? previous) : (previous ?? following[i]);
    block.target = near !== null && near !== undefined ? { kind: 'paragraph', number: near } : { kind: 'draft' };
  });
}

/** A block's text as a person reads it; citations as `citation(run)` says (nothing by default). */
export function inlineText(inlines: Inline[], citation: (run: CitationRun) => string = () => ''): string {
  let text = '';
  for (const inline of inlines) {
    if (inline.kind === 'text') text += inline.text;
    else if (inline.kind === 'break') text += '\n';
    else text += citation(inline);
  }
  return text;
}

/** A cell as the exports lay it out: its blocks and how many columns and rows it covers. */
export interface LaidCell {
  blocks: Block[];
  colspan: number;
  rowspan: number;
  /** A header cell: the header row's, or a row's own heading (a first column of headers). */
  header: boolean;
}

/** A table as the exports lay it out. */
export interface TableLayout {
  kind: 'table';
  /**
   * Each row's cells by grid column: a cell where it starts, null where a merged cell from the left or
   * above covers the place, an empty cell where a row is shorter than the table.
   */
  rows: { header: boolean; cells: (LaidCell | null)[] }[];
  /** The widest row's columns: every row is drawn this wide. */
  columns: number;
}

export type Layout = { kind: 'block'; block: Block } | TableLayout;

/** The blocks in order, a table's cells gathered into its rows and columns. */
export function layout(blocks: readonly Block[]): Layout[] {
  const out: Layout[] = [];
  let table: TableLayout | null = null;
  let tableId = -1;
  for (const block of blocks) {
    const cell = block.cell;
    if (!cell) {
      table = null;
      out.push({ kind: 'block', block });
      continue;
    }
    if (table === null || tableId !== cell.table) {
      table = { kind: 'table', rows: [], columns: 0 };
      tableId = cell.table;
      out.push(table);
    }
    const { rows } = table;
    while (rows.length <= cell.row) rows.push({ header: true, cells: [] });
    const row = rows[cell.row] as TableLayout['rows'][number];
    let laid = row.cells[cell.column];
    if (!laid) {
      laid = { blocks: [], colspan: cell.colspan, rowspan: cell.rowspan, header: cell.header };
      row.cells[cell.column] = laid;
    }
    laid.blocks.push(block);
    if (!cell.header) row.header = false;
    table.columns = Math.max(table.columns, cell.column + cell.colspan);
  }
  for (const item of out) if (item.kind === 'table') fillGrid(item);
  return out;
}

/** Marks the places merged cells cover, keeps them inside the table, and fills short rows. */
function fillGrid(table: TableLayout): void {
  const { rows, columns } = table;
  const starts: [number, number, LaidCell][] = [];
  rows.forEach((row, r) => {
    row.cells.forEach((cell, c) => {
      if (cell) starts.push([r, c, cell]);
    });
  });
  for (const [r, c, cell] of starts) {
    cell.rowspan = Math.min(cell.rowspan, rows.length - r);
    cell.colspan = Math.min(cell.colspan, columns - c);
    for (let rr = r; rr < r + cell.rowspan; rr++) {
      for (let cc = c; cc < c + cell.colspan; cc++) {
        const row = rows[rr] as TableLayout['rows'][number];
        if (rr !== r || cc !== c) row.cells[cc] = null;
      }
    }
  }
  for (const row of rows) {
    for (let c = 0; c < columns; c++)
      if (row.cells[c] === undefined) row.cells[c] = { blocks: [], colspan: 1, rowspan: 1, header: row.header };
    row.cells.length = columns;
    row.header &&= row.cells.some((c) => c !== null && c.blocks.length > 0);
  }
}
