// The submission as Markdown, for colleagues who draft in text tools: paragraph numbers written
// out (escaped, so no renderer turns them into a list that restarts at 1 after each heading),
// footnotes as [^n] with their definitions at the end. A table is a pipe table (GitHub-flavoured),
// its first row the header; a cell's paragraphs are joined by <br>, its pipes escaped.
import type { ExportDocument } from './document.ts';
import { listLabel } from './labels.ts';
import { type Block, type Inline, type LaidCell, layout, type TableLayout } from './model.ts';
import { xmlSafe } from './text.ts';
import { wording } from './wording.ts';

/** Escapes what Markdown would read as markup: emphasis, links, HTML, and block markers at a line's start. */
export function escapeMarkdown(text: string): string {
  return xmlSafe(text)
    .replace(/[\\`*_[\]<>|~]/g, '\\$&')
    .replace(/^(\s*)([#>+=-]|\d+[.)])/gm, (_m, space: string, marker: string) =>
      marker.length > 1 || /\d/.test(marker)
        ? `${space}${marker.slice(0, -1)}\\${marker.slice(-1)}`
        : `${space}\\${marker}`,
    );
}

function inlineMarkdown(inlines: Inline[]): string {
  return inlines
    .map((inline) => {
      if (inline.kind === 'break') return '\\\n';
      if (inline.kind === 'citation') return `[^${inline.note}]`;
      const text = escapeMarkdown(inline.text);
      // Emphasis markers must hug the text: "** bold**" is not bold.
      const lead = text.match(/^\s*/)?.[0] ?? '';
      const trail = text.match(/\s*$/)?.[0] ?? '';
      const core = text.trim();
      if (!core) return text;
      const marker = `${inline.bold ? '**' : ''}${inline.italic ? '*' : ''}`;
      return `${lead}${marker}${core}${[...marker].reverse().join('')}${trail}`;
    })
    .join('');
}

function blockMarkdown(block: Block): string {
  const text = inlineMarkdown(block.inlines);
  if (block.kind === 'heading') return `${'#'.repeat(block.level + 1)} ${text}`;
  if (block.number !== null) return `${block.number}\\. ${text}`;
  if (block.list) {
    if (!block.list.ordered) {
      const indent = '  '.repeat(block.list.depth);
      return block.list.first ? `${indent}- ${text}` : `${indent}  ${text}`;
    }
    return block.list.first ? `${listLabel(block.list)} ${text}` : text;
  }
  if (block.quote) return text.replace(/^/gm, '> ');
  return text;
}

/** A cell's text; a place a merged cell covers is empty (pipe tables cannot merge). */
function cellMarkdown(cell: LaidCell | null): string {
  return (cell?.blocks ?? [])
    .map((block) => {
      // A line break would end the row: inside a cell it is an HTML break, as GitHub reads it.
      const text = inlineMarkdown(block.inlines).replace(/\\\n/g, '<br>');
      return block.list?.first ? `${block.list.ordered ? listLabel(block.list) : '-'} ${text}` : text;
    })
    .filter((text) => text.trim() !== '')
    .join('<br>');
}

function tableMarkdown(table: TableLayout): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  // A pipe table must have a header row: the table's own, or an empty one.
  const [first, ...rest] = table.rows;
  const header = first?.header ? first.cells.map(cellMarkdown) : Array.from({ length: table.columns }, () => ' ');
  const body = first?.header ? rest : table.rows;
  return [
    line(header),
    line(Array.from({ length: table.columns }, () => '---')),
    ...body.map((row) => line(row.cells.map(cellMarkdown))),
  ].join('\n');
}

export function renderMarkdown(doc: ExportDocument): string {
  const out: string[] = [];
  for (const line of doc.cover) {
    const text = escapeMarkdown(line.text);
    if (line.style === 'title') out.push(`# ${text}`);
    else if (line.style === 'heading') out.push(`**${text}**`);
    else out.push(text);
  }
  out.push('---');
  out.push(
    ...layout(doc.blocks).map((item) => (item.kind === 'block' ? blockMarkdown(item.block) : tableMarkdown(item))),
  );
  if (doc.provenance && doc.notes.length > 0) {
    const { t } = wording(doc.language);
    out.push(`## ${t('annex.heading')}`);
    for (const note of doc.notes) {
      out.push(
        [
          `**${t('annex.note', { n: note.number })}** ${escapeMarkdown(note.sourceTitle || t('annex.untitled'))}\\`,
          `${t('annex.page', { page: note.page ?? '', hasPage: note.page ? 'yes' : 'no' })}\\`,
          `${t('annex.sha')}\`${note.sha256 ?? t('annex.noOriginal')}\`\\`,
          `${t('annex.excerpt')}\`${note.excerptId}\``,
        ].join('\n'),
      );
    }
  }
  if (doc.notes.length > 0) out.push(doc.notes.map((n) => `[^${n.number}]: ${escapeMarkdown(n.text)}`).join('\n'));
  return `${out.join('\n\n')}\n`;
}
