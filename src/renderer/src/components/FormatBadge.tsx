// The file format a source was imported from, shown wherever a source is named: the same document
// imported as PDF, Word, web page and text otherwise looks identical in every list.
import type { SourceSummary } from '../../../shared/api.ts';

export const FORMAT_LABELS: Record<NonNullable<SourceSummary['format']>, string> = {
  pdf: 'PDF',
  docx: 'Word',
  html: 'Web page',
  text: 'Text',
  markdown: 'Markdown',
};

export function FormatBadge({ format }: { format: SourceSummary['format'] }) {
  if (!format) return null;
  return (
    <span className="format-badge" title={`Imported from a ${FORMAT_LABELS[format]} file`}>
      {FORMAT_LABELS[format]}
    </span>
  );
}
