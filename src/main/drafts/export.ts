// One export: the document in the chosen format, the name the save dialog suggests, and what the
// audit log says about it (format and options, never the file's path or text).
import type { ExportFormat } from '../../shared/api/drafts.ts';
import type { ExportDocument } from './document.ts';
import { renderDocx } from './docx.ts';
import { renderHtml } from './html.ts';
import { renderMarkdown } from './markdown.ts';

export const SAVE_FILTERS: Record<ExportFormat, { name: string; extensions: string[] }> = {
  docx: { name: 'Word document', extensions: ['docx'] },
  html: { name: 'Web page', extensions: ['html'] },
  md: { name: 'Markdown text', extensions: ['md'] },
};

export async function renderExport(doc: ExportDocument, format: ExportFormat): Promise<Uint8Array> {
  if (format === 'docx') return renderDocx(doc);
  return new TextEncoder().encode(format === 'html' ? renderHtml(doc) : renderMarkdown(doc));
}

/** "UPR submission 2027.docx" from the draft's title, with only characters every file system takes. */
export function suggestedFileName(title: string, format: ExportFormat): string {
  const base = title
    .normalize('NFC')
    .replace(/[^\p{L}\p{N} ._()-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .slice(0, 80)
    .trim();
  return `${base || 'submission'}.${format}`;
}

/** Adds the format's extension when the chosen path has none (some save dialogs do not). */
export function withExtension(path: string, format: ExportFormat): string {
  const name = path.split(/[\\/]/).pop() ?? '';
  return /\.[A-Za-z0-9]{1,5}$/.test(name) ? path : `${path}.${format}`;
}

export function auditSummary(
  format: ExportFormat,
  options: { redact: boolean; provenance: boolean; errors: number; warnings: number; restrictedNamed?: number },
): string {
  const parts = [`Exported as ${format.toUpperCase()}`, options.redact ? 'redacted' : 'not redacted'];
  if (options.provenance) parts.push('with provenance annex');
  // Who let a team-only source be named, and when, is worth finding again in the audit log.
  if (options.restrictedNamed) parts.push(`${options.restrictedNamed} restricted source(s) named`);
  if (options.errors > 0) parts.push(`${options.errors} check error(s) accepted`);
  if (options.warnings > 0) parts.push(`${options.warnings} warning(s)`);
  return parts.join(', ');
}
