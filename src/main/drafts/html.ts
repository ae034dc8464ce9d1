// The submission as one standalone, printable HTML page: what the app prints to PDF and what a
// colleague can open in any browser. Paragraph numbers and list labels are written out (not CSS
// counters), so they survive copying; notes are listed at the end, linked both ways. A table is an
// HTML table whose header row is a <thead> (repeated on each printed page). Nothing is
// loaded from anywhere: styles are inline and there are no scripts.
import type { CoverLine } from './cover.ts';
import type { ExportDocument } from './document.ts';
import { listLabel } from './labels.ts';
import { type Block, type Inline, type LaidCell, layout, type TableLayout } from './model.ts';
import { xmlSafe } from './text.ts';
import { wording } from './wording.ts';

export function escapeHtml(text: string): string {
  return xmlSafe(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const STYLE = `
@page { size: A4; margin: 2.5cm 2.5cm 2.2cm; @bottom-center { content: counter(page); font: 10pt "Times New Roman", serif; } }
body { font: 12pt/1.45 "Times New Roman", "Liberation Serif", "DejaVu Serif", serif; color: #000; max-width: 42em; margin: 2em auto; padding: 0 1em; }
.cover { text-align: left; break-after: page; margin-bottom: 3em; }
.cover h1 { font-size: 16pt; text-align: center; margin: 0 0 .5em; }
.cover .subtitle { text-align: center; font-size: 13pt; margin-bottom: 2em; }
.cover h2 { font-size: 12pt; margin: 1.2em 0 .3em; }
.cover p { margin: .2em 0; }
main h2 { font-size: 14pt; margin: 1.4em 0 .4em; break-after: avoid; }
main h3 { font-size: 13pt; margin: 1.2em 0 .4em; break-after: avoid; }
main h4 { font-size: 12pt; font-style: italic; margin: 1em 0 .4em; break-after: avoid; }
p { margin: 0 0 .6em; }
p.numbered { padding-left: 2.2em; text-indent: -2.2em; }
p.numbered .number { display: inline-block; width: 2.2em; text-indent: 0; }
p.unnumbered { padding-left: 2.2em; }
p.item { text-indent: -1.4em; }
p.item .label { display: inline-block; width: 1.4em; text-indent: 0; }
p.quote { margin-left: 4.4em; margin-right: 2.2em; }
table.draft-table { border-collapse: collapse; width: 100%; margin: .4em 0 1em; font-size: 10.5pt; line-height: 1.3; }
table.draft-table th, table.draft-table td { border: 1px solid #000; padding: .25em .45em; vertical-align: top; text-align: left; }
table.draft-table thead { display: table-header-group; }
table.draft-table th { background: #e7e6e6; }
table.draft-table tr { break-inside: avoid; }
table.draft-table p { margin: 0 0 .25em; }
table.draft-table p:last-child { margin-bottom: 0; }
sup.note-ref { font-size: .7em; line-height: 0; }
sup.note-ref a { text-decoration: none; color: inherit; }
@media print { .notes a.back { display: none; } }
.notes { border-top: 1px solid #000; margin-top: 2em; padding-top: .6em; font-size: 10pt; }
.notes h2, .annex h2 { font-size: 12pt; }
.notes ol { padding-left: 2em; }
.annex { break-before: page; font-size: 10pt; }
.annex code { font-size: 9pt; word-break: break-all; }
`;

function inlineHtml(inlines: Inline[]): string {
  return inlines
    .map((inline) => {
      if (inline.kind === 'break') return '<br>';
      if (inline.kind === 'citation') {
        const n = inline.note;
        // Named "Note 3" for screen readers, which would otherwise read a bare number.
        return `<sup class="note-ref"><a id="ref-${n}" href="#note-${n}" role="doc-noteref" aria-label="Note ${n}">${n}</a></sup>`;
      }
      let html = escapeHtml(inline.text);
      if (inline.italic) html = `<em>${html}</em>`;
      if (inline.bold) html = `<strong>${html}</strong>`;
      return html;
    })
    .join('');
}

function blockHtml(block: Block): string {
  const content = inlineHtml(block.inlines);
  if (block.kind === 'heading') {
    const tag = `h${block.level + 1}`;
    return `<${tag}>${content}</${tag}>`;
  }
  if (block.number !== null) {
    return `<p class="numbered"><span class="number">${block.number}.</span>${content}</p>`;
  }
  if (block.list) {
    const indent = `margin-left:${2.2 + 1.6 * (block.list.depth + 1)}em`;
    if (!block.list.first) return `<p class="item-more" style="${indent}">${content}</p>`;
    return `<p class="item" style="${indent}"><span class="label">${listLabel(block.list)}</span>${content}</p>`;
  }
  return `<p class="${block.quote ? 'quote' : 'unnumbered'}">${content}</p>`;
}

function cellBlockHtml(block: Block): string {
  const content = inlineHtml(block.inlines);
  if (block.list?.first) return `<p><span class="label">${listLabel(block.list)}</span> ${content}</p>`;
  return `<p>${content}</p>`;
}

function tableHtml(table: TableLayout): string {
  const row = (cells: (LaidCell | null)[], header: boolean) =>
    `<tr>${cells
      .map((cell) => {
        if (!cell) return '';
        // A header row's cells head their columns; a header cell in a body row heads its row.
        const tag = header || cell.header ? 'th' : 'td';
        const scope = header ? ' scope="col"' : cell.header ? ' scope="row"' : '';
        const spans = `${cell.colspan > 1 ? ` colspan="${cell.colspan}"` : ''}${cell.rowspan > 1 ? ` rowspan="${cell.rowspan}"` : ''}`;
        return `<${tag}${scope}${spans}>${cell.blocks.map(cellBlockHtml).join('')}</${tag}>`;
      })
      .join('')}</tr>`;
  const head = table.rows.filter((r, i) => r.header && table.rows.slice(0, i).every((p) => p.header));
  const rest = table.rows.slice(head.length);
  return `<table class="draft-table">${head.length ? `<thead>${head.map((r) => row(r.cells, true)).join('')}</thead>` : ''}<tbody>
${rest.map((r) => row(r.cells, r.header)).join('\n')}
</tbody></table>`;
}

function coverHtml(line: CoverLine): string {
  const text = escapeHtml(line.text);
  if (line.style === 'title') return `<h1>${text}</h1>`;
  if (line.style === 'subtitle') return `<p class="subtitle">${text}</p>`;
  if (line.style === 'heading') return `<h2>${text}</h2>`;
  return `<p>${text}</p>`;
}

function annexHtml(doc: ExportDocument): string {
  if (!doc.provenance || doc.notes.length === 0) return '';
  const { t } = wording(doc.language);
  const items = doc.notes
    .map(
      (note) =>
        `<li><strong>${escapeHtml(t('annex.note', { n: note.number }))}</strong> ${escapeHtml(note.sourceTitle || t('annex.untitled'))}<br>` +
        `${escapeHtml(t('annex.page', { page: note.page ?? '', hasPage: note.page ? 'yes' : 'no' }))}<br>` +
        `${escapeHtml(t('annex.sha'))}<code>${escapeHtml(note.sha256 ?? t('annex.noOriginal'))}</code><br>` +
        `${escapeHtml(t('annex.excerpt'))}<code>${escapeHtml(note.excerptId)}</code></li>`,
    )
    .join('\n');
  return `<section class="annex"><h2>${escapeHtml(t('annex.heading'))}</h2>
<p>${escapeHtml(t('annex.intro'))}</p>
<ul>
${items}
</ul></section>`;
}

export function renderHtml(doc: ExportDocument): string {
  const { t } = wording(doc.language);
  const notes =
    doc.notes.length === 0
      ? ''
      : `<section class="notes"><h2>${escapeHtml(t('notes.heading'))}</h2><ol>
${doc.notes.map((n) => `<li id="note-${n.number}">${escapeHtml(n.text)} <a class="back" href="#ref-${n.number}" aria-label="${escapeHtml(t('notes.back'))}">↩</a></li>`).join('\n')}
</ol></section>`;
  return `<!doctype html>
<html lang="${escapeHtml(doc.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header class="cover">
${doc.cover.map(coverHtml).join('\n')}
</header>
<main>
${layout(doc.blocks)
  .map((item) => (item.kind === 'block' ? blockHtml(item.block) : tableHtml(item)))
  .join('\n')}
</main>
${notes}
${annexHtml(doc)}
</body>
</html>
`;
}
